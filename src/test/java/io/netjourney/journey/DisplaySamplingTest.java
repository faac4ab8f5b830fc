package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.Hook;
import org.junit.jupiter.api.Test;

class DisplaySamplingTest {
    private static final long HOST = 4026532176L;
    private static final long CTR1 = 4026532245L;

    private final JourneyModel model = new JourneyModel(JourneyConfig.forViews().withMaxPacketsPerFlow(10));

    /** One echo request nj-host → nj-ctr1 crossing nj-br0, nj-veth1 and eth0, and its reply back over two. */
    private void ping(int seq) {
        long t = 1_000_000L * seq;
        long skb = 0x1000L * seq;
        model.accept(echo(8, seq, t, skb, HOST, 3, "nj-br0", "bridge", Hook.NET_DEV_QUEUE));
        model.accept(echo(8, seq, t + 1_000, skb, HOST, 4, "nj-veth1", "veth", Hook.NET_DEV_QUEUE));
        model.accept(echo(8, seq, t + 2_000, skb, CTR1, 2, "eth0", "veth", Hook.NETIF_RX));
        model.accept(echo(0, seq, t + 5_000, skb + 1, CTR1, 2, "eth0", "veth", Hook.NET_DEV_QUEUE));
        model.accept(echo(0, seq, t + 6_000, skb + 1, HOST, 4, "nj-veth1", "veth", Hook.NETIF_RX));
    }

    private static io.netjourney.capture.HopEvent echo(int type, int seq, long ts, long skb, long netns, int ifindex,
            String ifname, String kind, Hook hook) {
        boolean reply = type == 0;
        return hop().at(ts).skb(skb).netns(netns).dev(ifindex, ifname, kind).hook(hook)
                .from(reply ? "198.51.100.2" : "198.51.100.1").to(reply ? "198.51.100.1" : "198.51.100.2")
                .icmp(type, 0, 77, seq).build();
    }

    @Test
    void everyJourneyShownWhileTheFlowKeepsAllItsPackets() {
        ping(1);
        FlowDetail before = model.detail(1);
        ping(2);
        ping(3);
        assertEquals(1, DisplaySampling.oneIn(before, model.detail(1)));
    }

    @Test
    void aFloodFasterThanTheRetentionIsShownOneInN() {
        ping(1);
        FlowDetail before = model.detail(1);
        for (int seq = 2; seq <= 101; seq++) {
            ping(seq);
        }
        FlowDetail now = model.detail(1);
        assertEquals(202, now.flow().summary().packets(), "every packet counted");
        assertEquals(10, now.flow().summary().retainedPackets(), "the latest 10 kept");
        assertEquals(20, DisplaySampling.oneIn(before, now), "200 packets seen, 10 of them shown");
    }

    @Test
    void anotherFlowOrNoEarlierDetailSaysNothing() {
        ping(1);
        FlowDetail first = model.detail(1);
        assertEquals(1, DisplaySampling.oneIn(null, first));
        model.accept(hop().at(9_000_000).skb(0x9999).netns(HOST).dev(3, "nj-br0", "bridge").hook(Hook.NET_DEV_QUEUE)
                .from("198.51.100.1").to("198.51.100.3").icmp(8, 0, 78, 1).build());
        assertEquals(1, DisplaySampling.oneIn(first, model.detail(2)));
    }

    @Test
    void aDetailHeldBackOnceComesWithTheNextSnapshotThatAllowsIt() {
        ping(1);
        model.snapshot(1, true);
        ping(2);
        assertEquals(null, model.snapshot(1, false, false).selected(), "held back: the flow changed, detail not due");
        assertEquals(true, model.detailHeldBack());
        JourneySnapshot due = model.snapshot(1, false, true);
        assertEquals(4, due.selected().flow().summary().packets(), "the next one brings it, nothing changed since");
        assertEquals(false, model.detailHeldBack());
        assertEquals(null, model.snapshot(1, false, true).selected(), "and only once");
    }
}
