package io.netjourney.ui.model;

import static io.netjourney.capture.HopEventBuilder.hop;
import static io.netjourney.ui.model.Traffic.CTR_NS;
import static io.netjourney.ui.model.Traffic.DOCKER0;
import static io.netjourney.ui.model.Traffic.ETH0;
import static io.netjourney.ui.model.Traffic.HOST_NS;
import static io.netjourney.ui.model.Traffic.VETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.diagram.DiagramGraph.Interface;
import io.netjourney.ui.diagram.DiagramGraph.Link;
import io.netjourney.ui.diagram.DiagramGraph.Namespace;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphTest {
    private static final long CTR2_NS = 4026532600L;

    private final Traffic traffic = new Traffic();
    private final Presented shown = new Presented(Traffic.NAMES);
    private final JourneyViewModel model = shown.view;

    @Test
    void aDockerPingGivesTwoNamespacesThreeInterfacesAndTwoLinks() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));

        DiagramGraph graph = model.graphProperty().get();
        assertEquals(List.of(new Namespace(HOST_NS, "host"), new Namespace(CTR_NS, "nj-ctr1")), graph.namespaces());
        assertEquals(List.of(
                new Interface(DOCKER0, HOST_NS, 3, "docker0", "bridge", null),
                new Interface(VETH, HOST_NS, 7, "vetha373ab6", "veth", DOCKER0),
                new Interface(ETH0, CTR_NS, 2, "eth0", "veth", null)), graph.interfaces());
        assertEquals(List.of(new Link(DOCKER0, VETH), new Link(VETH, ETH0)), graph.links(),
                "the reply crosses the same links the other way: no new link");
    }

    @Test
    void noNewSnapshotWhenNothingWasAdded() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        DiagramGraph first = model.graphProperty().get();
        int[] changes = {0};
        model.graphProperty().addListener((o, before, after) -> changes[0]++);

        shown.accept(traffic.ping(17146, 2, 2_000_000));

        assertSame(first, model.graphProperty().get());
        assertEquals(0, changes[0]);
    }

    @Test
    void newNodesAreAppendedInFirstSeenOrder() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        DiagramGraph before = model.graphProperty().get();

        shown.accept(traffic.trace(List.of(
                hop().at(2_000_000).skb(0xabc).netns(HOST_NS).dev(3, "docker0", "bridge").from("172.17.0.1")
                        .to("172.17.0.3").icmp(8, 0, 99, 1).build(),
                hop().at(2_001_000).skb(0xabc).netns(HOST_NS).dev(9, "veth2", "veth").master(3)
                        .from("172.17.0.1").to("172.17.0.3").icmp(8, 0, 99, 1).build(),
                hop().at(2_002_000).skb(0xabc).netns(CTR2_NS).dev(2, "eth0", "veth").hook(Hook.NETIF_RX)
                        .from("172.17.0.1").to("172.17.0.3").icmp(8, 0, 99, 1).build())));

        DiagramGraph after = model.graphProperty().get();
        assertEquals(before.namespaces(), after.namespaces().subList(0, 2));
        assertEquals(new Namespace(CTR2_NS, Long.toString(CTR2_NS)), after.namespaces().get(2),
                "a namespace without a name is labelled with its inode");
        assertEquals(before.interfaces(), after.interfaces().subList(0, 3));
        assertEquals(List.of(DiagramGraph.idOf(HOST_NS, 9), DiagramGraph.idOf(CTR2_NS, 2)),
                List.of(after.interfaces().get(3).id(), after.interfaces().get(4).id()));
        assertEquals(before.links(), after.links().subList(0, 2));
        assertEquals(List.of(new Link(DOCKER0, DiagramGraph.idOf(HOST_NS, 9)),
                new Link(DiagramGraph.idOf(HOST_NS, 9), DiagramGraph.idOf(CTR2_NS, 2))),
                after.links().subList(2, 4));
    }

    @Test
    void detailsOfAVethNameItsMasterAndInferredPeer() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));

        assertEquals(new NodeDetails(VETH, "veth", 7, "vetha373ab6", HOST_NS, "host", DOCKER0, "docker0", ETH0,
                "eth0", "nj-ctr1"), model.details(VETH).orElseThrow());
        NodeDetails eth0 = model.details(ETH0).orElseThrow();
        assertEquals(VETH, eth0.peerId());
        assertEquals("vetha373ab6", eth0.peerName());
        assertEquals("host", eth0.peerNamespace());
        assertNull(eth0.masterId());
    }

    @Test
    void aBridgeHasNoPeerAndUnknownIdsHaveNoDetails() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));

        NodeDetails bridge = model.details(DOCKER0).orElseThrow();
        assertEquals("bridge", bridge.kind());
        assertNull(bridge.peerId());
        assertTrue(model.details("1:1").isEmpty());
    }

    @Test
    void aMasterNotSeenIsNamedByIfindexAndVethsInOneNamespaceAreNoPeers() {
        shown.accept(traffic.trace(List.of(
                hop().at(1_000).skb(0x1).netns(HOST_NS).dev(11, "va", "veth").master(12).build(),
                hop().at(2_000).skb(0x1).netns(HOST_NS).dev(13, "vb", "veth").hook(Hook.NETIF_RX).build())));

        NodeDetails va = model.details(DiagramGraph.idOf(HOST_NS, 11)).orElseThrow();
        assertEquals(DiagramGraph.idOf(HOST_NS, 12), va.masterId());
        assertEquals("ifindex 12", va.masterName());
        assertNull(va.peerId());
    }

    @Test
    void aNamespacesNameResolvedLaterReplacesItsInode() {
        java.util.Map<Long, String> known = new java.util.concurrent.ConcurrentHashMap<>(java.util.Map.of(HOST_NS,
                "host"));
        Presented late = new Presented(inode -> java.util.Optional.ofNullable(known.get(inode)));
        late.accept(traffic.ping(17146, 1, 1_000_000));
        assertEquals(new Namespace(CTR_NS, Long.toString(CTR_NS)), late.view.graphProperty().get().namespaces().get(1),
                "not known yet: its inode");

        known.put(CTR_NS, "nj-ctr1");
        late.accept(traffic.ping(17146, 2, 2_000_000));
        assertEquals(new Namespace(CTR_NS, "nj-ctr1"), late.view.graphProperty().get().namespaces().get(1),
                "named once known, though nothing else changed");
    }
}
