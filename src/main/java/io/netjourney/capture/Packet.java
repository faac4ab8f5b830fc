package io.netjourney.capture;

import java.net.InetAddress;

/**
 * The headers of a packet as read at one place. For a {@link RouteDecision}, the flow the lookup was made for as the
 * kernel's flowi gave it: addresses, protocol, ports or ICMP type/code, mark. Immutable.
 *
 * <p>Numbers are unsigned values widened to int/long. For ARP, {@code source}/{@code destination} are the
 * sender/target protocol addresses and the MAC fields the sender/target hardware addresses. An ICMP or ICMPv6 error
 * carries the header it {@link QuotedHeader quotes} ({@link #FLAG_QUOTED}); any other packet has none.
 */
public record Packet(
        int length,
        int mark,
        int ethertype,
        int vlanTci,
        int flags,
        InetAddress source,
        InetAddress destination,
        int l4Protocol,
        int ttl,
        int ipId,
        int flowLabel,
        int sourcePort,
        int destinationPort,
        int tcpFlags,
        long tcpSeq,
        long tcpAck,
        int icmpType,
        int icmpCode,
        int icmpId,
        int icmpSeq,
        int arpOp,
        long sourceMac,
        long destinationMac,
        QuotedHeader quoted) {

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_IPV6 = 0x86DD;
    public static final int PROTO_ICMP = 1;
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_ICMPV6 = 58;

    /** Flag bits, as enum nj_hop_flag in bpf/netjourney.h. */
    public static final int FLAG_VLAN = 1;
    public static final int FLAG_FRAGMENT = 1 << 1;
    public static final int FLAG_NO_L2 = 1 << 2;
    public static final int FLAG_TRUNCATED = 1 << 3;
    public static final int FLAG_NO_L4 = 1 << 4;
    public static final int FLAG_IP6_EXT = 1 << 5;
    public static final int FLAG_NO_MAC = 1 << 6;
    public static final int FLAG_QUOTED = 1 << 7;

    public static final int TCP_FLAG_SYN = 0x02;
    public static final int TCP_FLAG_ACK = 0x10;

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    public boolean isIpv4() {
        return ethertype == ETHERTYPE_IPV4;
    }

    public boolean isIpv6() {
        return ethertype == ETHERTYPE_IPV6;
    }

    public boolean isArp() {
        return ethertype == ETHERTYPE_ARP;
    }

    public boolean isIp() {
        return isIpv4() || isIpv6();
    }

    /** Whether the transport header was read (ports, flags, ICMP fields are meaningful). */
    public boolean hasTransportHeader() {
        return isIp() && !hasFlag(FLAG_NO_L4) && !hasFlag(FLAG_TRUNCATED);
    }

    public boolean isTcp() {
        return isIp() && l4Protocol == PROTO_TCP;
    }

    public boolean isUdp() {
        return isIp() && l4Protocol == PROTO_UDP;
    }

    public boolean isIcmp() {
        return isIpv4() && l4Protocol == PROTO_ICMP;
    }

    public boolean isIcmpv6() {
        return isIpv6() && l4Protocol == PROTO_ICMPV6;
    }

    /** An ICMP echo request/reply (8/0) or ICMPv6 echo request/reply (128/129) whose header was read. */
    public boolean isEcho() {
        int type = icmpType;
        return hasTransportHeader()
                && (isIcmp() && (type == 8 || type == 0) || isIcmpv6() && (type == 128 || type == 129));
    }

    /**
     * An ICMP error (destination unreachable 3, time exceeded 11, parameter problem 12) or ICMPv6 error (1-4: also
     * packet too big) whose header was read; {@link #quoted()} holds what it quotes when the kernel could read it.
     */
    public boolean isIcmpError() {
        int type = icmpType;
        return hasTransportHeader()
                && (isIcmp() && (type == 3 || type == 11 || type == 12) || isIcmpv6() && type >= 1 && type <= 4);
    }

    public int vlanId() {
        return vlanTci & 0x0FFF;
    }
}
