package io.netjourney.journey;

/**
 * Counters of a {@link JourneyAssembler} since it started.
 *
 * @param packets          packets assembled
 * @param crossings        crossings accepted
 * @param flows            flows created
 * @param retainedFlows    flows held now
 * @param retainedPackets  packets held now
 * @param evictedFlows     flows evicted (idle or over {@link JourneyConfig#maxFlows()})
 * @param evictedPackets   packets evicted (with their flow or over {@link JourneyConfig#maxPackets()})
 * @param linkedSkbs       crossings that continued a packet on another skb by content (clones, copies)
 */
public record JourneyStats(long packets, long crossings, long flows, int retainedFlows, int retainedPackets,
                           long evictedFlows, long evictedPackets, long linkedSkbs) {
}
