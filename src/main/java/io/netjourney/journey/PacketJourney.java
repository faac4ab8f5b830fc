package io.netjourney.journey;

import java.util.List;

/**
 * A snapshot of one packet's path.
 *
 * @param hops        the retained crossings in order (hopIndex 0, 1, ...)
 * @param hopCount    crossings seen; more than {@code hops.size()} if the packet hit the per-packet cap
 * @param firstSeenNs timestamp of the first crossing
 * @param lastSeenNs  timestamp of the latest crossing
 * @param lost        whether every copy of it ended in a real drop (see {@link Branches#lost})
 */
public record PacketJourney(long packetId, long flowId, PacketDirection direction, List<TracedHop> hops,
                            int hopCount, long firstSeenNs, long lastSeenNs, boolean lost) {

    public PacketJourney {
        hops = List.copyOf(hops);
    }
}
