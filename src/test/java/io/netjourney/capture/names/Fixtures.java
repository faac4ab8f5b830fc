package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Test files under src/test/resources/names: ip output, cgroup files (cgroup/RUNTIME-v1.txt, -v2.txt) and a
 * fake machine (machine/run, machine/var/lib) holding each container runtime's files for the ids below.
 */
final class Fixtures {
    static final String DOCKER_ID = "3f4e9c2a1b0d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f";
    static final String PODMAN_ID = "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9";
    static final String NERDCTL_ID = "aa470170773aae4a69e6e0a509eb8c1f304140b1fea1a2d55ec93a07a78e497c";
    static final String CTR_ID = "2752ea5db34c1dc718967086526c49d5f55793678e2002db3f7a3e45a4a97b2a";
    static final String K8S_CONTAINERD_ID = "4da4b68fe6f1a6c828471a48710d49ffcc588aaa2f71dcceabc043c4540c1776";
    static final String CRIO_ID = "c64064614423cb790e88b3e5492ff5ccf673b25ae823089f7a60c65cda24d809";
    /** The LEADER in machine/run/systemd/machines/box. */
    static final long NSPAWN_LEADER = 4242;

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/names/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A process in the cgroup of cgroup/NAME.txt. */
    static ProcessInfo process(String cgroupFixture) {
        return process(100, cgroupFixture);
    }

    static ProcessInfo process(long pid, String cgroupFixture) {
        return ProcessInfo.of(pid, "sh", text("cgroup/" + cgroupFixture + ".txt"));
    }

    /** Each cgroup fixture's process gets {@code label} from {@code source}. */
    static void assertLabel(ContainerNameSource source, String label, String... cgroupFixtures) {
        for (String fixture : cgroupFixtures) {
            assertEquals(Optional.of(label), source.label(process(fixture)), fixture);
        }
    }

    /** No cgroup fixture's process gets a label from {@code source}. */
    static void assertNoLabel(ContainerNameSource source, String... cgroupFixtures) {
        for (String fixture : cgroupFixtures) {
            assertEquals(Optional.empty(), source.label(process(fixture)), fixture);
        }
    }

    /** The fake machine's roots; its /proc is empty. */
    static NamesRoots machine() {
        URL root = Fixtures.class.getResource("/names/machine");
        if (root == null) {
            throw new AssertionError("missing test resource machine/");
        }
        try {
            return NamesRoots.under(Path.of(root.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
