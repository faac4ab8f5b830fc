package io.netjourney.bench;

import io.netjourney.capture.HopRecord;
import io.netjourney.journey.JourneyModel;
import io.netjourney.journey.JourneySnapshot;
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
 * JMH benchmark (run with packaging/bench-jmh): what the window's model thread does per kernel record — decoding
 * it and placing it in the {@link JourneyModel} (the assembler with the default retention, the topology, the flows
 * changed) — and, as the window asks for them, a snapshot with the selected flow's detail (paths, mtr statistics,
 * its story) every {@code snapshotEvery} events: at 5 M events/s, every 500,000 is 10 snapshots a second. One
 * record per operation, so ops/s is events/s on one core, the snapshots' cost spread over them.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Xmn1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JourneyModelBench {
    @Param({"2000", "50000"})
    public int flows;

    @Param({"500000"})
    public int snapshotEvery;

    private RecordRing ring;
    private JourneyModel model;
    private int sinceSnapshot;
    private long selected = 1;

    @Setup
    public void setUp() {
        ring = new RecordRing(LabTraffic.generate(1 << 17, flows, 1));
        model = new JourneyModel();
        for (int i = 0; i < 2 * ring.size(); i++) {
            model.accept(HopRecord.decode(ring.nextRetimed()));
        }
        model.snapshot(selected, true);
    }

    @Benchmark
    public TracedHop decodeAndPlace(CpuClock clock) {
        clock.events++;
        TracedHop hop = model.accept(HopRecord.decode(ring.nextRetimed()));
        if (++sinceSnapshot == snapshotEvery) {
            sinceSnapshot = 0;
            JourneySnapshot snapshot = model.snapshot(selected, true);
            // follow a flow that is there, as a user's selection would be
            selected = snapshot.selected() != null ? selected : hop.flowId();
        }
        return hop;
    }
}
