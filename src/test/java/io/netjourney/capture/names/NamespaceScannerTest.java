package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceScannerTest {

    @Test
    void parsesTheNsLinkFormat() {
        assertEquals(OptionalLong.of(4026532258L), NamespaceScanner.parseNetLink("net:[4026532258]"));
        assertEquals(OptionalLong.empty(), NamespaceScanner.parseNetLink("mnt:[4026532258]"));
        assertEquals(OptionalLong.empty(), NamespaceScanner.parseNetLink("net:4026532258"));
    }

    @Test
    void namesNamedHostContainerAndProcessNamespaces(@TempDir Path root) throws Exception {
        FakeSystem system = new FakeSystem(root);
        long ctr1 = system.namedNamespace("nj-ctr1");
        system.process(40, ctr1, "sleep", "0::/\n");
        system.process(2, FakeSystem.INITIAL_INODE, "kthreadd", "0::/\n");
        system.process(300, 4026532300L, "nginx", "0::/system.slice/docker-" + Fixtures.DOCKER_ID + ".scope\n");
        system.dockerConfig(Fixtures.DOCKER_ID, "{\"Name\":\"/web\"}");
        system.process(1234, 4026532400L, "sshd", "0::/system.slice/ssh.service\n");
        system.process(1300, 4026532400L, "bash", "0::/\n");
        Files.createDirectories(system.roots.proc().resolve("self"));

        List<NetnsEntry> entries = new NamespaceScanner(system.roots).scan();

        Map<Long, NetnsEntry> byInode = entries.stream().collect(Collectors.toMap(NetnsEntry::inode, Function.identity()));
        assertEquals(4, entries.size(), entries::toString);
        assertEquals(new NetnsEntry(ctr1, "nj-ctr1", system.roots.runNetns().resolve("nj-ctr1"), true), byInode.get(ctr1));
        assertEquals("host", byInode.get(FakeSystem.INITIAL_INODE).name());
        assertEquals(system.roots.proc().resolve("1/ns/net"), byInode.get(FakeSystem.INITIAL_INODE).path());
        assertEquals("docker:web", byInode.get(4026532300L).name());
        assertEquals("pid 1234 (sshd)", byInode.get(4026532400L).name());
        assertEquals(system.roots.proc().resolve("1234/ns/net"), byInode.get(4026532400L).path());
    }

    @Test
    void aContainerProcessBeatsAnEarlierPlainProcess(@TempDir Path root) {
        FakeSystem system = new FakeSystem(root);
        system.process(500, 4026532500L, "pause", "0::/\n");
        system.process(501, 4026532500L, "nginx", "12:pids:/docker/" + Fixtures.DOCKER_ID + "\n");
        List<NetnsEntry> entries = new NamespaceScanner(system.roots).scan();
        assertTrue(entries.stream().anyMatch(e -> e.name().equals("docker:3f4e9c2a1b0d")), entries::toString);
    }

    @Test
    void aContainerLabelReplacesARuntimeGeneratedNetnsNameButNotAChosenOne(@TempDir Path root) {
        FakeSystem system = new FakeSystem(root);
        String generated = "netns-1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6";
        long podman = system.namedNamespace(generated);
        long chosen = system.namedNamespace("nj-ctr1");
        long cni = system.namedNamespace("cni-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d");
        system.process(600, podman, "sh", "0::/machine.slice/libpod-" + Fixtures.PODMAN_ID + ".scope/container\n");
        system.process(601, chosen, "sh", "0::/machine.slice/libpod-" + Fixtures.PODMAN_ID + ".scope/container\n");
        system.process(602, cni, "pause", "0::/\n");

        Map<Long, NetnsEntry> byInode = new NamespaceScanner(system.roots).scan().stream()
                .collect(Collectors.toMap(NetnsEntry::inode, Function.identity()));

        NetnsEntry relabelled = byInode.get(podman);
        assertEquals(new NetnsEntry(podman, "podman:2f259bab93aa", system.roots.runNetns().resolve(generated), true),
                relabelled);
        assertEquals(Optional.of(generated), relabelled.iproute2Name());
        assertEquals("nj-ctr1", byInode.get(chosen).name());
        assertEquals("cni-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", byInode.get(cni).name());
        assertEquals(Optional.empty(), byInode.get(FakeSystem.INITIAL_INODE).iproute2Name());
    }

    @Test
    void findsTheInitialNamespaceThroughKthreaddWhenPidOneIsHidden(@TempDir Path root) {
        FakeSystem system = new FakeSystem(root, 2);
        List<NetnsEntry> entries = new NamespaceScanner(system.roots).scan();
        assertEquals(List.of(new NetnsEntry(FakeSystem.INITIAL_INODE, "host", system.roots.proc().resolve("2/ns/net"),
                false)), entries);
    }

    @Test
    void missingRootsGiveNothing(@TempDir Path root) {
        assertEquals(List.of(), new NamespaceScanner(NamesRoots.under(root.resolve("none"))).scan());
    }
}
