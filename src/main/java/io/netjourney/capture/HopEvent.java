package io.netjourney.capture;

import java.net.InetAddress;

/**
 * One device crossing of one packet, decoded from a kernel record. Immutable.
 *
 * <p>Numbers are unsigned values widened to int/long. For ARP, {@code source}/{@code destination} are the
 * sender/target protocol addresses and the MAC fields the sender/target hardware addresses. A record that is not a
 * device crossing carries a {@link Verdict} (a drop, a routing decision); crossings have none. An ICMP or ICMPv6
 * error carries the header it {@link QuotedHeader quotes} ({@link #FLAG_QUOTED}); any other record has none.
 */
public record HopEvent(
        long timestampNs,
        int cpu,
        Hook hook,
        long skb,
        long netnsInode,
        long netnsCookie,
        int ifindex,
        String ifname,
        String linkKind,
        int deviceType,
        int masterIfindex,
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
        long taskNetnsInode,
        Verdict verdict,
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

    /** TCP flag bits in tcpdump's print order, and its letters for them. */
    private static final int[] TCP_FLAG_BITS = {0x02, 0x01, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80};
    private static final char[] TCP_FLAG_LETTERS = {'S', 'F', 'R', 'P', '.', 'U', 'E', 'W'};

    /** An event without a quoted header (anything but an ICMP error). */
    public HopEvent(long timestampNs, int cpu, Hook hook, long skb, long netnsInode, long netnsCookie, int ifindex,
            String ifname, String linkKind, int deviceType, int masterIfindex, int length, int mark, int ethertype,
            int vlanTci, int flags, InetAddress source, InetAddress destination, int l4Protocol, int ttl, int ipId,
            int flowLabel, int sourcePort, int destinationPort, int tcpFlags, long tcpSeq, long tcpAck, int icmpType,
            int icmpCode, int icmpId, int icmpSeq, int arpOp, long sourceMac, long destinationMac, long taskNetnsInode,
            Verdict verdict) {
        this(timestampNs, cpu, hook, skb, netnsInode, netnsCookie, ifindex, ifname, linkKind, deviceType,
                masterIfindex, length, mark, ethertype, vlanTci, flags, source, destination, l4Protocol, ttl, ipId,
                flowLabel, sourcePort, destinationPort, tcpFlags, tcpSeq, tcpAck, icmpType, icmpCode, icmpId, icmpSeq,
                arpOp, sourceMac, destinationMac, taskNetnsInode, verdict, null);
    }

    /** This event with another verdict (names filled in). */
    public HopEvent withVerdict(Verdict newVerdict) {
        return new HopEvent(timestampNs, cpu, hook, skb, netnsInode, netnsCookie, ifindex, ifname, linkKind,
                deviceType, masterIfindex, length, mark, ethertype, vlanTci, flags, source, destination, l4Protocol,
                ttl, ipId, flowLabel, sourcePort, destinationPort, tcpFlags, tcpSeq, tcpAck, icmpType, icmpCode,
                icmpId, icmpSeq, arpOp, sourceMac, destinationMac, taskNetnsInode, newVerdict, quoted);
    }

    /** This event placed in another namespace (a routing decision whose namespace the journey worked out). */
    public HopEvent withNetns(long inode) {
        return new HopEvent(timestampNs, cpu, hook, skb, inode, netnsCookie, ifindex, ifname, linkKind,
                deviceType, masterIfindex, length, mark, ethertype, vlanTci, flags, source, destination, l4Protocol,
                ttl, ipId, flowLabel, sourcePort, destinationPort, tcpFlags, tcpSeq, tcpAck, icmpType, icmpCode,
                icmpId, icmpSeq, arpOp, sourceMac, destinationMac, taskNetnsInode, verdict, quoted);
    }

    /** A device crossing (not a drop or a routing decision). */
    public boolean isCrossing() {
        return verdict == null;
    }

    public boolean isDrop() {
        return verdict != null && verdict.kind() == Verdict.Kind.DROP;
    }

    public boolean isRoute() {
        return verdict != null && verdict.kind() == Verdict.Kind.ROUTE;
    }

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

    /** The TCP flags as tcpdump prints them: "S", "S.", "P.", "F.", "R", or "none". */
    public static String tcpFlagsText(int bits) {
        StringBuilder out = new StringBuilder(8);
        for (int i = 0; i < TCP_FLAG_BITS.length; i++) {
            if ((bits & TCP_FLAG_BITS[i]) != 0) {
                out.append(TCP_FLAG_LETTERS[i]);
            }
        }
        return out.length() == 0 ? "none" : out.toString();
    }

    public DeviceKind deviceKind() {
        return DeviceKind.of(linkKind, deviceType);
    }

    public int vlanId() {
        return vlanTci & 0x0FFF;
    }
}
