package io.netjourney.journey;

import java.util.concurrent.TimeUnit;

/**
 * Limits and time windows of a {@link JourneyAssembler}. All times are nanoseconds of the events' clock.
 *
 * @param flowIdleNs       a flow with no crossing for longer than this is evicted (with its packets)
 * @param maxFlows         at most this many flows are retained; beyond, the least recently active goes
 * @param maxPackets       at most this many packets are retained (all flows together); beyond, the least
 *                         recently active goes (its flow stays, with its counts)
 * @param maxPacketsPerFlow at most this many packets are retained per flow; beyond, the flow's least recently
 *                         active goes (so a flood's flow does not push every other flow's packets out)
 * @param maxHopsPerPacket at most this many crossings are kept per packet (later ones are still numbered and
 *                         returned, and counted, but not retained): bounds a packet caught in a loop; 0 keeps
 *                         none (ids, directions and counts only: what a stream of lines needs)
 * @param linkWindowNs     a crossing on a new skb continues a packet whose identical content crossed another
 *                         device at most this long before (clone, copy, GRO)
 * @param skbReuseGapNs    a crossing on the same skb more than this long after the packet's previous crossing
 *                         starts a new packet (the address was freed and reused)
 */
public record JourneyConfig(long flowIdleNs, int maxFlows, int maxPackets, int maxPacketsPerFlow,
                            int maxHopsPerPacket, long linkWindowNs, long skbReuseGapNs) {

    public static final long DEFAULT_FLOW_IDLE_NS = TimeUnit.SECONDS.toNanos(60);
    public static final int DEFAULT_MAX_FLOWS = 10_000;
    public static final int DEFAULT_MAX_PACKETS = 50_000;
    public static final int DEFAULT_MAX_PACKETS_PER_FLOW = 200;
    public static final int DEFAULT_MAX_HOPS_PER_PACKET = 64;
    public static final long DEFAULT_LINK_WINDOW_NS = TimeUnit.MILLISECONDS.toNanos(50);
    public static final long DEFAULT_SKB_REUSE_GAP_NS = TimeUnit.SECONDS.toNanos(1);

    public JourneyConfig {
        if (flowIdleNs <= 0 || linkWindowNs < 0 || skbReuseGapNs < 0) {
            throw new IllegalArgumentException("time windows must not be negative, flowIdleNs > 0");
        }
        if (maxFlows < 1 || maxPackets < 1 || maxPacketsPerFlow < 1 || maxHopsPerPacket < 0) {
            throw new IllegalArgumentException(
                    "maxFlows, maxPackets and maxPacketsPerFlow must be at least 1, maxHopsPerPacket 0");
        }
    }

    /**
     * What a view a person looks at keeps: the defaults, but a flow is never evicted for being idle, only when the
     * caps are reached (least recently active first), so the flow someone is reading does not vanish after a quiet
     * minute; memory stays bounded by the caps.
     */
    public static JourneyConfig forViews() {
        return defaults().withFlowIdleNs(Long.MAX_VALUE);
    }

    public static JourneyConfig defaults() {
        return new JourneyConfig(DEFAULT_FLOW_IDLE_NS, DEFAULT_MAX_FLOWS, DEFAULT_MAX_PACKETS,
                DEFAULT_MAX_PACKETS_PER_FLOW, DEFAULT_MAX_HOPS_PER_PACKET, DEFAULT_LINK_WINDOW_NS, DEFAULT_SKB_REUSE_GAP_NS);
    }

    public JourneyConfig withFlowIdleNs(long value) {
        return new JourneyConfig(value, maxFlows, maxPackets, maxPacketsPerFlow, maxHopsPerPacket, linkWindowNs,
                skbReuseGapNs);
    }

    public JourneyConfig withMaxFlows(int value) {
        return new JourneyConfig(flowIdleNs, value, maxPackets, maxPacketsPerFlow, maxHopsPerPacket, linkWindowNs,
                skbReuseGapNs);
    }

    public JourneyConfig withMaxPackets(int value) {
        return new JourneyConfig(flowIdleNs, maxFlows, value, maxPacketsPerFlow, maxHopsPerPacket, linkWindowNs,
                skbReuseGapNs);
    }

    public JourneyConfig withMaxPacketsPerFlow(int value) {
        return new JourneyConfig(flowIdleNs, maxFlows, maxPackets, value, maxHopsPerPacket, linkWindowNs,
                skbReuseGapNs);
    }

    public JourneyConfig withMaxHopsPerPacket(int value) {
        return new JourneyConfig(flowIdleNs, maxFlows, maxPackets, maxPacketsPerFlow, value, linkWindowNs,
                skbReuseGapNs);
    }

    public JourneyConfig withLinkWindowNs(long value) {
        return new JourneyConfig(flowIdleNs, maxFlows, maxPackets, maxPacketsPerFlow, maxHopsPerPacket, value,
                skbReuseGapNs);
    }

    public JourneyConfig withSkbReuseGapNs(long value) {
        return new JourneyConfig(flowIdleNs, maxFlows, maxPackets, maxPacketsPerFlow, maxHopsPerPacket, linkWindowNs,
                value);
    }
}
