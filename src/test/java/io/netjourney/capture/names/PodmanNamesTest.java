package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodmanNamesTest {
    private final PodmanNames podman = new PodmanNames(Fixtures.machine().containersStorage());

    @Test
    void namesTheContainerFromContainersStorage() {
        Fixtures.assertLabel(podman, "podman:web2", "podman-v2", "podman-v1", "podman-cgroupfs-v1");
    }

    @Test
    void fallsBackToTheShortIdWithoutARecord(@TempDir Path storage) {
        assertEquals(Optional.of("podman:2f259bab93aa"), new PodmanNames(storage).label(Fixtures.process("podman-v2")));
    }

    @Test
    void leavesConmonAndOtherRuntimesAlone() {
        Fixtures.assertNoLabel(podman, "podman-conmon-v2", "docker-v2", "k8s-crio-v2", "nerdctl-v1", "plain-v2");
    }
}
