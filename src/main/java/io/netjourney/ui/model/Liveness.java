package io.netjourney.ui.model;

import io.netjourney.capture.names.InterfaceInfo;
import java.util.Map;
import java.util.Set;

/**
 * What exists on the machine now, from a scan: the network namespaces (by inode) and, for each namespace whose
 * interfaces could be listed, the ifindexes of its interfaces. A namespace missing from {@code interfaces} was not
 * listed (it could not be entered), so nothing is concluded about its interfaces. {@code scanned} holds what the scan
 * said of each interface (MAC, MTU, state, addresses), by {@link io.netjourney.journey.Topology#keyOf} key.
 */
public record Liveness(Set<Long> namespaces, Map<Long, Set<Integer>> interfaces, Map<Long, InterfaceInfo> scanned) {
    public Liveness {
        namespaces = Set.copyOf(namespaces);
        interfaces = Map.copyOf(interfaces);
        scanned = Map.copyOf(scanned);
    }

    /** What exists, without the interfaces' details. */
    public Liveness(Set<Long> namespaces, Map<Long, Set<Integer>> interfaces) {
        this(namespaces, interfaces, Map.of());
    }

    boolean namespaceExists(long inode) {
        return namespaces.contains(inode);
    }

    /** False only when the interface's namespace is gone, or was listed without it. */
    boolean interfaceExists(long inode, int ifindex) {
        if (!namespaces.contains(inode)) {
            return false;
        }
        Set<Integer> listed = interfaces.get(inode);
        return listed == null || listed.contains(ifindex);
    }
}
