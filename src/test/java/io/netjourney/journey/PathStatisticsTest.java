package io.netjourney.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.journey.PathStatistics.Hop;
import io.netjourney.journey.PathStatistics.Path;
import io.netjourney.journey.PathStatistics.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mtr-style statistics along a path, checked against numbers worked out by hand. */
class PathStatisticsTest {
    /** br0 → veth1 → eth0, with these Δt into veth1 and eth0 (ns); null: the packet stopped before. */
    private static Path<String> packet(long id, Long toVeth, Long toEth0) {
        List<Step<String>> steps = new ArrayList<>();
        steps.add(new Step<>("br0", -1));
        if (toVeth != null) {
            steps.add(new Step<>("veth1", toVeth));
            if (toEth0 != null) {
                steps.add(new Step<>("eth0", toEth0));
            }
        }
        return new Path<>(id, steps);
    }

    @Test
    void seenLossAndLatenciesPerHop() {
        List<Hop<String>> hops = PathStatistics.of(List.of(
                packet(1, 1_000L, 4_000L),
                packet(2, 3_000L, 2_000L),
                packet(3, 2_000L, null)));

        assertEquals(List.of("br0", "veth1", "eth0"), hops.stream().map(Hop::place).toList());
        Hop<String> br0 = hops.get(0);
        assertEquals(3, br0.seen());
        assertEquals(0, br0.lost());
        assertEquals(0, br0.samples(), "no step into the first hop");
        assertTrue(Double.isNaN(br0.meanNs()));

        Hop<String> veth = hops.get(1);
        assertEquals(3, veth.seen());
        assertEquals(1, veth.lost(), "packet 3 never reached eth0");
        assertEquals(100.0 / 3, veth.lossPercent(), 1e-9);
        assertEquals(2_000, veth.lastNs(), "the newest packet's");
        assertEquals(2_000.0, veth.meanNs(), 1e-9);
        assertEquals(1_000, veth.bestNs());
        assertEquals(3_000, veth.worstNs());
        assertEquals(Math.sqrt(2_000_000.0 / 3), veth.stddevNs(), 1e-6, "population standard deviation");

        Hop<String> eth0 = hops.get(2);
        assertEquals(2, eth0.seen());
        assertTrue(eth0.lastHop());
        assertEquals(0, eth0.lost());
        assertEquals(2_000, eth0.lastNs());
        assertEquals(3_000.0, eth0.meanNs(), 1e-9);
        assertEquals(1_000.0, eth0.stddevNs(), 1e-9);
    }

    @Test
    void theReferenceIsTheLongestPathTheNewestOnATie() {
        Path<String> shortOne = packet(9, 1_000L, null);
        Path<String> older = packet(1, 1_000L, 1_000L);
        Path<String> newer = packet(2, 1_000L, 1_000L);
        assertEquals(newer, PathStatistics.reference(List.of(shortOne, older, newer)));
    }

    @Test
    void anInterfaceCrossedTwiceIsTwoHops() {
        Path<String> viaLo = new Path<>(1, List.of(new Step<>("lo", -1), new Step<>("lo", 5_000)));
        List<Hop<String>> hops = PathStatistics.of(List.of(viaLo));
        assertEquals(2, hops.size());
        assertEquals(5_000.0, hops.get(1).meanNs(), 1e-9);
    }

    @Test
    void noPacketsNoHops() {
        assertEquals(List.of(), PathStatistics.<String>of(List.of()));
    }
}
