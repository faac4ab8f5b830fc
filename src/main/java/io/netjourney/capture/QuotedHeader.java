package io.netjourney.capture;

import java.net.InetAddress;

/**
 * What an ICMP error (destination unreachable, time exceeded, parameter problem) or ICMPv6 error (also packet too
 * big) quotes of the packet it answers: that packet's IP header and the first 8 bytes of its transport header, as
 * the erroring host saw it. Decoded from the {@code q_*} fields of struct nj_hop (bpf/netjourney.h), which only the
 * records of such errors carry. Numbers are unsigned values widened to int/long.
 *
 * @param source             the quoted packet's source address (the sender of the packet that failed)
 * @param destination        its destination
 * @param l4Protocol         its IP protocol (IPv6: the next header after its fixed header)
 * @param sourcePort         TCP/UDP
 * @param destinationPort    TCP/UDP
 * @param tcpSeq             TCP
 * @param icmpType           ICMP/ICMPv6 (an echo request: 8, 128)
 * @param icmpCode           ICMP/ICMPv6
 * @param icmpId             ICMP/ICMPv6 echo id
 * @param icmpSeq            ICMP/ICMPv6 echo sequence number
 * @param ipId               IPv4 identification
 * @param flowLabel          IPv6 flow label
 * @param hasTransportHeader whether the quote reaches into the transport header (the ports or echo fields are
 *                           meaningful); false for a non-first fragment or a quote cut short
 */
public record QuotedHeader(InetAddress source, InetAddress destination, int l4Protocol, int sourcePort,
                           int destinationPort, long tcpSeq, int icmpType, int icmpCode, int icmpId, int icmpSeq,
                           int ipId, int flowLabel, boolean hasTransportHeader) {

    /** Flag bits of q_flags, as enum nj_quote_flag in bpf/netjourney.h. */
    public static final int FLAG_NO_L4 = 1;

    public boolean isIpv6() {
        return source != null && source.getAddress().length == 16;
    }

    public boolean isTcp() {
        return l4Protocol == Packet.PROTO_TCP;
    }

    public boolean isUdp() {
        return l4Protocol == Packet.PROTO_UDP;
    }

    /** Whether TCP/UDP ports were quoted. */
    public boolean hasPorts() {
        return hasTransportHeader && (isTcp() || isUdp());
    }

    /** A quoted ICMP echo request/reply (8/0) or ICMPv6 echo request/reply (128/129). */
    public boolean isEcho() {
        if (!hasTransportHeader) {
            return false;
        }
        boolean v6 = isIpv6();
        return !v6 && l4Protocol == Packet.PROTO_ICMP && (icmpType == 8 || icmpType == 0)
                || v6 && l4Protocol == Packet.PROTO_ICMPV6 && (icmpType == 128 || icmpType == 129);
    }

    /** A quoted echo request (8, 128). */
    public boolean isEchoRequest() {
        return isEcho() && (icmpType == 8 || icmpType == 128);
    }
}
