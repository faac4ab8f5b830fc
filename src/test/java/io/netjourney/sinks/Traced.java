package io.netjourney.sinks;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import java.util.Map;
import java.util.Optional;

/** Test fixtures: crossings placed in journeys, and names. */
final class Traced {
    private Traced() {
    }

    static TracedHop request(HopEvent event) {
        return new TracedHop(event, 1, 1, PacketDirection.REQUEST, 0, -1);
    }

    static TracedHop reply(HopEvent event) {
        return new TracedHop(event, 2, 1, PacketDirection.REPLY, 0, -1);
    }

    static Names names(Map<Long, String> byInode) {
        return inode -> Optional.ofNullable(byInode.get(inode));
    }
}
