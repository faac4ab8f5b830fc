package io.netjourney.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Hook;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end on real hooks and namespaces: pings and a TCP connection in the built-in lab, traced by the real
 * BPF program; the journeys must cross exactly the expected (namespace, interface, direction) sequence.
 */
@Privileged
class JourneyPrivilegedIT {
    static final String PREFIX = "nj-e2e-";
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(PREFIX);
    static final Lab LAB = LAB_UP.lab();
    static final String LAB_NETS = "(net 198.51.100.0/24 or net 2001:db8::/32)";


    static Set<Long> labNamespaces() {
        Set<Long> inodes = new HashSet<>();
        for (LabNode node : LabNode.values()) {
            inodes.add(LAB.namespaceInode(node));
        }
        return inodes;
    }

    /** One expected crossing: namespace, interface, the packet's direction in its flow. */
    record Crossing(LabNode namespace, String ifname, PacketDirection direction) {
        @Override
        public String toString() {
            return LAB.namespace(namespace) + "/" + ifname + "/" + direction.label();
        }
    }

    static Crossing req(LabNode node, String ifname) {
        return new Crossing(node, ifname, PacketDirection.REQUEST);
    }

    static Crossing rep(LabNode node, String ifname) {
        return new Crossing(node, ifname, PacketDirection.REPLY);
    }

    static String dev(String suffix) {
        return PREFIX + suffix;
    }

    /** The crossings, as namespace names (via the inodes of /run/netns) and interfaces, in arrival order. */
    static List<String> observed(List<TracedHop> hops) {
        Map<Long, LabNode> byInode = new TreeMap<>();
        for (LabNode node : LabNode.values()) {
            byInode.put(LAB.namespaceInode(node), node);
        }
        List<String> out = new ArrayList<>();
        for (TracedHop hop : hops) {
            LabNode node = byInode.get(hop.event().netnsInode());
            String ns = node == null ? "netns:" + hop.event().netnsInode() : LAB.namespace(node);
            out.add(ns + "/" + hop.event().ifname() + "/" + hop.direction().label());
        }
        return out;
    }

    static List<String> expected(Crossing... crossings) {
        List<String> out = new ArrayList<>();
        for (Crossing c : crossings) {
            out.add(c.toString());
        }
        return out;
    }

    static List<TracedHop> ping(LabNode from, String to, String filter, int expectedHops) throws Exception {
        try (LiveTrace trace = LiveTrace.start(filter, labNamespaces())) {
            assertTrue(LAB.ping(from, to, 1).success(), "ping " + to + " from " + LAB.namespace(from));
            List<TracedHop> hops = trace.await(expectedHops);
            return echoes(hops);
        }
    }

    /** Only the echo request/reply crossings (IPv6 neighbour discovery also runs on a first ping). */
    static List<TracedHop> echoes(List<TracedHop> hops) {
        return hops.stream().filter(h -> {
            int type = h.event().icmpType();
            return h.event().isIcmp() ? type == 8 || type == 0 : type == 128 || type == 129;
        }).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "IPv6={0}")
    @ValueSource(booleans = {false, true})
    void hostToContainerCrossesBridgeThenVethThenEth0AndBack(boolean ipv6) throws Exception {
        String to = ipv6 ? LabNode.CTR1.ipv6() : LabNode.CTR1.ipv4();
        List<TracedHop> hops = ping(LabNode.HOST, to, (ipv6 ? "icmp6" : "icmp") + " and host " + to, 6);

        assertEquals(expected(
                req(LabNode.HOST, dev("br0")), req(LabNode.HOST, dev("veth1")), req(LabNode.CTR1, "eth0"),
                rep(LabNode.CTR1, "eth0"), rep(LabNode.HOST, dev("veth1")), rep(LabNode.HOST, dev("br0"))),
                observed(hops));
        assertOnePacketEachWay(hops);
        assertEquals(List.of(Hook.NET_DEV_QUEUE, Hook.NET_DEV_QUEUE, Hook.NETIF_RX,
                Hook.NET_DEV_QUEUE, Hook.NETIF_RX, Hook.NETIF_RECEIVE_SKB),
                hops.stream().map(h -> h.event().hook()).collect(Collectors.toList()));
        long senderMac = hops.get(1).event().sourceMac();
        assertTrue(senderMac != 0, "MAC addresses read on transmit");
        assertEquals(senderMac, hops.get(2).event().sourceMac(), "and from the MAC header on receive");
        assertEquals(hops.get(1).event().destinationMac(), hops.get(2).event().destinationMac());
        int bridge = hops.get(0).event().ifindex();
        assertEquals(bridge, hops.get(1).event().masterIfindex(), "the veth is a port of the bridge");
    }

    @ParameterizedTest(name = "IPv6={0}")
    @ValueSource(booleans = {false, true})
    void containerToContainerCrossesTheBridgeBetweenTwoVeths(boolean ipv6) throws Exception {
        String to = ipv6 ? LabNode.CTR2.ipv6() : LabNode.CTR2.ipv4();
        List<TracedHop> hops = ping(LabNode.CTR1, to, (ipv6 ? "icmp6" : "icmp") + " and host " + to, 8);

        assertEquals(expected(
                req(LabNode.CTR1, "eth0"), req(LabNode.HOST, dev("veth1")), req(LabNode.HOST, dev("veth2")),
                req(LabNode.CTR2, "eth0"),
                rep(LabNode.CTR2, "eth0"), rep(LabNode.HOST, dev("veth2")), rep(LabNode.HOST, dev("veth1")),
                rep(LabNode.CTR1, "eth0")),
                observed(hops));
        assertOnePacketEachWay(hops);
    }

    @ParameterizedTest(name = "IPv6={0}")
    @ValueSource(booleans = {false, true})
    void containerToFarGoesThroughTheRouter(boolean ipv6) throws Exception {
        String to = ipv6 ? LabNode.FAR.ipv6() : LabNode.FAR.ipv4();
        List<TracedHop> hops = ping(LabNode.CTR1, to, (ipv6 ? "icmp6" : "icmp") + " and host " + to, 14);

        assertEquals(expected(
                req(LabNode.CTR1, "eth0"), req(LabNode.HOST, dev("veth1")), req(LabNode.HOST, dev("br0")),
                req(LabNode.HOST, dev("h-r")), req(LabNode.ROUTER, dev("r-h")), req(LabNode.ROUTER, dev("r-f")),
                req(LabNode.FAR, "eth0"),
                rep(LabNode.FAR, "eth0"), rep(LabNode.ROUTER, dev("r-f")), rep(LabNode.ROUTER, dev("r-h")),
                rep(LabNode.HOST, dev("h-r")), rep(LabNode.HOST, dev("br0")), rep(LabNode.HOST, dev("veth1")),
                rep(LabNode.CTR1, "eth0")),
                observed(hops));
        assertOnePacketEachWay(hops);
        // the router forwards: TTL/hop limit drops by one per routing namespace (nj-host and nj-router)
        assertEquals(hops.get(0).event().ttl() - 2, hops.get(6).event().ttl());
    }

    @Test
    void namespaceIdsAreTheInodesOfRunNetns() throws Exception {
        List<TracedHop> hops = ping(LabNode.HOST, LabNode.CTR1.ipv4(), "icmp and host " + LabNode.CTR1.ipv4(), 6);
        assertEquals(LAB.namespaceInode(LabNode.HOST), hops.get(0).event().netnsInode());
        assertEquals(LAB.namespaceInode(LabNode.CTR1), hops.get(2).event().netnsInode());
        assertTrue(hops.get(2).event().netnsCookie() != 0, "this kernel has netns cookies");
    }

    @Test
    void aFilterThatExcludesTheTrafficYieldsNoEvents() throws Exception {
        try (LiveTrace trace = LiveTrace.start("icmp and host 198.51.100.99", labNamespaces())) {
            assertTrue(LAB.ping(LabNode.HOST, LabNode.CTR1.ipv4(), 2).success());
            Thread.sleep(300);
            assertEquals(List.of(), observed(trace.hops()));
            assertTrue(trace.stats().filtered() > 0, "the kernel saw and rejected the pings");
        }
    }

    static void assertOnePacketEachWay(List<TracedHop> hops) {
        Set<Long> flows = hops.stream().map(TracedHop::flowId).collect(Collectors.toSet());
        assertEquals(1, flows.size(), "one flow");
        Map<PacketDirection, Set<Long>> packets = hops.stream().collect(Collectors.groupingBy(
                TracedHop::direction, Collectors.mapping(TracedHop::packetId, Collectors.toSet())));
        assertEquals(1, packets.get(PacketDirection.REQUEST).size(), "one request packet");
        assertEquals(1, packets.get(PacketDirection.REPLY).size(), "one reply packet");
        for (PacketDirection d : PacketDirection.values()) {
            List<Integer> indexes = hops.stream().filter(h -> h.direction() == d).map(TracedHop::hopIndex)
                    .collect(Collectors.toList());
            for (int i = 0; i < indexes.size(); i++) {
                assertEquals(i, indexes.get(i), "hop index along the " + d.label() + " path");
            }
        }
    }
}
