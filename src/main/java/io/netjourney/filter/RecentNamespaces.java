package io.netjourney.filter;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link NamespaceDirectory} that answers at once with the names last scanned and rescans in the background when
 * they are older than {@link #MAX_AGE_NS}, so that checking a filter as it is typed never scans /proc on the
 * caller's thread (the window's). {@code onChange} runs, on the scanning thread, when a rescan found other names.
 */
public final class RecentNamespaces implements NamespaceDirectory {
    static final long MAX_AGE_NS = 1_000_000_000L;

    private final NamespaceDirectory scanned;
    private final Runnable onChange;
    private final AtomicBoolean scanning = new AtomicBoolean();
    private volatile Map<String, Set<Long>> known = Map.of();
    private volatile boolean everScanned;
    private volatile long scannedAtNs;

    public RecentNamespaces(NamespaceDirectory scanned, Runnable onChange) {
        this.scanned = scanned;
        this.onChange = onChange;
    }

    @Override
    public Map<String, Set<Long>> inodesByName() {
        boolean stale = !everScanned || System.nanoTime() - scannedAtNs > MAX_AGE_NS;
        if (stale && scanning.compareAndSet(false, true)) {
            Thread scan = new Thread(this::rescan, "netjourney-namespace-names");
            scan.setDaemon(true);
            scan.start();
        }
        return known;
    }

    private void rescan() {
        try {
            Map<String, Set<Long>> found = Map.copyOf(scanned.inodesByName());
            boolean changed = !found.equals(known);
            known = found;
            scannedAtNs = System.nanoTime();
            everScanned = true;
            if (changed) {
                onChange.run();
            }
        } finally {
            scanning.set(false);
        }
    }
}
