package io.netjourney.sinks;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Hook;
import io.netjourney.capture.KernelCount;
import io.netjourney.capture.Names;
import io.netjourney.journey.CountedFlows;
import io.netjourney.journey.LatencyHistogram;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kernel's counts as trace --sample prints them. */
class CountsFormatterTest {
    private static final Names NAMES = inode -> inode == 10 ? Optional.of("nj-ctr1") : Optional.empty();

    private static long[] bucket(int b, long n) {
        long[] buckets = new long[KernelCount.BUCKETS];
        buckets[b] = n;
        return buckets;
    }

    @Test
    void aFlowIsATablePerDirectionWithDropsAndTheirReasons() {
        List<KernelCount> counts = List.of(
                new KernelCount(hop().hook(Hook.NET_DEV_QUEUE).netns(10).dev(2, "eth0", "veth").from("198.51.100.2")
                        .to("198.51.100.3").icmp(8, 0, 7, 0).buildCrossing(), 100, 9_800, 1, 2, bucket(0, 100)),
                new KernelCount(hop().hook(Hook.NETIF_RX).netns(20).dev(2, "eth0", "veth").from("198.51.100.2")
                        .to("198.51.100.3").icmp(8, 0, 7, 0).buildCrossing(), 100, 8_400, 3, 4, bucket(12, 100)),
                new KernelCount(hop().hook(Hook.KFREE_SKB).netns(20).dev(2, "eth0", "veth").from("198.51.100.2")
                        .to("198.51.100.3").icmp(8, 0, 7, 0).drop(77, 0).buildDrop()
                        .named("NETFILTER_DROP", "nft_do_chain+0x46f"), 4, 336, 5, 6, bucket(13, 4)));
        String text = new CountsFormatter(NAMES).text(CountedFlows.of(counts).get(0));
        String[] lines = text.split("\n");
        assertEquals("icmp 198.51.100.2 <-> 198.51.100.3 id 7: 100 packets", lines[0]);
        assertTrue(lines[1].startsWith("  198.51.100.2 -> 198.51.100.3"), lines[1]);
        assertTrue(lines[1].endsWith("packets        bytes        p50        p99"), lines[1]);
        assertTrue(lines[2].matches("    \\[nj-ctr1\\] eth0 +tx +100 +9800 +0 +0"), lines[2]);
        assertTrue(lines[3].matches("    \\[20\\] eth0 +rx +100 +8400 +<4\\.1 µs +<4\\.1 µs"), lines[3]);
        assertTrue(lines[4].matches("    \\[20\\] eth0 +drop +4 +336 +<8\\.2 µs +<8\\.2 µs"), lines[4]);
        assertTrue(lines[5].startsWith("      dropped: NETFILTER_DROP at nft_do_chain+0x46f"), lines[5]);
        assertEquals(6, lines.length, text);
    }

    @Test
    void framesWithoutIpAddressesAreNamedByTheirEthertype() {
        KernelCount lldp = new KernelCount(hop().hook(Hook.NETIF_RX).netns(10).dev(2, "eth0", "veth")
                .ethertype(0x88cc).noAddresses().buildCrossing(), 3, 180, 1, 2, bucket(0, 3));
        CountsFormatter formatter = new CountsFormatter(NAMES);
        CountedFlows.Flow flow = CountedFlows.of(List.of(lldp)).get(0);
        assertTrue(formatter.text(flow).startsWith("ethertype 0x88cc frames: 3 packets\n  ethertype 0x88cc frames"),
                formatter.text(flow));
        String json = formatter.json(flow).get(0);
        assertTrue(json.startsWith("{\"count\":{") && !json.contains("\"src\""), json);
    }

    @Test
    void sinceIsTheBucketsUpperBound() {
        assertEquals("0", CountsFormatter.since(new LatencyHistogram(bucket(0, 1)), 0.5));
        assertEquals("<512 ns", CountsFormatter.since(new LatencyHistogram(bucket(9, 1)), 0.5));
        assertEquals("<1.0 ms", CountsFormatter.since(new LatencyHistogram(bucket(20, 1)), 0.5));
        assertEquals("-", CountsFormatter.since(new LatencyHistogram(new long[32]), 0.5));
    }
}
