package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
}
