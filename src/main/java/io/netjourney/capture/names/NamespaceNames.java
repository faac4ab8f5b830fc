package io.netjourney.capture.names;

import io.netjourney.capture.Names;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link Names} from the namespaces on this machine. Names are cached; an unknown inode triggers a rescan
 * (namespaces appear during a capture), at most one per {@code minRescanInterval}. Names of namespaces that
 * have gone stay known, so a finished capture still reads well. Thread-safe.
 *
 * <p>{@link #inBackground()} never scans on the caller's thread (a capture's, the window's): it scans once at once
 * on a thread of its own, and an unknown inode answers "not known yet" and has a rescan run there, its name
 * published when found.
 */
public final class NamespaceNames implements Names {
    public static final Duration DEFAULT_RESCAN_INTERVAL = Duration.ofMillis(500);

    private final Supplier<List<NetnsEntry>> scanner;
    private final LongSupplier nanoClock;
    private final long minRescanNanos;
    private volatile Map<Long, NetnsEntry> byInode = Map.of();
    private volatile List<NetnsEntry> current = List.of();
    private boolean scanned;
    private volatile long lastScanNanos;
    private final boolean background;
    private final AtomicBoolean scanning = new AtomicBoolean();
    private final CountDownLatch firstScan = new CountDownLatch(1);

    public NamespaceNames() {
        this(new NamespaceScanner()::scan, System::nanoTime, DEFAULT_RESCAN_INTERVAL);
    }

    /**
     * @param scanner lists the namespaces that exist now, usually {@code new NamespaceScanner(roots)::scan}
     * @param nanoClock {@code System::nanoTime}, or a fake clock in tests
     */
    public NamespaceNames(Supplier<List<NetnsEntry>> scanner, LongSupplier nanoClock, Duration minRescanInterval) {
        this(scanner, nanoClock, minRescanInterval, false);
    }

    private NamespaceNames(Supplier<List<NetnsEntry>> scanner, LongSupplier nanoClock, Duration minRescanInterval,
            boolean background) {
        this.scanner = scanner;
        this.nanoClock = nanoClock;
        this.minRescanNanos = minRescanInterval.toNanos();
        this.background = background;
        if (background) {
            scanInBackground();
        }
    }

    /** This machine's names, scanned on a thread of their own only. */
    public static NamespaceNames inBackground() {
        return inBackground(new NamespaceScanner()::scan, System::nanoTime, DEFAULT_RESCAN_INTERVAL);
    }

    static NamespaceNames inBackground(Supplier<List<NetnsEntry>> scanner, LongSupplier nanoClock,
            Duration minRescanInterval) {
        return new NamespaceNames(scanner, nanoClock, minRescanInterval, true);
    }

    /** Waits (at most {@code limit}) for the first scan, so that what exists at the start is named from the start. */
    public void awaitFirstScan(Duration limit) throws InterruptedException {
        if (background) {
            firstScan.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void scanInBackground() {
        if (!scanning.compareAndSet(false, true)) {
            return;
        }
        Thread scan = new Thread(() -> {
            try {
                rescan();
            } finally {
                scanning.set(false);
                firstScan.countDown();
            }
        }, "netjourney-names");
        scan.setDaemon(true);
        scan.start();
    }

    @Override
    public Optional<String> netnsName(long inode) {
        return entry(inode).map(NetnsEntry::name);
    }

    /** The namespace with this inode, rescanning (rate-limited) when it is not known yet. */
    public Optional<NetnsEntry> entry(long inode) {
        NetnsEntry known = byInode.get(inode);
        if (known == null && background) {
            if (nanoClock.getAsLong() - lastScanNanos >= minRescanNanos) {
                scanInBackground();
            }
            return Optional.empty();
        }
        if (known == null) {
            rescanIfDue();
            known = byInode.get(inode);
        }
        return Optional.ofNullable(known);
    }

    /** The namespaces that exist now, scanning first. */
    public List<NetnsEntry> namespaces() {
        rescan();
        return current;
    }

    /**
     * The reverse lookup: each namespace that exists now (scanning first) by its name, with its inode; a name
     * several namespaces share maps to all their inodes.
     */
    public Map<String, Set<Long>> inodesByName() {
        Map<String, Set<Long>> byName = new TreeMap<>();
        for (NetnsEntry entry : namespaces()) {
            byName.computeIfAbsent(entry.name(), name -> new TreeSet<>()).add(entry.inode());
        }
        return Collections.unmodifiableMap(byName);
    }

    private synchronized void rescanIfDue() {
        if (!scanned || nanoClock.getAsLong() - lastScanNanos >= minRescanNanos) {
            rescan();
        }
    }

    private synchronized void rescan() {
        List<NetnsEntry> found = scanner.get();
        Map<Long, NetnsEntry> merged = new HashMap<>(byInode);
        found.forEach(entry -> merged.put(entry.inode(), entry));
        byInode = Map.copyOf(merged);
        current = List.copyOf(found);
        scanned = true;
        lastScanNanos = nanoClock.getAsLong();
    }
}
