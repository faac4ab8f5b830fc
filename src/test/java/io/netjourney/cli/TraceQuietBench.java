package io.netjourney.cli;

import io.netjourney.bench.CpuClock;
import io.netjourney.bench.LabTraffic;
import io.netjourney.bench.RecordRing;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.Names;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark (run with packaging/bench-jmh): what the session thread of {@code trace -q} does per kernel record
 * after the ring handed it over: decode it, and the {@link Tracer} that counts it (journey assembly keeping no
 * crossings, the summary's counters, the decision whether it is shown). One record per operation, so ops/s is
 * events/s on one core. {@code traffic=flood} is the load of {@code packaging/bench capture} (two UDP flows, four
 * crossings a packet, skbs reused within a few packets), {@code traffic=lab} the mixed lab traffic of {@code
 * JourneyAssemblyBench} over 2,000 flows.
 *
 * <p>The JVM runs with the launcher's options for {@code trace} ({@code packaging/jvm-options trace}) but the heap
 * and compiler options are JMH's unless given ({@code -jvmArgsAppend -XX:TieredStopAtLevel=1} measures the
 * first-tier compiler alone).
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms320m", "-Xmn256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TraceQuietBench {
    @Param({"flood", "lab"})
    public String traffic;

    private RecordRing ring;
    private Tracer tracer;

    @Setup
    public void setUp() {
        ring = new RecordRing(switch (traffic) {
            case "flood" -> LabTraffic.flood(1 << 17, 1);
            case "lab" -> LabTraffic.generate(1 << 17, 2_000, 1);
            default -> throw new IllegalArgumentException("traffic is flood or lab, not " + traffic);
        });
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        tracer = new OutputOptions().tracer(Names.NONE, nowhere, null, 0);
        tracer.printNothing();
        for (int i = 0; i < 2 * ring.size(); i++) {
            tracer.accept(HopRecord.decode(ring.nextRetimed()));
        }
    }

    @Benchmark
    public boolean decodeAndCount(CpuClock clock) {
        clock.events++;
        tracer.accept(HopRecord.decode(ring.nextRetimed()));
        return tracer.done();
    }
}
