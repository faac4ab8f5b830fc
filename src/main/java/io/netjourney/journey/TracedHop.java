package io.netjourney.journey;

import io.netjourney.capture.HopEvent;

/**
 * A crossing placed in its journey: which packet and flow it belongs to, the packet's direction in the flow, where
 * it sits in the packet's tree of crossings and the time since the crossing it follows. A packet is a tree: when it
 * becomes several (a bridge flooding to several ports, a clone), each copy is a branch that follows the crossing
 * where it split; consecutive crossings of a branch follow each other.
 *
 * @param packetId  identifies the packet (stable across skb changes linked by the assembler); from 1
 * @param flowId    identifies the flow (both directions); from 1
 * @param hopIndex  the position along its branch from the packet's first crossing: 0 for that one, parent's + 1
 * @param deltaNs   nanoseconds since the crossing it follows ({@code parent}), -1 for the packet's first
 * @param translation the NAT applied between the crossing it follows and this one, or null
 * @param ordinal   the packet's crossings (and drops) numbered in arrival order, from 0
 * @param parent    the ordinal of the crossing this one follows, -1 for the packet's first
 * @param branch    0 for the trunk, then 1, 2, ... for each copy in the order they split off
 * @param answers   for a crossing of an ICMP/ICMPv6 error in the flow it answers, which packet it answers and
 *                  where it came from; else null
 */
public record TracedHop(HopEvent event, long packetId, long flowId, PacketDirection direction, int hopIndex,
                        long deltaNs, Translation translation, int ordinal, int parent, int branch, Answer answers) {

    /** A crossing that answers nothing (anything but an ICMP error in the flow it answers). */
    public TracedHop(HopEvent event, long packetId, long flowId, PacketDirection direction, int hopIndex,
            long deltaNs, Translation translation, int ordinal, int parent, int branch) {
        this(event, packetId, flowId, direction, hopIndex, deltaNs, translation, ordinal, parent, branch, null);
    }

    /** A crossing of an unbranched packet: the ordinal is the hop index, it follows the one before. */
    public TracedHop(HopEvent event, long packetId, long flowId, PacketDirection direction, int hopIndex,
            long deltaNs, Translation translation) {
        this(event, packetId, flowId, direction, hopIndex, deltaNs, translation, hopIndex, hopIndex - 1, 0);
    }

    /** A crossing of an unbranched packet without an address translation. */
    public TracedHop(HopEvent event, long packetId, long flowId, PacketDirection direction, int hopIndex,
            long deltaNs) {
        this(event, packetId, flowId, direction, hopIndex, deltaNs, null);
    }

    /** The same crossing in the other direction (the flow's orientation was learnt later). */
    public TracedHop withDirection(PacketDirection newDirection) {
        return new TracedHop(event, packetId, flowId, newDirection, hopIndex, deltaNs, translation, ordinal, parent,
                branch, answers);
    }
}
