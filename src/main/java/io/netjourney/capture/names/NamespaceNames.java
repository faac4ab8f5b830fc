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
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link Names} from the namespaces on this machine. Names are cached; an unknown inode triggers a rescan
 * (namespaces appear during a capture), at most one per {@code minRescanInterval}. Names of namespaces that
 * have gone stay known, so a finished capture still reads well. Thread-safe.
 */
public final class NamespaceNames implements Names {
    public static final Duration DEFAULT_RESCAN_INTERVAL = Duration.ofMillis(500);

    private final Supplier<List<NetnsEntry>> scanner;
    private final LongSupplier nanoClock;
    private final long minRescanNanos;
    private volatile Map<Long, NetnsEntry> byInode = Map.of();
    private volatile List<NetnsEntry> current = List.of();
    private boolean scanned;
    private long lastScanNanos;

    public NamespaceNames() {
        this(new NamespaceScanner()::scan, System::nanoTime, DEFAULT_RESCAN_INTERVAL);
    }

    /**
     * @param scanner lists the namespaces that exist now, usually {@code new NamespaceScanner(roots)::scan}
     * @param nanoClock {@code System::nanoTime}, or a fake clock in tests
     */
    public NamespaceNames(Supplier<List<NetnsEntry>> scanner, LongSupplier nanoClock, Duration minRescanInterval) {
        this.scanner = scanner;
        this.nanoClock = nanoClock;
        this.minRescanNanos = minRescanInterval.toNanos();
    }

    @Override
    public Optional<String> netnsName(long inode) {
        return entry(inode).map(NetnsEntry::name);
    }

    /** The namespace with this inode, rescanning (rate-limited) when it is not known yet. */
    public Optional<NetnsEntry> entry(long inode) {
        NetnsEntry known = byInode.get(inode);
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
