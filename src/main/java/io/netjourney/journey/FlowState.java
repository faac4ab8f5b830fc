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

    FlowState(long id, FlowKey key, HopEvent first, boolean sourceIsLow) {
        this.id = id;
        this.key = key;
        this.lowAddress = sourceIsLow ? first.source() : first.destination();
        this.highAddress = sourceIsLow ? first.destination() : first.source();
        this.firstSeenNs = first.timestampNs();
        this.lastSeenNs = first.timestampNs();
    }

    /** The direction of a packet sent from the low (or high) side, once the orientation is known. */
    PacketDirection directionFrom(boolean fromLow) {
        return fromLow == requestFromLow ? PacketDirection.REQUEST : PacketDirection.REPLY;
    }

    FlowSummary summary() {
        Endpoint low = new Endpoint(lowAddress, key.lowPort());
        Endpoint high = new Endpoint(highAddress, key.highPort());
        boolean clientLow = !orientationKnown || requestFromLow;
        return new FlowSummary(id, key, key.flowProtocol(), clientLow ? low : high, clientLow ? high : low,
                packetsSeen, crossings, packets.size(), firstSeenNs, lastSeenNs);
    }
}
