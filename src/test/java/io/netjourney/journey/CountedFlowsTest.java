package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Hook;
import io.netjourney.capture.KernelCount;
import io.netjourney.capture.PacketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel's counts grouped by flow and direction, places in path order. */
class CountedFlowsTest {
    private static final String CLIENT = "198.51.100.2";
    private static final String SERVER = "198.51.100.3";

    /** A count of an echo (request: type 8, reply: 0) at a place, its packets all this long after their first. */
    private static KernelCount echo(int type, String from, String to, long netns, String ifname, Hook hook,
            long packets, long firstNs, int bucket) {
        PacketEvent at = hop().hook(hook).netns(netns).dev(2, ifname, "veth").from(from).to(to)
                .icmp(type, 0, 4242, 0).buildCrossing();
        long[] buckets = new long[KernelCount.BUCKETS];
        buckets[bucket] = packets;
        return new KernelCount(at, packets, packets * 98, firstNs, firstNs + 1_000, buckets);
    }

    @Test
    void anEchoIsOneFlowWithItsRequestFirstAndPlacesInPathOrder() {
        List<KernelCount> counts = new ArrayList<>(List.of(
                echo(0, SERVER, CLIENT, 20, "eth0", Hook.NET_DEV_QUEUE, 100, 5_000, 0),
                echo(8, CLIENT, SERVER, 20, "eth0", Hook.NETIF_RX, 100, 1_200, 12),
                echo(8, CLIENT, SERVER, 1, "veth1", Hook.NET_DEV_QUEUE, 100, 1_100, 11),
                echo(0, SERVER, CLIENT, 10, "eth0", Hook.NETIF_RX, 99, 5_300, 13),
                echo(8, CLIENT, SERVER, 10, "eth0", Hook.NET_DEV_QUEUE, 100, 1_000, 0),
                echo(8, CLIENT, SERVER, 1, "veth1", Hook.NETIF_RX, 100, 1_050, 11)));
        counts.add(new KernelCount(hop().hook(Hook.KFREE_SKB).netns(10).dev(0, "", "").from(SERVER).to(CLIENT)
                .icmp(0, 0, 4242, 0).drop(3, 0).buildDrop(), 1, 98, 6_000, 6_000, new long[KernelCount.BUCKETS]));

        List<CountedFlows.Flow> flows = CountedFlows.of(counts);

        assertEquals(1, flows.size(), "request and reply are one flow: " + flows);
        CountedFlows.Flow flow = flows.get(0);
        assertEquals(200, flow.packets());
        CountedFlows.Direction request = flow.directions().get(0);
        assertEquals(CLIENT, request.source().getHostAddress(), "the direction seen first comes first");
        assertEquals(List.of("10 eth0 NET_DEV_QUEUE", "1 veth1 NETIF_RX", "1 veth1 NET_DEV_QUEUE",
                "20 eth0 NETIF_RX"), places(request));
        CountedFlows.Direction reply = flow.directions().get(1);
        assertEquals(List.of("20 eth0 NET_DEV_QUEUE", "10 eth0 NETIF_RX", "10  KFREE_SKB"), places(reply),
                "the drop last");
        assertEquals(100, reply.packets());
        assertEquals(1, reply.drops());
    }

    @Test
    void theBusiestFlowComesFirst() {
        List<KernelCount> counts = List.of(
                echo(8, CLIENT, SERVER, 10, "eth0", Hook.NET_DEV_QUEUE, 5, 0, 0),
                echo(8, CLIENT, "198.51.100.4", 10, "eth0", Hook.NET_DEV_QUEUE, 50, 0, 0));
        List<CountedFlows.Flow> flows = CountedFlows.of(counts);
        assertEquals(List.of(50L, 5L), flows.stream().map(CountedFlows.Flow::packets).toList());
    }

    @Test
    void quantilesAreTheUpperBoundsOfTheirBuckets() {
        long[] buckets = new long[KernelCount.BUCKETS];
        buckets[0] = 50;  // 0 ns
        buckets[12] = 49; // [2048, 4096) ns
        buckets[20] = 1;  // [0.5, 1) ms
        LatencyHistogram h = new LatencyHistogram(buckets);
        assertEquals(100, h.total());
        assertEquals(0, h.quantileNs(0.5));
        assertEquals(4096, h.quantileNs(0.51));
        assertEquals(4096, h.quantileNs(0.99));
        assertEquals(1 << 20, h.quantileNs(1.0));
        assertEquals(-1, new LatencyHistogram(new long[KernelCount.BUCKETS]).quantileNs(0.5));
    }

    private static List<String> places(CountedFlows.Direction direction) {
        return direction.places().stream()
                .map(p -> p.at().netnsInode() + " " + p.at().ifname() + " " + p.at().hook()).toList();
    }
}
