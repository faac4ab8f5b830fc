package io.netjourney.lab;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The BPF links this JVM holds (its attached programs), for a test that starts a capture on another thread and must
 * wait until it is attached before making traffic: a fixed sleep is too short on a loaded machine.
 */
public final class BpfLinks {
    private static final Path FDS = Path.of("/proc/self/fd");

    private BpfLinks() {
    }

    /** How many file descriptors of this process are BPF links now. */
    public static int open() {
        int links = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals("anon_inode:bpf_link")) {
                        links++;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + FDS + ": " + e.getMessage(), e);
        }
        return links;
    }

    /**
     * Waits until this process holds more links than {@code before}, and a little longer for the rest of the
     * programs to attach; fails when none came within {@code limit}.
     */
    public static void awaitMoreThan(int before, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (open() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no BPF program attached within " + limit.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
        Thread.sleep(200);
    }
}
