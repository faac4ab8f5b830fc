package io.netjourney.bench;

import io.netjourney.capture.HopRecord;
import io.netjourney.journey.JourneyAssembler;
import io.netjourney.journey.JourneyConfig;
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
 *
 * <p>{@code retention} says what the assembler keeps: {@code window} (the default) the window's retention
 * ({@link JourneyConfig#defaults()}: up to 64 crossings of each of 50,000 packets, as the window, {@code show} and
 * {@code report} keep them); {@code lines} what {@code trace} keeps (no crossings: ids, directions and counts only),
 * with {@code -p retention=lines}. Neither includes the statistics per hop ({@link
 * io.netjourney.journey.PathStatistics}), which the window and {@code report} compute from the retained packets per
 * frame or at the end, not per event.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Xmn1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JourneyAssemblyBench {
    @Param({"2000", "50000"})
    public int flows;

    @Param({"window"})
    public String retention;

    private RecordRing ring;
    private JourneyAssembler assembler;

    @Setup
    public void setUp() {
        ring = new RecordRing(LabTraffic.generate(1 << 17, flows, 1));
        assembler = new JourneyAssembler(switch (retention) {
            case "window" -> JourneyConfig.defaults();
            case "lines" -> JourneyConfig.defaults().withMaxHopsPerPacket(0);
            default -> throw new IllegalArgumentException("retention is window or lines, not " + retention);
        });
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
