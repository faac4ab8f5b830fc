package io.netjourney.bench;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark (run with packaging/bench-jmh): decoding kernel records of lab traffic into {@link HopEvent}s, one
 * record per operation, so ops/s is events/s on one core.
 *
 * <p>The heap is fixed and touched up front: on a virtual machine whose page faults are slow, a heap that is still
 * growing costs more than the code under test (20 times as much on the 2-core test machine), and a long-running
 * tracer's heap has long been touched. The young generation is large (1 GB) so that the crossings the assembler
 * retains (some 70 MB with the default 50,000 packets) mostly die young instead of being copied at every
 * collection; {@link JourneyAssemblyBench} uses the same heap.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Xmn1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HopRecordDecodeBench {
    private RecordRing ring;

    @Setup
    public void setUp() {
        ring = new RecordRing(LabTraffic.generate(1 << 17, 2_000, 1));
    }

    @Benchmark
    public HopEvent decode(CpuClock clock) {
        clock.events++;
        return HopRecord.decode(ring.next());
    }
}
