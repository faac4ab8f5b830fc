package io.netjourney.journey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Paths through a packet's tree of crossings. */
public final class Branches {
    private Branches() {
    }

    /**
     * Whether the packet is lost: every copy of it (every crossing no other follows) ended in a real drop. A copy that
     * a drop ended as expected ({@link DropClass}), or that no drop ended, was not lost; neither is a packet with no
     * real drop at all.
     *
     * @param hops  a packet's crossings
     * @param drops the drops that ended copies of it
     */
    public static boolean lost(List<TracedHop> hops, List<TracedHop> drops) {
        Set<Integer> realEnds = new HashSet<>();
        for (TracedHop drop : drops) {
            if (!DropClass.of(drop.event()).expected()) {
                realEnds.add(drop.parent());
            }
        }
        if (realEnds.isEmpty()) {
            return false;
        }
        Set<Integer> followed = new HashSet<>();
        for (TracedHop hop : hops) {
            followed.add(hop.parent());
        }
        for (TracedHop hop : hops) {
            if (!followed.contains(hop.ordinal()) && !realEnds.contains(hop.ordinal())) {
                return false;
            }
        }
        return true;
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
