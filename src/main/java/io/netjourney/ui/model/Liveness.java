package io.netjourney.ui.model;

import java.util.Map;
import java.util.Set;

/**
 * What exists on the machine now, from a scan: the network namespaces (by inode) and, for each namespace whose
 * interfaces could be listed, the ifindexes of its interfaces. A namespace missing from {@code interfaces} was not
 * listed (it could not be entered), so nothing is concluded about its interfaces.
 */
public record Liveness(Set<Long> namespaces, Map<Long, Set<Integer>> interfaces) {
    public Liveness {
        namespaces = Set.copyOf(namespaces);
        interfaces = Map.copyOf(interfaces);
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
