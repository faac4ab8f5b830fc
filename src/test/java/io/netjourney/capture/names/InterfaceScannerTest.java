package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netjourney.capture.DeviceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolution on `ip -d -j link show` / `ip -j netns list-id` output captured from a lab (prefix nj-t3-). */
class InterfaceScannerTest {
    private static final List<String> NODES = List.of("host", "ctr1", "ctr2", "router", "far");
    private static final Map<String, Long> INODES = Map.of(
            "nj-t3-host", 4026532301L, "nj-t3-ctr1", 4026532302L, "nj-t3-ctr2", 4026532303L,
            "nj-t3-router", 4026532304L, "nj-t3-far", 4026532305L);

    @Test
    void resolvesKindsMastersAndPeersAcrossNamedNamespaces() {
        List<InterfaceInfo> all = InterfaceScanner.resolve(dumps(NODES), INODES);

        assertEquals(new InterfaceInfo(inode("host"), 1, "lo", DeviceKind.LOOPBACK, 0, 0, 0), find(all, "host", "lo"));
        assertEquals(new InterfaceInfo(inode("host"), 2, "nj-t3-br0", DeviceKind.BRIDGE, 0, 0, 0),
                find(all, "host", "nj-t3-br0"));
        assertEquals(new InterfaceInfo(inode("host"), 3, "nj-t3-veth1", DeviceKind.VETH, 2, 2, inode("ctr1")),
                find(all, "host", "nj-t3-veth1"));
        assertEquals(new InterfaceInfo(inode("ctr1"), 2, "eth0", DeviceKind.VETH, 0, 3, inode("host")),
                find(all, "ctr1", "eth0"));
        assertEquals(new InterfaceInfo(inode("host"), 5, "nj-t3-h-r", DeviceKind.VETH, 0, 2, inode("router")),
                find(all, "host", "nj-t3-h-r"));
        assertEquals(new InterfaceInfo(inode("far"), 2, "eth0", DeviceKind.VETH, 0, 3, inode("router")),
                find(all, "far", "eth0"));
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

    private static List<InterfaceScanner.NamespaceLinks> dumps(List<String> nodes) {
        List<InterfaceScanner.NamespaceLinks> dumps = new ArrayList<>();
        for (String node : nodes) {
            dumps.add(new InterfaceScanner.NamespaceLinks(inode(node),
                    resource("ip-link-" + node + ".json"), resource("ip-netns-list-id-" + node + ".json")));
        }
        return dumps;
    }

    private static long inode(String node) {
        return INODES.get("nj-t3-" + node);
    }

    private static InterfaceInfo find(List<InterfaceInfo> all, String node, String name) {
        return all.stream()
                .filter(info -> info.netnsInode() == inode(node) && info.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(node + " " + name + " not in " + all));
    }

    static String resource(String name) {
        try (InputStream in = InterfaceScannerTest.class.getResourceAsStream("/names/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
