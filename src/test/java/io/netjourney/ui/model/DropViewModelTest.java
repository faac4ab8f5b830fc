package io.netjourney.ui.model;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Names;
import io.netjourney.journey.FlowStatus;
import io.netjourney.ui.diagram.DiagramGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A dropped request: the flow says so, the node where it died carries the red marker, the table ends with it. */
class DropViewModelTest {
    static final long HOST = 4026532176L;
    static final long CTR2 = 4026532314L;

    @Test
    void aDroppedRequestMarksTheFlowAndTheNodeWhereItDied() {
        List<HopEvent> hops = new ArrayList<>();
        long skb = 0x5000;
        hops.add((hop().at(1_000).skb(skb).netns(HOST).dev(3, "nj-veth2", "veth").build()));
        hops.add((hop().at(2_000).skb(skb).netns(CTR2).dev(2, "eth0", "veth")
                .hook(Hook.NETIF_RX).build()));
        Drop drop = hop().at(3_000).skb(skb).netns(CTR2).dev(2, "eth0", "veth").drop(12, 1).buildDrop();
        hops.add((drop.named("NETFILTER_DROP", "nft_do_chain+0x4")));

        Presented shown = new Presented(Names.NONE);
        JourneyViewModel model = shown.view;
        shown.accept(hops);
        FlowRow row = model.flows().get(0);
        assertEquals(FlowStatus.DROPPED, row.getState());
        model.select(row.getId());
        String eth0 = DiagramGraph.idOf(CTR2, 2);
        assertEquals(Set.of(eth0), model.highlightProperty().get().dropped(), "the red end marker");
        assertEquals(2, model.graphProperty().get().interfaces().size(), "a drop is not an interface of its own");
        HopRow last = model.hopRows().get(model.hopRows().size() - 1);
        assertEquals("dropped: NETFILTER_DROP at nft_do_chain+0x4 (a firewall rule (nftables/iptables) dropped it)",
                last.info(), "where and why, as show prints it");
        assertEquals(eth0, last.interfaceId());
        assertTrue(model.crossingsProperty().get() == 2, "drops are not counted as crossings");
    }

    @Test
    void multicastNobodyListensToIsAnExpectedDropNeverARedFlow() {
        List<HopEvent> hops = new ArrayList<>();
        long skb = 0x7000;
        hops.add((hop().at(1_000).skb(skb).netns(HOST).dev(3, "nj-veth2", "veth")
                .from("fe80::1").to("ff02::16").icmp6(143, 0, 0).build()));
        hops.add((hop().at(2_000).skb(skb).netns(CTR2).dev(2, "eth0", "veth").hook(Hook.NETIF_RX)
                .from("fe80::1").to("ff02::16").icmp6(143, 0, 0).build()));
        Drop drop = hop().at(3_000).skb(skb).netns(CTR2).dev(2, "eth0", "veth").from("fe80::1").to("ff02::16")
                .icmp6(143, 0, 0).drop(2, 1).buildDrop();
        hops.add((drop.named("NOT_SPECIFIED", "ip6_mc_input+0x15e")));

        Presented shown = new Presented(Names.NONE);
        JourneyViewModel model = shown.view;
        shown.accept(hops);
        FlowRow row = model.flows().get(0);
        assertTrue(row.getState() != FlowStatus.DROPPED, "an MLD report nobody listens to is not a lost packet: "
                + row.getState());
        model.select(row.getId());
        assertEquals(Set.of(), model.highlightProperty().get().dropped(), "no red end marker");
        HopRow last = model.hopRows().get(model.hopRows().size() - 1);
        assertEquals("dropped (expected): NOT_SPECIFIED at ip6_mc_input+0x15e (multicast or broadcast that nothing here "
                + "listens to)", last.info(), "still listed, as expected, with why it is normal");
        assertTrue(last.expectedDrop(), "dimmed in the hop table");
    }

    @Test
    void theHopTableShowsAnAddressTranslationWhereItHappened() {
        List<HopEvent> hops = new ArrayList<>();
        hops.add((hop().at(1_000).skb(0x8000).netns(HOST).dev(5, "nj-h-r", "veth")
                .hook(Hook.NETIF_RX).from("198.51.100.130").to("198.51.100.65").tcp(40000, 8080, 0x02, 1, 0).build()));
        hops.add((hop().at(2_000).skb(0x8000).netns(HOST).dev(3, "nj-br0", "bridge")
                .from("198.51.100.130").to("198.51.100.3").tcp(40000, 80, 0x02, 1, 0).build()));
        Presented shown = new Presented(Names.NONE);
        JourneyViewModel model = shown.view;
        shown.accept(hops);
        model.select(model.flows().get(0).getId());
        assertEquals("[S] · dnat 198.51.100.65:8080 -> 198.51.100.3:80", model.hopRows().get(1).info());
        assertEquals("[S]", model.hopRows().get(0).info());
    }

    @Test
    void routingDecisionsForTheFlowJoinItsHopTableAndTheOutputInterfacesDetails() {
        List<HopEvent> hops = new ArrayList<>();
        hops.add((hop().at(500).netns(0).taskNetns(HOST).dev(3, "nj-veth2", "veth")
                .from("0.0.0.0").to("198.51.100.2").route(254, 0, 1, null).build()));
        hops.add((hop().at(1_000).skb(0x6000).netns(HOST).dev(3, "nj-veth2", "veth").build()));
        hops.add((hop().at(2_000).skb(0x6000).netns(CTR2).dev(2, "eth0", "veth")
                .hook(Hook.NETIF_RX).build()));
        hops.add((hop().at(2_500).netns(0).taskNetns(CTR2).dev(9, "other", "veth")
                .from("198.51.100.7").to("198.51.100.8").route(254, 0, 1, null).build()));
        Presented shown = new Presented(Names.NONE);
        JourneyViewModel model = shown.view;
        shown.accept(hops);
        model.select(model.flows().get(0).getId());
        List<String> infos = new ArrayList<>();
        model.hopRows().forEach(r -> infos.add(r.info()));
        assertEquals(List.of("route: table main: dev nj-veth2", "seq 1", "seq 1"), infos,
                "the flow's own lookup first, another flow's not at all");
        assertTrue(model.routesVia(DiagramGraph.idOf(HOST, 3)).orElseThrow()
                .startsWith("1 routing decision(s) chose this interface"));
    }

    @Test
    void aNetfilterVerdictFollowsTheCrossingOfItsPacketInTheDecidingNamespace() {
        List<HopEvent> hops = new ArrayList<>();
        hops.add((hop().at(1_000).skb(0x7000).netns(HOST).dev(3, "nj-veth2", "veth").build()));
        hops.add((hop().at(2_000).skb(0x7000).netns(CTR2).dev(2, "eth0", "veth")
                .hook(Hook.NETIF_RX).build()));
        Presented shown = new Presented(Names.NONE);
        JourneyViewModel model = shown.view;
        shown.accept(hops);
        model.select(model.flows().get(0).getId());
        Crossing packet = hop().netns(CTR2).buildCrossing();
        shown.journeys.acceptNetfilter(new io.netjourney.capture.netfilter.NetfilterVerdict(CTR2, "inet", "filter",
                "input", "icmp type echo-request drop", "drop", "eth0", packet));
        shown.accept(List.of());
        List<String> infos = new ArrayList<>();
        model.hopRows().forEach(r -> infos.add(r.hook() + ": " + r.info()));
        assertEquals(List.of("net_dev_queue: seq 1", "netif_rx: seq 1",
                "nftables trace: netfilter inet filter input: icmp type echo-request drop → drop"), infos);
        assertTrue(model.netfilterIn(DiagramGraph.idOf(CTR2, 2)).orElseThrow().contains("verdict drop"));
    }

    @Test
    void theArpExchangeAFlowWaitedForComesFirstInItsHopTable() {
        List<HopEvent> hops = new ArrayList<>();
        hops.add((hop().at(1_000).skb(0x8000).netns(HOST).dev(3, "nj-veth2", "veth")
                .arp(1, "198.51.100.1", "198.51.100.2").build()));
        hops.add((hop().at(2_000).skb(0x8100).netns(CTR2).dev(2, "eth0", "veth")
                .arp(2, "198.51.100.2", "198.51.100.1").build()));
        hops.add((hop().at(3_000).skb(0x8200).netns(HOST).dev(3, "nj-veth2", "veth").build()));
        hops.add((hop().at(4_000).skb(0x8200).netns(CTR2).dev(2, "eth0", "veth")
                .hook(Hook.NETIF_RX).build()));
        Presented shown = new Presented(Names.NONE);
        JourneyViewModel model = shown.view;
        shown.accept(hops);
        FlowRow ping = model.flows().stream().filter(r -> r.getProtocol().equals("icmp")).findFirst().orElseThrow();
        model.select(ping.getId());
        List<String> rows = new ArrayList<>();
        model.hopRows().forEach(r -> rows.add(r.event().isArp() ? "arp " + r.event().arpOp() : r.info()));
        assertEquals(List.of("arp 1", "arp 2", "seq 1", "seq 1"), rows);
    }
}
