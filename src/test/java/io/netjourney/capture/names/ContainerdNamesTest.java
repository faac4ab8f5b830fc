package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerdNamesTest {
    private final ContainerdNames containerd = new ContainerdNames(new OciBundles(Fixtures.machine()));

    @Test
    void namesNerdctlContainersFromTheirAnnotation() {
        Fixtures.assertLabel(containerd, "nerdctl:web3", "nerdctl-v2", "nerdctl-v1");
    }

    @Test
    void namesOtherContainerdTasksByTheirShortId() {
        assertEquals(Optional.of("containerd:2752ea5db34c"), containerd.label(Fixtures.process("ctr-v2")));
        assertEquals(Optional.of("containerd:4da4b68fe6f1"), containerd.label(Fixtures.process("k8s-containerd-v1")));
    }

    @Test
    void aContainerdScopeIsContainerdsEvenWithoutItsBundle(@TempDir Path root) {
        ContainerdNames nothingRunning = new ContainerdNames(new OciBundles(NamesRoots.under(root)));
        assertEquals(Optional.of("containerd:4da4b68fe6f1"), nothingRunning.label(Fixtures.process("k8s-containerd-v2")));
        assertEquals(Optional.of("containerd:aa470170773a"), nothingRunning.label(Fixtures.process("nerdctl-v2")));
        assertEquals(Optional.empty(), nothingRunning.label(Fixtures.process("ctr-v2")));
    }

    @Test
    void leavesOtherRuntimesAlone() {
        Fixtures.assertNoLabel(containerd, "docker-v2", "podman-v2", "k8s-crio-v2", "lxc-v1", "plain-v2");
    }
}
