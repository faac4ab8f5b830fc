package io.netjourney.journey;

import io.netjourney.capture.HopEvent;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.List;

/** The assembler's mutable record of one flow. Not thread-safe; only the assembler touches it. */
final class FlowState extends LruNode {
    final long id;
    final FlowKey key;
    final InetAddress lowAddress;
    final InetAddress highAddress;
    /** Retained packets, oldest first. */
    final ArrayDeque<PacketState> packets = new ArrayDeque<>(4);
    /** Keys of the translated tuples (NAT) that lead to this flow too; removed with it. */
    List<FlowKey> aliases = List.of();
    final long firstSeenNs;
    long lastSeenNs;
    long packetsSeen;
    long crossings;
    /** Whether the request direction is known, and whether a packet's own type (echo, ARP op, SYN) fixed it. */
    boolean orientationKnown;
    boolean orientationIntrinsic;
    boolean requestFromLow;
    /** The flow's first crossing: what its row in a list is worded from. */
    final HopEvent first;
    /** The latest request that expects an answer, the latest reply, the latest request lost (0: none). */
    long lastRequestId;
    long lastReplyId;
    long lastLostRequestId;
    /** The latest packet an ICMP error answered (or, when the error singled out none, the error itself). */
    long lastErrorAnsweredId;
    /** Whether {@link JourneyModel} listed it as changed since its last snapshot. */
    boolean changed;
    /** The conversation it belongs to, once {@link Conversations} placed it. */
    ConversationState conversation;

    FlowState(long id, FlowKey key, HopEvent first, boolean sourceIsLow) {
        this.id = id;
        this.key = key;
        this.lowAddress = sourceIsLow ? first.source() : first.destination();
        this.highAddress = sourceIsLow ? first.destination() : first.source();
        this.first = first;
        this.firstSeenNs = first.timestampNs();
        this.lastSeenNs = first.timestampNs();
    }

    /** The direction of a packet sent from the low (or high) side, once the orientation is known. */
    PacketDirection directionFrom(boolean fromLow) {
        return fromLow == requestFromLow ? PacketDirection.REQUEST : PacketDirection.REPLY;
    }

    /** A new packet of the flow (ids grow in first-seen order). */
    void counted(PacketState packet, boolean expectsAnswer) {
        if (packet.answers != null) {
            lastErrorAnsweredId = Math.max(lastErrorAnsweredId,
                    packet.answers.packetId() != 0 ? packet.answers.packetId() : packet.id);
            lastReplyId = packet.id;
        } else if (packet.direction == PacketDirection.REPLY) {
            lastReplyId = packet.id;
        } else if (expectsAnswer) {
            lastRequestId = packet.id;
        }
    }

    /**
     * A packet of the flow was judged lost or not: keeps the latest request lost for real; only when that one turns
     * out not lost after all (another copy moved on) are the retained packets looked through again.
     */
    void judged(PacketState packet) {
        if (packet.direction != PacketDirection.REQUEST) {
            return;
        }
        if (packet.lost) {
            lastLostRequestId = Math.max(lastLostRequestId, packet.id);
        } else if (packet.id == lastLostRequestId) {
            long latest = 0;
            for (PacketState retained : packets) {
                if (retained.lost && retained.direction == PacketDirection.REQUEST) {
                    latest = Math.max(latest, retained.id);
                }
            }
            lastLostRequestId = latest;
        }
    }

    /** The orientation flipped: the packets' directions changed, so which is the latest request or reply too. */
    void recount() {
        lastRequestId = 0;
        lastReplyId = 0;
        lastLostRequestId = 0;
        lastErrorAnsweredId = 0;
        for (PacketState packet : packets) {
            counted(packet, packet.expectsAnswer);
            judged(packet);
        }
    }

    FlowStatus status() {
        if (lastRequestId != 0 && lastErrorAnsweredId >= lastRequestId) {
            return FlowStatus.ICMP_ERROR;
        }
        if (lastLostRequestId != 0 && lastLostRequestId >= lastRequestId) {
            return FlowStatus.DROPPED;
        }
        return lastRequestId > lastReplyId ? FlowStatus.INCOMPLETE : FlowStatus.OK;
    }

    FlowSummary summary() {
        Endpoint low = new Endpoint(lowAddress, key.lowPort());
        Endpoint high = new Endpoint(highAddress, key.highPort());
        boolean clientLow = !orientationKnown || requestFromLow;
        return new FlowSummary(id, key, key.flowProtocol(), clientLow ? low : high, clientLow ? high : low,
                packetsSeen, crossings, packets.size(), firstSeenNs, lastSeenNs, status());
    }
}
