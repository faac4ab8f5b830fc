package io.netjourney.capture.names;

import static io.netjourney.capture.names.Fixtures.DOCKER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerNamesTest {
    private final DockerNames docker = new DockerNames(Fixtures.machine().docker());

    @Test
    void namesTheContainerFromItsConfigWithoutTheSlash() {
        Fixtures.assertLabel(docker, "docker:web1", "docker-v2", "docker-v1");
    }

    @Test
    void aBareIdIsDockersWhenDockerHasItsConfig() {
        String kubepods = "12:pids:/kubepods/besteffort/pod5e67905a/" + DOCKER_ID + "\n";
        assertEquals(Optional.of("docker:web1"), docker.label(ProcessInfo.of(7, "nginx", kubepods)));
        assertEquals(Optional.empty(), docker.label(Fixtures.process("ctr-v2")));
    }

    @Test
    void fallsBackToTheShortIdWhenTheConfigIsMissingOrBroken(@TempDir Path root) throws IOException {
        DockerNames noConfigs = new DockerNames(root);
        assertEquals(Optional.of("docker:3f4e9c2a1b0d"), noConfigs.label(Fixtures.process("docker-v2")));

        Path dir = Files.createDirectories(root.resolve("containers").resolve(DOCKER_ID));
        Files.writeString(dir.resolve("config.v2.json"), "{broken");
        assertEquals(Optional.of("docker:3f4e9c2a1b0d"), noConfigs.label(Fixtures.process("docker-v2")));
        Files.writeString(dir.resolve("config.v2.json"), "{\"ID\":\"x\",\"Name\":\"\"}");
        assertEquals(Optional.of("docker:3f4e9c2a1b0d"), noConfigs.label(Fixtures.process("docker-v2")));
    }

    @Test
    void leavesOtherRuntimesAlone() {
        Fixtures.assertNoLabel(docker, "podman-v2", "k8s-crio-v2", "nerdctl-v2", "lxc-v2", "plain-v2");
    }
}
