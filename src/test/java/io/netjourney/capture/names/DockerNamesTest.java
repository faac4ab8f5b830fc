package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerNamesTest {
    static final String ID = "3f4e9c2a1b0d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f";

    @Test
    void findsTheContainerIdInCgroupV2() {
        assertEquals(Optional.of(ID), DockerNames.containerId("0::/system.slice/docker-" + ID + ".scope\n"));
    }

    @Test
    void findsTheContainerIdInCgroupV1() {
        String cgroup = "12:pids:/docker/" + ID + "\n11:memory:/docker/" + ID + "\n0::/\n";
        assertEquals(Optional.of(ID), DockerNames.containerId(cgroup));
    }

    @Test
    void noContainerOutsideDocker() {
        assertEquals(Optional.empty(), DockerNames.containerId("0::/user.slice/user-0.slice/session-1.scope\n"));
        assertEquals(Optional.empty(), DockerNames.containerId("0::/docker/" + ID.substring(0, 40) + "\n"));
        assertEquals(Optional.empty(), DockerNames.containerId("0::/docker/" + ID + "aa\n"));
    }

    @Test
    void readsTheTopLevelNameWithoutItsSlash() {
        String config = "{\"State\":{\"Running\":true},\"ID\":\"" + ID + "\",\"Config\":{\"Hostname\":\"3f4e\"},"
                + "\"Name\":\"/web\",\"MountPoints\":{\"/data\":{\"Name\":\"vol1\",\"Driver\":\"local\"}}}";
        assertEquals(Optional.of("web"), DockerNames.nameFromConfig(config));
        assertEquals(Optional.empty(), DockerNames.nameFromConfig("{\"ID\":\"x\"}"));
        assertEquals(Optional.empty(), DockerNames.nameFromConfig("{broken"));
    }

    @Test
    void labelsWithTheNameOrTheShortId(@TempDir Path docker) throws IOException {
        Path dir = Files.createDirectories(docker.resolve("containers").resolve(ID));
        DockerNames names = new DockerNames(docker);
        String cgroup = "0::/system.slice/docker-" + ID + ".scope\n";
        assertEquals(Optional.of("docker:3f4e9c2a1b0d"), names.label(cgroup));

        Files.writeString(dir.resolve("config.v2.json"), "{\"Name\":\"/web\"}");
        assertEquals(Optional.of("docker:web"), names.label(cgroup));
        assertEquals(Optional.empty(), names.label("0::/\n"));
    }
}
