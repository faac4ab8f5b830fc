package io.netjourney.journey;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.QuotedHeader;
import java.util.Iterator;

/**
 * ICMP and ICMPv6 errors belong to what they answer. An error (unreachable, time exceeded, parameter problem,
 * packet too big) quotes the IP header and the first 8 bytes of the transport header of the packet that failed, as
 * the erroring host saw it: after any NAT on the way there, so the quoted tuple is the flow's key or one of its NAT
 * aliases. The error then joins that flow, going the other way than the packet it answers (a reply to a request),
 * instead of starting a flow of its own; an error whose quoted flow was not seen (filtered out, evicted) keeps a
 * flow of its own, as any other ICMP packet.
 *
 * <p>The answered packet is the latest retained packet of the flow that the quote singles out: for an echo its
 * sequence number and type; for TCP/UDP its ports and, where they were quoted, its IPv4 ID or IPv6 flow label and
 * the TCP sequence number, with the addresses as quoted; failing that the latest one with the same ports (or echo
 * seq) alone.
 */
final class IcmpErrors {
    private IcmpErrors() {
    }

    /** The flow a crossing of an ICMP error answers, or null (not an error, no quote, or no such flow). */
    static FlowState answeredFlow(HopEvent event, FlowTable flows) {
        if (!event.isIcmpError() || event.quoted() == null) {
            return null;
        }
        return flows.get(key(event.ethertype(), event.quoted()));
    }

    /** The flow key of the quoted packet, as {@link FlowKey#of} keys that packet's own crossings. */
    static FlowKey key(int ethertype, QuotedHeader q) {
        byte[] src = Addresses.bytes(q.source());
        byte[] dst = Addresses.bytes(q.destination());
        long srcHigh = Addresses.high(src);
        long srcLow = Addresses.low(src);
        long dstHigh = Addresses.high(dst);
        long dstLow = Addresses.low(dst);
        int srcPort = q.hasPorts() ? q.sourcePort() : 0;
        int dstPort = q.hasPorts() ? q.destinationPort() : 0;
        int echoId = q.isEcho() ? q.icmpId() : -1;
        if (ContentKey.compareEndpoints(srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort) <= 0) {
            return new FlowKey(ethertype, q.l4Protocol(), srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort, echoId);
        }
        return new FlowKey(ethertype, q.l4Protocol(), dstHigh, dstLow, dstPort, srcHigh, srcLow, srcPort, echoId);
    }

    /** The latest retained packet of {@code flow} that the quote singles out, or null; errors themselves never. */
    static PacketState quotedPacket(FlowState flow, QuotedHeader q) {
        PacketState loose = null;
        byte[] src = Addresses.bytes(q.source());
        byte[] dst = Addresses.bytes(q.destination());
        for (Iterator<PacketState> it = flow.packets.descendingIterator(); it.hasNext(); ) {
            PacketState packet = it.next();
            ContentKey c = packet.content;
            if (packet.answers != null || !sameTransport(c, q)) {
                continue;
            }
            boolean exact = c.srcHigh == Addresses.high(src) && c.srcLow == Addresses.low(src)
                    && c.dstHigh == Addresses.high(dst) && c.dstLow == Addresses.low(dst)
                    && (q.ipId() == 0 || c.ipId == q.ipId()) && (q.flowLabel() == 0 || c.flowLabel == q.flowLabel())
                    && (!q.isTcp() || c.tcpSeq == q.tcpSeq());
            if (exact) {
                return packet;
            }
            if (loose == null) {
                loose = packet;
            }
        }
        return loose;
    }

    /** The same packet as far as its transport header tells: echo type and seq, or TCP/UDP ports in that order. */
    private static boolean sameTransport(ContentKey c, QuotedHeader q) {
        if (c.protocol != q.l4Protocol()) {
            return false;
        }
        if (q.isEcho()) {
            return c.echo && c.icmpType == q.icmpType() && c.icmpSeq == q.icmpSeq();
        }
        if (q.hasPorts()) {
            return c.srcPort == q.sourcePort() && c.dstPort == q.destinationPort();
        }
        return true;
    }

    /**
     * The error packet for the first crossing {@code event} of an error answering {@code flow}: in that flow, in the
     * other direction than the packet it answers (a reply when that one is not known), with its {@link Answer}.
     *
     * @param id the new packet's id
     */
    static PacketState errorPacket(long id, HopEvent event, FlowState flow, ContentKey content) {
        PacketState answered = quotedPacket(flow, event.quoted());
        PacketDirection direction = answered != null && answered.direction == PacketDirection.REPLY
                ? PacketDirection.REQUEST : PacketDirection.REPLY;
        boolean fromLow = (direction == PacketDirection.REQUEST) == flow.requestFromLow;
        PacketState error = new PacketState(id, flow, fromLow, direction, content, false);
        error.answers = new Answer(answered == null ? 0 : answered.id, flow.id, event.isIcmpv6(), event.icmpType(),
                event.icmpCode(), event.source(), event.netnsInode());
        return error;
    }
}
