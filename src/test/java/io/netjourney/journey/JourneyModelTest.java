package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Drop;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEventBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The journey model a view presents: flow status, the topology learnt from packets' trees, snapshots of what
 * changed, and a flow's detail with what belongs to it.
 */
class JourneyModelTest {
    private static final long HOST = 4026532176L;
    private static final long CTR1 = 4026532245L;
    private static final long CTR2 = 4026532314L;

    private final JourneyModel model = new JourneyModel();

    private static HopEventBuilder echo(int type, int seq, long ts, long skb, long netns, int ifindex, String ifname,
            String kind, Hook hook) {
        boolean reply = type == 0;
        return hop().at(ts).skb(skb).netns(netns).dev(ifindex, ifname, kind).hook(hook)
                .from(reply ? "198.51.100.2" : "198.51.100.1").to(reply ? "198.51.100.1" : "198.51.100.2")
                .icmp(type, 0, 77, seq);
    }

    /** A request from nj-ctr1's eth0 over nj-veth1, nj-br0, nj-veth2 to nj-ctr2's eth0; the reply back. */
    private void ping(int seq, long t, boolean answered) {
        long skb = 0x1000L * seq;
        model.accept(echo(8, seq, t, skb, CTR1, 2, "eth0", "veth", Hook.NET_DEV_QUEUE).build());
        model.accept(echo(8, seq, t + 1_000, skb, HOST, 4, "nj-veth1", "veth", Hook.NETIF_RX).build());
        model.accept(echo(8, seq, t + 2_000, skb, HOST, 3, "nj-br0", "bridge", Hook.NET_DEV_QUEUE).build());
        model.accept(echo(8, seq, t + 3_000, skb, HOST, 5, "nj-veth2", "veth", Hook.NET_DEV_QUEUE).build());
        model.accept(echo(8, seq, t + 4_000, skb, CTR2, 2, "eth0", "veth", Hook.NETIF_RX).build());
        if (answered) {
            model.accept(echo(0, seq, t + 10_000, skb + 1, CTR2, 2, "eth0", "veth", Hook.NET_DEV_QUEUE).build());
            model.accept(echo(0, seq, t + 11_000, skb + 1, HOST, 5, "nj-veth2", "veth", Hook.NETIF_RX).build());
        }
    }

    @Test
    void aFlowIsIncompleteUntilAnsweredAndDroppedWhenItsLatestRequestWasLost() {
        ping(1, 1_000_000, false);
        assertEquals(FlowStatus.INCOMPLETE, model.flow(1).status());
        ping(2, 2_000_000, true);
        assertEquals(FlowStatus.OK, model.flow(1).status());

        model.accept(echo(8, 3, 3_000_000, 0x9000, CTR1, 2, "eth0", "veth", Hook.NET_DEV_QUEUE).build());
        Drop drop = echo(8, 3, 3_001_000, 0x9000, HOST, 4, "nj-veth1", "veth", Hook.NETIF_RX).drop(12, 1).buildDrop();
        model.accept(drop.named("NETFILTER_DROP", "nft_do_chain+0x46f"));

        FlowView flow = model.flow(1);
        assertEquals(FlowStatus.DROPPED, flow.status());
        FlowDetail detail = model.detail(1);
        assertEquals(new FlowReport.Place(CTR1, 2, "eth0"), detail.droppedAt(),
                "the latest request, seq 3, died after its first crossing");
        assertEquals(2, detail.request().reference().hops().get(0).event().icmpSeq(),
                "the path drawn is still the longest request's");
    }

    @Test
    void theTopologyHasOnlyTheLinksPacketsTookAndInfersVethPeers() {
        // the bridge floods the request to both ports: a copy on a new skb leaves through nj-veth2 too
        model.accept(echo(8, 1, 1_000, 0xa000, HOST, 3, "nj-br0", "bridge", Hook.NET_DEV_QUEUE).build());
        model.accept(echo(8, 1, 2_000, 0xb000, HOST, 4, "nj-veth1", "veth", Hook.NET_DEV_QUEUE).build());
        model.accept(echo(8, 1, 3_000, 0xa000, HOST, 5, "nj-veth2", "veth", Hook.NET_DEV_QUEUE).build());
        model.accept(echo(8, 1, 4_000, 0xa000, CTR2, 2, "eth0", "veth", Hook.NETIF_RX).build());
        model.accept(echo(8, 1, 5_000, 0xb000, CTR1, 2, "eth0", "veth", Hook.NETIF_RX).build());

        Topology.Snapshot topology = model.topology();
        Set<String> links = topology.links().stream()
                .map(l -> name(topology, l.from()) + " -> " + name(topology, l.to())).collect(Collectors.toSet());
        assertEquals(Set.of("nj-br0 -> nj-veth1", "nj-br0 -> nj-veth2", "nj-veth2 -> eth0@" + CTR2,
                "nj-veth1 -> eth0@" + CTR1), links, "no link between the two copies' ports");
        assertEquals(List.of(HOST, CTR2, CTR1), topology.namespaces(), "first-seen order");
        assertEquals(Topology.keyOf(CTR2, 2), topology.peers().get(Topology.keyOf(HOST, 5)));
        assertEquals(Topology.keyOf(HOST, 4), topology.peers().get(Topology.keyOf(CTR1, 2)));
    }

    @Test
    void eachInterfaceCountsItsCrossingsAndTheDropsAfterItsLastCrossingExpectedApart() {
        ping(1, 1_000_000, true);
        ping(2, 2_000_000, true);
        Topology.Snapshot before = model.topology();
        model.accept(echo(8, 3, 3_000_000, 0x9000, CTR1, 2, "eth0", "veth", Hook.NET_DEV_QUEUE).build());
        Drop real = echo(8, 3, 3_001_000, 0x9000, HOST, 4, "nj-veth1", "veth", Hook.NETIF_RX).drop(12, 1).buildDrop();
        model.accept(real.named("NETFILTER_DROP", "nft_do_chain+0x46f"));
        model.accept(echo(8, 4, 4_000_000, 0xa000, CTR1, 2, "eth0", "veth", Hook.NET_DEV_QUEUE).build());
        model.accept(echo(8, 4, 4_001_000, 0xa000, HOST, 4, "nj-veth1", "veth", Hook.NETIF_RX).build());
        Drop purged = echo(8, 4, 4_002_000, 0xa000, HOST, 4, "nj-veth1", "veth", Hook.NETIF_RX).drop(5, 2)
                .buildDrop();
        model.accept(purged.named("QUEUE_PURGE", "skb_queue_purge+0x1"));

        Topology.Snapshot topology = model.topology();
        assertEquals(before.version(), topology.version(), "counting changes no structure");
        assertEquals(new Topology.Counts(4, 1, 0), topology.countsAt(Topology.keyOf(CTR1, 2)),
                "seqs 1 to 4 left through it; seq 3 was dropped right after");
        assertEquals(new Topology.Counts(3, 0, 1), topology.countsAt(Topology.keyOf(HOST, 4)),
                "seqs 1, 2 and 4 crossed nj-veth1; seq 4 purged after it");
        assertEquals(new Topology.Counts(4, 0, 0), topology.countsAt(Topology.keyOf(HOST, 5)),
                "2 requests and 2 replies crossed nj-veth2");
        assertEquals(Topology.Counts.NONE, topology.countsAt(Topology.keyOf(HOST, 99)));
        assertEquals(topology, model.topology(), "the same snapshot while nothing was counted since");
    }

    private static String name(Topology.Snapshot topology, long key) {
        Topology.Interface i = topology.interfaces().stream().filter(x -> x.key() == key).findFirst().orElseThrow();
        return i.name().equals("eth0") ? "eth0@" + i.netnsInode() : i.name();
    }

    @Test
    void aSnapshotSaysWhatChangedSinceThePreviousOneAndWhatWasEvicted() {
        JourneyModel small = new JourneyModel(JourneyConfig.defaults().withMaxFlows(2));
        for (int id = 1; id <= 2; id++) {
            small.accept(hop().at(id * 1_000L).skb(id).netns(HOST).dev(3, "nj-br0", "bridge")
                    .from("198.51.100.1").to("198.51.100.2").icmp(8, 0, id, 1).build());
        }
        JourneySnapshot first = small.snapshot(0, false);
        assertEquals(List.of(1L, 2L), first.changed().stream().map(FlowView::flowId).toList());
        assertEquals(List.of(), first.removed());
        assertEquals(0, small.snapshot(0, false).changed().size(), "nothing changed since");

        small.accept(hop().at(5_000).skb(3).netns(HOST).dev(3, "nj-br0", "bridge")
                .from("198.51.100.1").to("198.51.100.2").icmp(8, 0, 3, 1).build());
        JourneySnapshot next = small.snapshot(0, false);
        assertEquals(List.of(3L), next.changed().stream().map(FlowView::flowId).toList());
        assertEquals(List.of(1L), next.removed(), "the least recently active flow went");
        assertEquals(new JourneySnapshot.Counters(3, 3, 3, 1_000), next.counters());
    }

    @Test
    void theSelectedFlowsDetailComesWhenAskedForOrWhenTheFlowChanged() {
        ping(1, 1_000_000, true);
        assertNotNull(model.snapshot(1, true).selected());
        assertNull(model.snapshot(1, false).selected(), "unchanged and not asked for");
        ping(2, 2_000_000, true);
        FlowDetail detail = model.snapshot(1, false).selected();
        assertNotNull(detail, "the flow changed");
        assertEquals(5, detail.request().path().size());
        assertEquals(2, detail.request().packets());
        assertEquals(2, detail.reply().path().size());
        assertEquals(14, detail.events().size(), "every crossing of both pings");
    }

    @Test
    void aFlowsDetailHoldsTheRoutingDecisionsAndArpItWaitedFor() {
        model.accept(hop().at(900_000).netns(CTR1).dev(2, "eth0", "veth").hook(Hook.FIB_TABLE_LOOKUP)
                .from("0.0.0.0").to("198.51.100.2").route(254, 0, 1, null).build());
        model.accept(hop().at(950_000).skb(0x77).netns(CTR1).dev(2, "eth0", "veth").hook(Hook.NET_DEV_QUEUE)
                .arp(1, "198.51.100.1", "198.51.100.2").build());
        model.accept(hop().at(990_000).skb(0x78).netns(CTR1).dev(2, "eth0", "veth").hook(Hook.NETIF_RX)
                .arp(2, "198.51.100.2", "198.51.100.1").build());
        // a lookup for someone else, and one long before: neither belongs
        model.accept(hop().at(960_000).netns(CTR1).dev(2, "eth0", "veth").hook(Hook.FIB_TABLE_LOOKUP)
                .from("0.0.0.0").to("198.51.100.9").route(254, 0, 1, null).build());
        ping(1, 1_000_000, true);

        FlowDetail detail = model.detail(2);
        List<String> story = detail.events().stream().map(e -> e.hop().event().hook().tracepoint() + " "
                + e.place().ifname()).toList();
        assertEquals("fib_table_lookup eth0", story.get(0), story.toString());
        assertEquals("net_dev_queue eth0", story.get(1), "the ARP request before the echo: " + story);
        assertTrue(detail.events().get(1).hop().event().isArp());
        assertEquals(1 + 2 + 7, story.size(), "one route, the ARP exchange, the ping: " + story);
        Map<Long, Topology.Routes> routes = model.topology().routesOut();
        assertEquals(2, routes.get(Topology.keyOf(CTR1, 2)).count(), "both lookups chose eth0");
        assertEquals(900_000, detail.firstSeenNs(), "times count from the route looked up before the first crossing");
        assertTrue(detail.events().stream().allMatch(e -> e.timestampNs() >= detail.firstSeenNs()),
                "no event of the flow before its start: no negative time in a view");
    }

    @Test
    void lookupsAndArpForTheSameAddressesElsewhereAreNotTheFlows() {
        long ctr3 = 4026532383L;
        long elsewhere = 4026532452L; // never crossed: a second lab on the same addresses
        // the flow's own: its sender's lookup before it picks its source, the ARP exchange for its destination
        model.accept(lookup(900_000, CTR1, "0.0.0.0", "198.51.100.2"));
        model.accept(arp(910_000, 0x70, CTR1, Hook.NET_DEV_QUEUE, 1, "198.51.100.1", "198.51.100.2"));
        model.accept(arp(920_000, 0x71, CTR2, Hook.NET_DEV_QUEUE, 2, "198.51.100.2", "198.51.100.1"));
        // the server checks an ARP sender's address (no source, in the namespace replies start from); the same
        // lookup in a namespace the flow never crossed
        model.accept(lookup(930_000, CTR2, "0.0.0.0", "198.51.100.2"));
        model.accept(lookup(940_000, elsewhere, "198.51.100.1", "198.51.100.2"));
        // nj-ctr2 asks a third container for 198.51.100.3: the answer goes to an endpoint, about someone else
        model.accept(arp(950_000, 0x72, CTR2, Hook.NET_DEV_QUEUE, 1, "198.51.100.2", "198.51.100.3"));
        model.accept(arp(960_000, 0x73, ctr3, Hook.NET_DEV_QUEUE, 2, "198.51.100.3", "198.51.100.2"));
        // the third container asks for an endpoint's address, for its own traffic, and gets the answer
        model.accept(arp(970_000, 0x74, ctr3, Hook.NET_DEV_QUEUE, 1, "198.51.100.3", "198.51.100.1"));
        model.accept(arp(980_000, 0x75, CTR1, Hook.NET_DEV_QUEUE, 2, "198.51.100.1", "198.51.100.3"));
        ping(1, 1_000_000, true);

        FlowDetail detail = java.util.stream.LongStream.rangeClosed(1, 10).mapToObj(model::detail)
                .filter(d -> d != null && d.flow().first().isIcmp()).findFirst().orElseThrow();
        List<String> related = detail.events().stream().filter(e -> e.timestampNs() < 1_000_000)
                .map(e -> e.hop().event().hook().tracepoint() + " " + e.hop().event().netnsInode() + " "
                        + e.hop().event().source().getHostAddress() + " -> "
                        + e.hop().event().destination().getHostAddress()).toList();
        assertEquals(List.of("fib_table_lookup " + CTR1 + " 0.0.0.0 -> 198.51.100.2",
                "net_dev_queue " + CTR1 + " 198.51.100.1 -> 198.51.100.2",
                "net_dev_queue " + CTR2 + " 198.51.100.2 -> 198.51.100.1"), related,
                "the sender's lookup and the ARP exchange for the destination, nothing made elsewhere");
    }

    private static io.netjourney.capture.HopEvent lookup(long ts, long netns, String from, String to) {
        return hop().at(ts).netns(netns).dev(2, "eth0", "veth").hook(Hook.FIB_TABLE_LOOKUP).from(from).to(to)
                .route(255, 0, 0, null).build();
    }

    private static io.netjourney.capture.HopEvent arp(long ts, long skb, long netns, Hook hook, int op,
            String sender, String target) {
        return hop().at(ts).skb(skb).netns(netns).dev(2, "eth0", "veth").hook(hook).arp(op, sender, target).build();
    }
}
