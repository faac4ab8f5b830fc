package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.Drop;
import io.netjourney.capture.Hook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A packet that becomes several is a tree: the lab's bridge floods a ping from nj-host to both of its ports (its
 * MAC not learnt yet); the clone to nj-veth1 reaches nj-ctr1, the original skb goes to nj-veth2 and dies in nj-ctr2
 * as OTHERHOST. Each crossing follows the one it came from, never the other copy's.
 */
class PacketTreeTest {
    private static final long HOST = 4026532176L;
    private static final long CTR1 = 4026532245L;
    private static final long CTR2 = 4026532314L;
    private static final long ORIGINAL = 0xffff888100001000L;
    private static final long CLONE = 0xffff888100002000L;

    private final JourneyAssembler assembler = new JourneyAssembler();

    private TracedHop cross(long ts, long skb, long netns, int ifindex, String ifname, Hook hook) {
        return assembler.accept(ping(ts, skb, netns, ifindex, ifname, hook).build());
    }

    private static io.netjourney.capture.HopEventBuilder ping(long ts, long skb, long netns, int ifindex,
            String ifname, Hook hook) {
        return hop().at(ts).skb(skb).netns(netns).dev(ifindex, ifname, "veth").hook(hook).from("198.51.100.1")
                .to("198.51.100.2").icmp(8, 0, 77, 1);
    }

    @Test
    void aFloodedPingIsATreeWithABranchPerPort() {
        TracedHop bridge = cross(1_000, ORIGINAL, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE);
        TracedHop toVeth1 = cross(2_000, CLONE, HOST, 4, "nj-veth1", Hook.NET_DEV_QUEUE);
        TracedHop toVeth2 = cross(3_000, ORIGINAL, HOST, 5, "nj-veth2", Hook.NET_DEV_QUEUE);
        TracedHop inCtr1 = cross(4_000, CLONE, CTR1, 2, "eth0", Hook.NETIF_RX);
        TracedHop inCtr2 = cross(5_000, ORIGINAL, CTR2, 2, "eth0", Hook.NETIF_RX);
        Drop died = ping(6_000, ORIGINAL, CTR2, 2, "eth0", Hook.NETIF_RX).drop(5, 1).buildDrop();
        TracedHop drop = assembler.accept(died.named("OTHERHOST", "ip_rcv_core+0x2a"));

        List<TracedHop> all = List.of(bridge, toVeth1, toVeth2, inCtr1, inCtr2, drop);
        assertEquals(1, all.stream().map(TracedHop::packetId).distinct().count(), "one packet: "
                + all.stream().map(h -> h.event().ifname() + "#" + h.packetId()).toList());
        assertEquals(List.of(-1, 0, 0, 1, 2, 4), all.stream().map(TracedHop::parent).toList(), "parents by ordinal");
        assertEquals(List.of(0, 1, 1, 2, 2, 3), all.stream().map(TracedHop::hopIndex).toList(),
                "hop numbers follow each branch");
        assertEquals(List.of(0, 1, 0, 1, 0, 0), all.stream().map(TracedHop::branch).toList(),
                "the clone is branch 1, the original skb the trunk");
        assertEquals(2_000, inCtr1.deltaNs(), "Δt from nj-veth1, not from the other copy's nj-veth2");
        assertEquals(2_000, toVeth2.deltaNs(), "Δt from the bridge");
        assertEquals(true, DropClass.of(drop.event()).expected(), "the flooded copy's death is expected");
    }

    @Test
    void aPacketIsLostOnlyWhenEveryCopyEndedInARealDrop() {
        TracedHop bridge = cross(1_000, ORIGINAL, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE);
        TracedHop toVeth1 = cross(2_000, CLONE, HOST, 4, "nj-veth1", Hook.NET_DEV_QUEUE);
        TracedHop toVeth2 = cross(3_000, ORIGINAL, HOST, 5, "nj-veth2", Hook.NET_DEV_QUEUE);
        Drop firewalled = ping(4_000, ORIGINAL, HOST, 5, "nj-veth2", Hook.NET_DEV_QUEUE).drop(12, 1).buildDrop();
        TracedHop realDrop = assembler.accept(firewalled.named("NETFILTER_DROP",
                "nft_do_chain+0x46f"));
        List<TracedHop> crossings = List.of(bridge, toVeth1, toVeth2);

        assertEquals(false, Branches.lost(crossings, List.of(realDrop)), "the copy to nj-veth1 lives on");
        Drop second = ping(5_000, CLONE, HOST, 4, "nj-veth1", Hook.NET_DEV_QUEUE).drop(12, 1).buildDrop();
        TracedHop both = assembler.accept(second.named("NETFILTER_DROP",
                "nft_do_chain+0x46f"));
        assertEquals(true, Branches.lost(crossings, List.of(realDrop, both)), "every copy died");
        assertEquals(false, Branches.lost(crossings, List.of()), "no drop, not lost");
        assertEquals(List.of(bridge, toVeth1), Branches.deepest(crossings, toVeth2.ordinal()),
                "the path drawn avoids the copy that died");
    }

    @Test
    void aChainStaysAChain() {
        TracedHop a = cross(1_000, ORIGINAL, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE);
        TracedHop b = cross(2_000, ORIGINAL, HOST, 4, "nj-veth1", Hook.NET_DEV_QUEUE);
        TracedHop c = cross(3_000, ORIGINAL, CTR1, 2, "eth0", Hook.NETIF_RX);
        assertEquals(List.of(-1, 0, 1), List.of(a.parent(), b.parent(), c.parent()));
        assertEquals(List.of(0, 1, 2), List.of(a.hopIndex(), b.hopIndex(), c.hopIndex()));
        assertEquals(List.of(0, 0, 0), List.of(a.branch(), b.branch(), c.branch()));
    }
}
