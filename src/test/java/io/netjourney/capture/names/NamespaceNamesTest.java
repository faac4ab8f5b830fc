package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceNamesTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void rescansOnAMissAtMostOncePerInterval(@TempDir Path root) throws Exception {
        FakeSystem system = new FakeSystem(root);
        AtomicInteger scans = new AtomicInteger();
        NamespaceScanner scanner = new NamespaceScanner(system.roots);
        NamespaceNames names = new NamespaceNames(() -> {
            scans.incrementAndGet();
            return scanner.scan();
        }, clock::get, Duration.ofMillis(500));

        assertEquals(Optional.of("host"), names.netnsName(FakeSystem.INITIAL_INODE));
        assertEquals(1, scans.get());
        long late = system.namedNamespace("nj-late");
        assertEquals(Optional.empty(), names.netnsName(late));
        assertEquals(1, scans.get());

        clock.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(Optional.of("nj-late"), names.netnsName(late));
        assertEquals(2, scans.get());
        assertEquals(Optional.of("host"), names.netnsName(FakeSystem.INITIAL_INODE));
        assertEquals(2, scans.get());
    }

    @Test
    void keepsNamesOfNamespacesThatWent(@TempDir Path root) throws Exception {
        FakeSystem system = new FakeSystem(root);
        long gone = system.namedNamespace("nj-gone");
        NamespaceNames names = new NamespaceNames(new NamespaceScanner(system.roots)::scan, clock::get, Duration.ZERO);
        assertEquals(Optional.of("nj-gone"), names.netnsName(gone));
        Files.delete(system.roots.runNetns().resolve("nj-gone"));
        assertEquals(Optional.of("nj-gone"), names.netnsName(gone));
        assertEquals(1, names.namespaces().size());
    }

    @Test
    void looksNamespacesUpByNameAmongThoseThatExistNow() {
        List<NetnsEntry> now = new ArrayList<>(List.of(
                new NetnsEntry(4026531840L, "host", Path.of("/proc/1/ns/net"), false),
                new NetnsEntry(4026532300L, "nj-ctr1", Path.of("/run/netns/nj-ctr1"), true),
                new NetnsEntry(4026532400L, "docker:web", Path.of("/proc/40/ns/net"), false),
                new NetnsEntry(4026532500L, "docker:web", Path.of("/proc/50/ns/net"), false)));
        NamespaceNames names = new NamespaceNames(() -> List.copyOf(now), clock::get, Duration.ZERO);

        assertEquals(Map.of("host", Set.of(4026531840L), "nj-ctr1", Set.of(4026532300L),
                "docker:web", Set.of(4026532400L, 4026532500L)), names.inodesByName());
        now.remove(1);
        assertEquals(Set.of("host", "docker:web"), names.inodesByName().keySet(), "a namespace that went is not found");
    }

    @Test
    void inTheBackgroundAnUnknownNamespaceIsNotWaitedForAndIsNamedOnceFound() throws Exception {
        List<NetnsEntry> present = new java.util.concurrent.CopyOnWriteArrayList<>(
                List.of(new NetnsEntry(1, "host", null, false)));
        List<Thread> scannedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        NamespaceNames names = NamespaceNames.inBackground(() -> {
            scannedOn.add(Thread.currentThread());
            return List.copyOf(present);
        }, System::nanoTime, Duration.ZERO);
        names.awaitFirstScan(Duration.ofSeconds(5));
        assertEquals(Optional.of("host"), names.netnsName(1), "what existed at the start is named from the start");

        present.add(new NetnsEntry(7, "nj-ctr1", null, true));
        assertEquals(Optional.empty(), names.netnsName(7), "a new namespace: not known yet, and no waiting for it");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (names.netnsName(7).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(Optional.of("nj-ctr1"), names.netnsName(7), "named once the background scan found it");
        assertEquals(false, scannedOn.contains(Thread.currentThread()), "never scanned on the caller's thread");
    }
}
