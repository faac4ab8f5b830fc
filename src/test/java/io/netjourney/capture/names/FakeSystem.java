package io.netjourney.capture.names;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fake /run/netns, /proc and /var/lib/docker under a temp dir. */
final class FakeSystem {
    static final long INITIAL_INODE = 4026531833L;

    final Path root;
    final NamesRoots roots;

    FakeSystem(Path root) {
        this(root, 1);
    }

    /** @param initialPid the first process in the initial namespace, 1 unless pid 1 is hidden */
    FakeSystem(Path root, int initialPid) {
        this.root = root;
        this.roots = NamesRoots.under(root);
        process(initialPid, INITIAL_INODE, "init", "0::/init.scope\n");
    }

    /** Creates /run/netns/NAME and returns its inode, as `ip netns add` would. */
    long namedNamespace(String name) {
        try {
            Path file = Files.createDirectories(roots.runNetns()).resolve(name);
            Files.writeString(file, "");
            return ((Number) Files.getAttribute(file, "unix:ino")).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void process(int pid, long netnsInode, String comm, String cgroup) {
        try {
            Path dir = Files.createDirectories(roots.proc().resolve(pid + "/ns"));
            Files.createSymbolicLink(dir.resolve("net"), Path.of("net:[" + netnsInode + "]"));
            Files.writeString(dir.resolveSibling("comm"), comm + "\n");
            Files.writeString(dir.resolveSibling("cgroup"), cgroup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void dockerConfig(String id, String json) {
        try {
            Path dir = Files.createDirectories(roots.docker().resolve("containers").resolve(id));
            Files.writeString(dir.resolve("config.v2.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
