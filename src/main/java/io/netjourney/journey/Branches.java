package io.netjourney.journey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Paths through a packet's tree of crossings. */
public final class Branches {
    private Branches() {
    }

    /**
     * The crossings from the packet's first to its deepest one, following each crossing's parent: the path a packet
     * drawn as a line takes. Of equally deep ends, one that {@code died} does not follow is preferred (a flooded copy
     * that was dropped is not the path), then the earliest. Crossings whose parent is not among {@code hops} (not
     * retained) end the walk there.
     *
     * @param hops a packet's crossings (no verdicts), in arrival order
     * @param died the ordinal of the crossing a drop of the packet followed, or -1
     */
    public static List<TracedHop> deepest(List<TracedHop> hops, int died) {
        if (hops.isEmpty()) {
            return List.of();
        }
        Map<Integer, TracedHop> byOrdinal = new HashMap<>(hops.size() * 2);
        TracedHop end = null;
        for (TracedHop hop : hops) {
            byOrdinal.put(hop.ordinal(), hop);
            if (end == null || hop.hopIndex() > end.hopIndex()
                    || hop.hopIndex() == end.hopIndex() && end.ordinal() == died && hop.ordinal() != died) {
                end = hop;
            }
        }
        List<TracedHop> path = new ArrayList<>(end.hopIndex() + 1);
        for (TracedHop hop = end; hop != null; hop = hop.parent() < 0 ? null : byOrdinal.get(hop.parent())) {
            path.add(hop);
        }
        Collections.reverse(path);
        return path;
    }
}
