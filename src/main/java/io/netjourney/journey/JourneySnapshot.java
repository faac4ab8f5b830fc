package io.netjourney.journey;

import java.util.List;

/**
 * What changed in a {@link JourneyModel} since its previous snapshot, for a view that keeps its own copy of the
 * flows list: immutable, so it may be handed to another thread.
 *
 * @param counters  totals since the model was made
 * @param changed   flows that are new or changed since the previous snapshot, in flow id order
 * @param removed   ids of the flows evicted since then (never also in {@code changed})
 * @param topology  the interfaces and links seen so far
 * @param selected  the detail of the flow asked for, when it was asked for or changed; else null
 * @param recent    the latest packets that crossed something, newest last, for a view that animates them
 * @param conversations        conversations that are new or changed since the previous snapshot, in id order
 * @param conversationsRemoved ids of the conversations gone since then (their last flow evicted)
 */
public record JourneySnapshot(Counters counters, List<FlowView> changed, List<Long> removed,
                              Topology.Snapshot topology, FlowDetail selected, List<RecentPacket> recent,
                              List<ConversationView> conversations, List<Long> conversationsRemoved) {

    public JourneySnapshot {
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        recent = List.copyOf(recent);
        conversations = List.copyOf(conversations);
        conversationsRemoved = List.copyOf(conversationsRemoved);
    }

    /**
     * @param packets         packets assembled
     * @param crossings       device crossings (not drops, not routing decisions)
     * @param flows           flows seen (also those evicted since)
     * @param firstCrossingNs timestamp of the first crossing, {@link Long#MIN_VALUE} before any
     */
    public record Counters(long packets, long crossings, long flows, long firstCrossingNs) {
        public static final Counters NONE = new Counters(0, 0, 0, Long.MIN_VALUE);
    }

    /** A packet's path so far (its deepest branch) and whether it is a reply. */
    public record RecentPacket(long packetId, List<FlowReport.Place> path, boolean reply) {
        public RecentPacket {
            path = List.copyOf(path);
        }
    }
}
