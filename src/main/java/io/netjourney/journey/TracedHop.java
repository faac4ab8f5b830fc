package io.netjourney.journey;

import io.netjourney.capture.HopEvent;

/**
 * A crossing placed in its journey: which packet and flow it belongs to, the packet's direction in the flow,
 * its position on the packet's path and the time since the packet's previous crossing.
 *
 * @param packetId  identifies the packet (stable across skb changes linked by the assembler); from 1
 * @param flowId    identifies the flow (both directions); from 1
 * @param hopIndex  0 for the packet's first crossing
 * @param deltaNs   nanoseconds since the packet's previous crossing, -1 for the first
 * @param translation the NAT applied between the packet's previous crossing and this one, or null
 */
public record TracedHop(HopEvent event, long packetId, long flowId, PacketDirection direction, int hopIndex,
                        long deltaNs, Translation translation) {

    /** A crossing without an address translation since the packet's previous one. */
    public TracedHop(HopEvent event, long packetId, long flowId, PacketDirection direction, int hopIndex,
            long deltaNs) {
        this(event, packetId, flowId, direction, hopIndex, deltaNs, null);
    }
}
