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
        assertEquals(Optional.of("podman:web2"), podman.label(Fixtures.process("podman-v2")));
        assertEquals(Optional.of("podman:web2"), podman.label(Fixtures.process("podman-v1")));
        assertEquals(Optional.of("podman:web2"), podman.label(Fixtures.process("podman-cgroupfs-v1")));
    }

    @Test
    void fallsBackToTheShortIdWithoutARecord(@TempDir Path storage) {
        assertEquals(Optional.of("podman:2f259bab93aa"), new PodmanNames(storage).label(Fixtures.process("podman-v2")));
    }

    @Test
    void leavesConmonAndOtherRuntimesAlone() {
        for (String fixture : new String[] {"podman-conmon-v2", "docker-v2", "k8s-crio-v2", "nerdctl-v1", "plain-v2"}) {
            assertEquals(Optional.empty(), podman.label(Fixtures.process(fixture)), fixture);
        }
    }
}
