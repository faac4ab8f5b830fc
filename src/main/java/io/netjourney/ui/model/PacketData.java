package io.netjourney.ui.model;

import io.netjourney.capture.Hook;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import java.util.ArrayList;
import java.util.List;

/** One packet of a flow as the view model keeps it: its first crossings in order. */
final class PacketData {
    final long id;
    PacketDirection direction;
    final List<Crossing> crossings = new ArrayList<>(8);
    /** The previous crossing's interface and hook, also when it was not retained (for links). */
    InterfaceNode lastNode;
    Hook lastHook;
    /** The drop that ended this packet, or null. */
    TracedHop drop;

    PacketData(long id, PacketDirection direction) {
        this.id = id;
        this.direction = direction;
    }

    int size() {
        return crossings.size();
    }
}
