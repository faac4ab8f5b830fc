package io.netjourney.ui.model;

import io.netjourney.capture.Hook;
import io.netjourney.journey.Branches;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One packet of a flow as the view model keeps it: its first crossings in order. */
final class PacketData {
    final long id;
    PacketDirection direction;
    final List<Crossing> crossings = new ArrayList<>(8);
    /** The previous crossing's interface and hook, also when it was not retained (for links). */
    InterfaceNode lastNode;
    Hook lastHook;
    /** The latest drop that ended this packet or one of its copies, or null. */
    TracedHop drop;
    /** Every drop that ended a copy of it; and whether they ended all its copies, for real (see Branches#lost). */
    final List<TracedHop> drops = new ArrayList<>(1);
    boolean lost;

    /** Re-decides {@link #lost} after a drop, or after a crossing of a packet some copy of which was dropped. */
    void judge() {
        if (drops.isEmpty()) {
            return;
        }
        List<TracedHop> hops = new ArrayList<>(crossings.size());
        for (Crossing c : crossings) {
            hops.add(c.hop());
        }
        lost = Branches.lost(hops, drops);
    }
    /** By ordinal (while below the cap): the interface and hook of each crossing, for the links of its children. */
    private final InterfaceNode[] nodes = new InterfaceNode[JourneyViewModel.MAX_CROSSINGS_PER_PACKET];
    private final Hook[] hooks = new Hook[JourneyViewModel.MAX_CROSSINGS_PER_PACKET];

    void remember(int ordinal, InterfaceNode node, Hook hook) {
        if (ordinal >= 0 && ordinal < nodes.length) {
            nodes[ordinal] = node;
            hooks[ordinal] = hook;
        }
    }

    /** The interface of the crossing with this ordinal; null when unknown (beyond the cap, or not a crossing). */
    InterfaceNode nodeAt(int ordinal) {
        return ordinal >= 0 && ordinal < nodes.length ? nodes[ordinal] : null;
    }

    Hook hookAt(int ordinal) {
        return ordinal >= 0 && ordinal < hooks.length ? hooks[ordinal] : null;
    }

    /** The crossings from the first to the deepest, along parents: the path drawn for this packet. */
    List<Crossing> path() {
        List<TracedHop> hops = new ArrayList<>(crossings.size());
        Map<Integer, Crossing> byOrdinal = new HashMap<>(crossings.size() * 2);
        for (Crossing c : crossings) {
            hops.add(c.hop());
            byOrdinal.put(c.hop().ordinal(), c);
        }
        List<Crossing> path = new ArrayList<>(hops.size());
        for (TracedHop hop : Branches.deepest(hops, drop == null ? -1 : drop.parent())) {
            path.add(byOrdinal.get(hop.ordinal()));
        }
        return path;
    }

    PacketData(long id, PacketDirection direction) {
        this.id = id;
        this.direction = direction;
    }

    int size() {
        return crossings.size();
    }
}
