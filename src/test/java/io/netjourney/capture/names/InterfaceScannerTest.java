package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netjourney.capture.DeviceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolution on `ip -d -j link show` / `ip -j netns list-id` output captured from a lab (prefix nj-t3-), and on
 * `ip -j -d addr show` from a namespace with addresses (nj-names-test). */
class InterfaceScannerTest {
    private static final List<String> NODES = List.of("host", "ctr1", "ctr2", "router", "far");
    private static final Map<String, Long> INODES = Map.of(
            "nj-t3-host", 4026532301L, "nj-t3-ctr1", 4026532302L, "nj-t3-ctr2", 4026532303L,
            "nj-t3-router", 4026532304L, "nj-t3-far", 4026532305L);
    private static final long TEST_NS = 4026532178L;
    private static final long PEER_NS = 4026532247L;
    private static final Map<String, Long> ADDR_INODES = Map.of("nj-names-test", TEST_NS, "nj-names-peer", PEER_NS);

    @Test
    void resolvesKindsMastersAndPeersAcrossNamedNamespaces() {
        List<InterfaceInfo> all = InterfaceScanner.resolve(dumps(NODES), INODES);

        assertEquals(new Topology(1, DeviceKind.LOOPBACK, 0, 0, 0), Topology.of(find(all, "host", "lo")));
        assertEquals(new Topology(2, DeviceKind.BRIDGE, 0, 0, 0), Topology.of(find(all, "host", "nj-t3-br0")));
        assertEquals(new Topology(3, DeviceKind.VETH, 2, 2, inode("ctr1")), Topology.of(find(all, "host", "nj-t3-veth1")));
        assertEquals(new Topology(2, DeviceKind.VETH, 0, 3, inode("host")), Topology.of(find(all, "ctr1", "eth0")));
        assertEquals(new Topology(5, DeviceKind.VETH, 0, 2, inode("router")), Topology.of(find(all, "host", "nj-t3-h-r")));
        assertEquals(new Topology(2, DeviceKind.VETH, 0, 3, inode("router")), Topology.of(find(all, "far", "eth0")));
        assertEquals(inode("ctr2"), find(all, "host", "nj-t3-veth2").peerNetnsInode());
    }

    @Test
    void matchesPeersInUnnamedNamespacesByTheirBackPointer() {
        Map<String, Long> withoutCtr1Name = new HashMap<>(INODES);
        withoutCtr1Name.remove("nj-t3-ctr1");

        List<InterfaceInfo> all = InterfaceScanner.resolve(dumps(NODES), withoutCtr1Name);

        assertEquals(inode("ctr1"), find(all, "host", "nj-t3-veth1").peerNetnsInode());
        assertEquals(inode("host"), find(all, "ctr1", "eth0").peerNetnsInode());
    }

    @Test
    void leavesAPeerUnknownWhenItsNamespaceWasNotScanned() {
        List<InterfaceInfo> all = InterfaceScanner.resolve(dumps(List.of("host", "router")), Map.of(
                "nj-t3-host", inode("host"), "nj-t3-router", inode("router")));

        InterfaceInfo veth1 = find(all, "host", "nj-t3-veth1");
        assertEquals(2, veth1.peerIfindex());
        assertEquals(0, veth1.peerNetnsInode());
        assertFalse(veth1.hasPeer());
        assertEquals(inode("router"), find(all, "host", "nj-t3-h-r").peerNetnsInode());
    }

    @Test
    void kindsFollowLinkInfoAndLinkType() {
        String json = "[{\"ifindex\":1,\"ifname\":\"lo\",\"link_type\":\"loopback\"},"
                + "{\"ifindex\":2,\"ifname\":\"ifb0\",\"link_type\":\"ether\",\"linkinfo\":{\"info_kind\":\"ifb\"}},"
                + "{\"ifindex\":4,\"ifname\":\"eth0\",\"link_type\":\"ether\"},"
                + "{\"ifindex\":5,\"ifname\":\"tun0\",\"link_type\":\"none\",\"linkinfo\":{\"info_kind\":\"tun\"}}]";
        List<InterfaceInfo> all = InterfaceScanner.resolve(
                List.of(new InterfaceScanner.NamespaceLinks(7, json, "[]")), Map.of());
        assertEquals(List.of(DeviceKind.LOOPBACK, DeviceKind.OTHER, DeviceKind.PHYSICAL, DeviceKind.TUNNEL),
                all.stream().map(InterfaceInfo::kind).toList());
    }

    @Test
    void readsDetailsAndAddressesFromIpAddrShow() {
        List<InterfaceInfo> all = InterfaceScanner.resolve(addrDumps(), ADDR_INODES);

        InterfaceInfo vethA = findIn(all, TEST_NS, "nj-veth-a");
        assertEquals("veth", vethA.linkKind());
        assertEquals("ee:d4:62:35:67:c5", vethA.mac());
        assertEquals(1500, vethA.mtu());
        assertEquals("UP", vethA.operState());
        assertEquals(List.of("198.51.100.10/24", "2001:db8::10/64", "fe80::ecd4:62ff:fe35:67c5/64"),
                vethA.addresses().stream().map(InterfaceAddress::toString).toList());
        assertEquals(List.of(false, true, true), vethA.addresses().stream().map(InterfaceAddress::ipv6).toList());

        InterfaceInfo lo = findIn(all, TEST_NS, "lo");
        assertEquals(List.of("127.0.0.1/8", "::1/128"), lo.addresses().stream().map(InterfaceAddress::toString).toList());
        assertEquals("", lo.linkKind());
        assertEquals("DOWN", findIn(all, PEER_NS, "lo").operState());
        assertEquals(List.of(), findIn(all, PEER_NS, "lo").addresses());
        assertEquals(1400, findIn(all, TEST_NS, "nj-veth-out").mtu());
        assertEquals(List.of("198.51.100.1/24", "fe80::1474:1eff:fe85:5035/64"),
                findIn(all, TEST_NS, "nj-br0").addresses().stream().map(InterfaceAddress::toString).toList());
    }

    @Test
    void resolvesAVethPairInsideOneNamespaceByThePeersName() {
        List<InterfaceInfo> all = InterfaceScanner.resolve(addrDumps(), ADDR_INODES);

        InterfaceInfo vethA = findIn(all, TEST_NS, "nj-veth-a");
        InterfaceInfo vethB = findIn(all, TEST_NS, "nj-veth-b");
        InterfaceInfo bridge = findIn(all, TEST_NS, "nj-br0");
        assertEquals(new Topology(4, DeviceKind.VETH, 0, 3, TEST_NS), Topology.of(vethA));
        assertEquals(new Topology(3, DeviceKind.VETH, bridge.ifindex(), 4, TEST_NS), Topology.of(vethB));
        assertEquals(new Topology(5, DeviceKind.VETH, 0, 2, PEER_NS), Topology.of(findIn(all, TEST_NS, "nj-veth-out")));
        assertEquals(new Topology(2, DeviceKind.VETH, 0, 5, TEST_NS), Topology.of(findIn(all, PEER_NS, "eth0")));
    }

    /** The fields of an interface that place it in the topology. */
    private record Topology(int ifindex, DeviceKind kind, int masterIfindex, int peerIfindex, long peerNetnsInode) {
        static Topology of(InterfaceInfo info) {
            return new Topology(info.ifindex(), info.kind(), info.masterIfindex(), info.peerIfindex(),
                    info.peerNetnsInode());
        }
    }

    /** `ip -j -d addr show` and `ip -j netns list-id` from nj-names-test (a bridge, a veth pair inside, one out). */
    private static List<InterfaceScanner.NamespaceLinks> addrDumps() {
        return List.of(
                new InterfaceScanner.NamespaceLinks(TEST_NS, Fixtures.text("ip-addr-nj-names-test.json"),
                        Fixtures.text("ip-netns-list-id-nj-names-test.json")),
                new InterfaceScanner.NamespaceLinks(PEER_NS, Fixtures.text("ip-addr-nj-names-peer.json"),
                        Fixtures.text("ip-netns-list-id-nj-names-peer.json")));
    }

    private static InterfaceInfo findIn(List<InterfaceInfo> all, long netns, String name) {
        return all.stream()
                .filter(info -> info.netnsInode() == netns && info.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(netns + " " + name + " not in " + all));
    }

    private static List<InterfaceScanner.NamespaceLinks> dumps(List<String> nodes) {
        List<InterfaceScanner.NamespaceLinks> dumps = new ArrayList<>();
        for (String node : nodes) {
            dumps.add(new InterfaceScanner.NamespaceLinks(inode(node),
                    Fixtures.text("ip-link-" + node + ".json"), Fixtures.text("ip-netns-list-id-" + node + ".json")));
        }
        return dumps;
    }

    private static long inode(String node) {
        return INODES.get("nj-t3-" + node);
    }

    private static InterfaceInfo find(List<InterfaceInfo> all, String node, String name) {
        return findIn(all, inode(node), name);
    }
}
