package io.netjourney.ui.feed;

import io.netjourney.capture.names.InterfaceInfo;
import io.netjourney.capture.names.InterfaceScanner;
import io.netjourney.capture.names.NamespaceScanner;
import io.netjourney.capture.names.NetnsEntry;
import io.netjourney.journey.Topology;
import io.netjourney.ui.model.Liveness;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Scans the machine's network namespaces and their interfaces at once and then every few seconds on its own thread
 * and hands what exists to a consumer, so the window can grey out what was deleted and show an interface's MAC, MTU,
 * state and addresses. Never runs on the FX thread.
 */
public final class TopologyWatcher implements AutoCloseable {
    private static final long PERIOD_MS = 3_000;

    private final NamespaceScanner namespaces = new NamespaceScanner();
    private final InterfaceScanner interfaces = new InterfaceScanner();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "netjourney-topology");
        t.setDaemon(true);
        return t;
    });

    /** Starts scanning; {@code onScan} is called from the watcher's thread after each scan. */
    public TopologyWatcher(Consumer<Liveness> onScan) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                onScan.accept(scan());
            } catch (RuntimeException e) {
                // a scan that fails (a namespace vanishing mid-scan, a tool missing) is simply skipped
            }
        }, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** What exists now: every namespace, and the interfaces of each one that could be entered, with their details. */
    public Liveness scan() {
        List<NetnsEntry> entries = namespaces.scan();
        Set<Long> inodes = new HashSet<>();
        entries.forEach(entry -> inodes.add(entry.inode()));
        Map<Long, Set<Integer>> byNamespace = new HashMap<>();
        Map<Long, InterfaceInfo> scanned = new HashMap<>();
        for (InterfaceInfo info : interfaces.scan(entries)) {
            byNamespace.computeIfAbsent(info.netnsInode(), inode -> new HashSet<>()).add(info.ifindex());
            scanned.put(Topology.keyOf(info.netnsInode(), info.ifindex()), info);
        }
        return new Liveness(inodes, byNamespace, scanned);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
