package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.DeviceKind;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Names and interfaces of real namespaces: one named netns, a lab (prefix nj-t2-) and a process-held netns. */
@Privileged
class NamesPrivilegedIT {
    private static final String NAMED = "nj-t1-names";
    private static final Lab LAB = new Lab("nj-t2-");
    private static final CommandRunner RUNNER = new CommandRunner();

    @BeforeAll
    static void setUp() {
        LAB.up();
    }

    @AfterAll
    static void tearDown() {
        LAB.down();
        RUNNER.run(List.of("ip", "netns", "del", NAMED));
    }

    @Test
    void namesANamedNamespaceByItsRealInodeAndTheInitialOneHost() throws Exception {
        RUNNER.check("ip", "netns", "add", NAMED);
        try {
            NamespaceNames names = new NamespaceNames();
            assertEquals(Optional.of(NAMED), names.netnsName(inode(Path.of("/run/netns", NAMED))));
            assertEquals(Optional.of("host"), names.netnsName(NamespaceScanner.parseNetLink(
                    Files.readSymbolicLink(Path.of("/proc/2/ns/net")).toString()).getAsLong()));
            assertEquals(Optional.of(LAB.namespace(LabNode.CTR1)), names.netnsName(LAB.namespaceInode(LabNode.CTR1)));
            assertEquals(Optional.empty(), names.netnsName(1L));
        } finally {
            RUNNER.check("ip", "netns", "del", NAMED);
        }
    }

    @Test
    void resolvesVethPeersAndMastersInTheLab() {
        List<NetnsEntry> labNamespaces = new NamespaceScanner().scan().stream()
                .filter(entry -> entry.name().startsWith(LAB.prefix()))
                .toList();
        List<InterfaceInfo> all = new InterfaceScanner().scan(labNamespaces);

        InterfaceInfo bridge = find(all, LAB.namespaceInode(LabNode.HOST), "nj-t2-br0");
        InterfaceInfo veth1 = find(all, LAB.namespaceInode(LabNode.HOST), "nj-t2-veth1");
        InterfaceInfo eth0 = find(all, LAB.namespaceInode(LabNode.CTR1), "eth0");
        assertEquals(DeviceKind.BRIDGE, bridge.kind());
        assertEquals(DeviceKind.VETH, veth1.kind());
        assertEquals(bridge.ifindex(), veth1.masterIfindex());
        assertEquals(eth0.ifindex(), veth1.peerIfindex());
        assertEquals(eth0.netnsInode(), veth1.peerNetnsInode());
        assertEquals(veth1.ifindex(), eth0.peerIfindex());
        assertEquals(veth1.netnsInode(), eth0.peerNetnsInode());
        InterfaceInfo farEth0 = find(all, LAB.namespaceInode(LabNode.FAR), "eth0");
        assertEquals(LAB.namespaceInode(LabNode.ROUTER), farEth0.peerNetnsInode());
    }

    @Test
    void readsAddressesAndDetailsOfTheLabsInterfaces() {
        List<NetnsEntry> ctr1 = new NamespaceScanner().scan().stream()
                .filter(entry -> entry.inode() == LAB.namespaceInode(LabNode.CTR1))
                .toList();
        InterfaceInfo eth0 = find(new InterfaceScanner().scan(ctr1), LAB.namespaceInode(LabNode.CTR1), "eth0");

        List<String> addresses = eth0.addresses().stream().map(InterfaceAddress::toString).toList();
        assertTrue(addresses.containsAll(List.of("198.51.100.2/26", "2001:db8:1::2/64")), addresses::toString);
        assertEquals("veth", eth0.linkKind());
        assertEquals("UP", eth0.operState());
        assertEquals(1500, eth0.mtu());
        assertTrue(eth0.mac().matches("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}"), eth0.mac());
    }

    @Test
    void namesAProcessHeldNamespaceAndFindsAVethPeerInIt() throws Exception {
        Process holder = new ProcessBuilder("unshare", "--net", "sleep", "60").start();
        try {
            Path held = Path.of("/proc", Long.toString(holder.pid()), "ns", "net");
            long heldInode = waitForOwnNamespace(held);
            RUNNER.check("ip", "-n", LAB.namespace(LabNode.HOST), "link", "add", "nj-t2-held", "type", "veth",
                    "peer", "name", "eth0", "netns", Long.toString(holder.pid()));

            NamespaceNames names = new NamespaceNames();
            assertEquals(Optional.of("pid " + holder.pid() + " (sleep)"), names.netnsName(heldInode));

            List<NetnsEntry> entries = names.namespaces().stream()
                    .filter(entry -> entry.inode() == heldInode || entry.name().equals(LAB.namespace(LabNode.HOST)))
                    .toList();
            List<InterfaceInfo> all = new InterfaceScanner().scan(entries);
            InterfaceInfo hostSide = find(all, LAB.namespaceInode(LabNode.HOST), "nj-t2-held");
            InterfaceInfo heldSide = find(all, heldInode, "eth0");
            assertEquals(heldInode, hostSide.peerNetnsInode());
            assertEquals(heldSide.ifindex(), hostSide.peerIfindex());
            assertEquals(LAB.namespaceInode(LabNode.HOST), heldSide.peerNetnsInode());
        } finally {
            holder.destroy();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static long waitForOwnNamespace(Path held) throws Exception {
        Path mine = Path.of("/proc/self/ns/net");
        for (int i = 0; i < 100; i++) {
            if (Files.exists(held) && !Files.readSymbolicLink(held).equals(Files.readSymbolicLink(mine))) {
                return NamespaceScanner.parseNetLink(Files.readSymbolicLink(held).toString()).getAsLong();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("unshare did not enter a new network namespace");
    }

    private static long inode(Path file) throws Exception {
        return ((Number) Files.getAttribute(file, "unix:ino")).longValue();
    }

    private static InterfaceInfo find(List<InterfaceInfo> all, long netnsInode, String name) {
        return all.stream()
                .filter(info -> info.netnsInode() == netnsInode && info.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " in " + netnsInode + " not in " + all));
    }
}
