package io.netjourney.ui.model;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopEventBuilder;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Names;
import io.netjourney.journey.FlowStatus;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.diagram.Highlight;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bug seen on a real Docker host: the bridge flooded the first ping to both ports, and a chain model drew an
 * edge from the other container's eth0 to the target's veth and called the flow dropped. With packets as trees the
 * diagram has only the edges packets took, the flow is fine, and the path drawn is the copy that arrived.
 */
class FloodTest {
    private static final long HOST = 4026532176L;
    private static final long CTR1 = 4026532245L;
    private static final long CTR2 = 4026532314L;
    private static final String BR0 = DiagramGraph.idOf(HOST, 3);
    private static final String VETH1 = DiagramGraph.idOf(HOST, 4);
    private static final String VETH2 = DiagramGraph.idOf(HOST, 5);
    private static final String ETH0_CTR1 = DiagramGraph.idOf(CTR1, 2);
    private static final String ETH0_CTR2 = DiagramGraph.idOf(CTR2, 2);

    private static HopEventBuilder echo(int type, long ts, long skb, long netns, int ifindex, String ifname,
            Hook hook) {
        boolean reply = type == 0;
        return hop().at(ts).skb(skb).netns(netns).netnsCookie(netns).dev(ifindex, ifname, "veth").hook(hook)
                .from(reply ? "198.51.100.2" : "198.51.100.1").to(reply ? "198.51.100.1" : "198.51.100.2")
                .icmp(type, 0, 77, 1);
    }

    /** The flooded request, its copy to nj-ctr2 dropped by {@code reason}, and (when {@code delivered}) the copy to
     * nj-ctr1 reaching its eth0. */
    private static JourneyViewModel floodedRequest(String reason, boolean delivered) {
        List<HopEvent> hops = new ArrayList<>();
        hops.add((echo(8, 1_000, 0xa000, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).build()));
        hops.add((echo(8, 2_000, 0xb000, HOST, 4, "nj-veth1", Hook.NET_DEV_QUEUE).build()));
        hops.add((echo(8, 3_000, 0xa000, HOST, 5, "nj-veth2", Hook.NET_DEV_QUEUE).build()));
        hops.add((echo(8, 4_000, 0xa000, CTR2, 2, "eth0", Hook.NETIF_RX).build()));
        Drop died = echo(8, 5_000, 0xa000, CTR2, 2, "eth0", Hook.NETIF_RX).drop(12, 1).buildDrop();
        hops.add((died.named(reason, "nft_do_chain+0x46f")));
        if (delivered) {
            hops.add((echo(8, 6_000, 0xb000, CTR1, 2, "eth0", Hook.NETIF_RX).build()));
        } else {
            Drop second = echo(8, 6_000, 0xb000, HOST, 4, "nj-veth1", Hook.NET_DEV_QUEUE).drop(12, 1).buildDrop();
            hops.add((second.named(reason, "nft_do_chain+0x46f")));
        }
        Presented shown = new Presented(Names.NONE);
        JourneyViewModel model = shown.view;
        shown.accept(hops);
        return model;
    }

    @Test
    void aRealDropOfOneCopyIsNotALostPacketWhileAnotherArrived() {
        JourneyViewModel model = floodedRequest("NETFILTER_DROP", true);
        FlowRow row = model.flows().get(0);
        assertTrue(row.getState() != FlowStatus.DROPPED, "the copy for nj-ctr1 got there: " + row.getState());
        model.select(row.getId());
        assertEquals(Set.of(), model.highlightProperty().get().dropped(), "no red marker");
    }

    @Test
    void aPacketIsDroppedWhenEveryCopyWas() {
        JourneyViewModel model = floodedRequest("NETFILTER_DROP", false);
        FlowRow row = model.flows().get(0);
        assertEquals(FlowStatus.DROPPED, row.getState());
        model.select(row.getId());
        assertEquals(1, model.highlightProperty().get().dropped().size(), "the red marker where the last copy died");
    }

    @Test
    void aFloodedPingDrawsOnlyTheEdgesItsCopiesTookAndTheCopyThatArrived() {
        List<HopEvent> hops = new ArrayList<>();
        long original = 0xa000;
        long clone = 0xb000;
        hops.add((echo(8, 1_000, original, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).build()));
        hops.add((echo(8, 2_000, clone, HOST, 4, "nj-veth1", Hook.NET_DEV_QUEUE).build()));
        hops.add((echo(8, 3_000, original, HOST, 5, "nj-veth2", Hook.NET_DEV_QUEUE).build()));
        hops.add((echo(8, 4_000, clone, CTR1, 2, "eth0", Hook.NETIF_RX).build()));
        hops.add((echo(8, 5_000, original, CTR2, 2, "eth0", Hook.NETIF_RX).build()));
        Drop died = echo(8, 6_000, original, CTR2, 2, "eth0", Hook.NETIF_RX).drop(5, 1).buildDrop();
        hops.add((died.named("OTHERHOST", "ip_rcv_core+0x2a")));
        long reply = 0xc000;
        hops.add((echo(0, 9_000, reply, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE).build()));
        hops.add((echo(0, 10_000, reply, HOST, 4, "nj-veth1", Hook.NETIF_RX).build()));
        hops.add((echo(0, 11_000, reply, HOST, 3, "nj-br0", Hook.NETIF_RECEIVE_SKB).build()));

        Presented shown = new Presented(Names.NONE);
        JourneyViewModel model = shown.view;
        shown.accept(hops);

        Set<String> links = model.graphProperty().get().links().stream()
                .map(l -> l.fromId() + ">" + l.toId()).collect(Collectors.toSet());
        assertEquals(Set.of(BR0 + ">" + VETH1, BR0 + ">" + VETH2, VETH1 + ">" + ETH0_CTR1, VETH2 + ">" + ETH0_CTR2),
                links, "no edge between the two copies");
        FlowRow row = model.flows().get(0);
        assertEquals(FlowStatus.OK, row.getState(), "the ping was answered; the flooded copy's death is expected");

        model.select(row.getId());
        Highlight highlight = model.highlightProperty().get();
        assertEquals(List.of(BR0 + ">" + VETH1, VETH1 + ">" + ETH0_CTR1), highlight.request().stream()
                .map(e -> e.fromId() + ">" + e.toId()).toList(), "the copy that arrived is the path drawn");
        assertEquals(Set.of(), highlight.dropped(), "no red marker");
        assertTrue(model.hopStats().stream().filter(s -> s.direction() == io.netjourney.journey.PacketDirection.REQUEST)
                .allMatch(s -> s.lost() == 0), "no loss along the path that arrived");
    }
}
