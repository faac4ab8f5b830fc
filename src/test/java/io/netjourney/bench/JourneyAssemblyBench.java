package io.netjourney.bench;

import io.netjourney.capture.HopRecord;
import io.netjourney.journey.JourneyAssembler;
import io.netjourney.journey.TracedHop;
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
 * JMH benchmark (run with packaging/bench-jmh): what the consumer thread does per kernel record, decoding it and
 * placing the crossing in its journey, with the default retention (50,000 packets, 10,000 flows) filled as a long
 * trace fills it. One record per operation, so ops/s is events/s on one core. {@code flows} sets how many flows
 * the lab traffic spreads over: 2,000 flows of a few dozen packets each, or 50,000 short ones (of which one pass
 * over the input touches about 11,000, so the assembler also evicts flows).
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Xmn1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JourneyAssemblyBench {
    @Param({"2000", "50000"})
    public int flows;

    private RecordRing ring;
    private JourneyAssembler assembler;

    @Setup
    public void setUp() {
        ring = new RecordRing(LabTraffic.generate(1 << 17, flows, 1));
        assembler = new JourneyAssembler();
        // fill the retention before measuring, as a trace that has run a while has
        for (int i = 0; i < 2 * ring.size(); i++) {
            assembler.accept(HopRecord.decode(ring.nextRetimed()));
        }
    }

    @Benchmark
    public TracedHop decodeAndAssemble(CpuClock clock) {
        clock.events++;
        return assembler.accept(HopRecord.decode(ring.nextRetimed()));
    }
}
