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
 */
public record TracedHop(HopEvent event, long packetId, long flowId, PacketDirection direction, int hopIndex,
                        long deltaNs) {
}
