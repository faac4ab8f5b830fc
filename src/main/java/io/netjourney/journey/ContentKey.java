package io.netjourney.journey;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Packet;

/**
 * What a crossing's headers say about which packet it is: the oriented endpoints (source first) and the fields
 * that tell one packet of a flow from the next (ICMP type/id/seq, TCP seq/ack/flags, IPv4 ID, IPv6 flow label,
 * ARP op and sender MAC). Equal keys seen close together are the same packet, also on another skb.
 *
 * <p>For IP and ARP the endpoint addresses are IP addresses (ARP: the protocol addresses); for anything else
 * they are the MAC addresses.
 */
final class ContentKey implements Cloneable {
    int ethertype;
    int protocol;
    long srcHigh;
    long srcLow;
    long dstHigh;
    long dstLow;
    int srcPort;
    int dstPort;
    int icmpType;
    int icmpCode;
    int icmpId;
    int icmpSeq;
    long tcpSeq;
    long tcpAck;
    int tcpFlags;
    int ipId;
    int flowLabel;
    int arpOp;
    long arpSenderMac;
    /** Whether the fields single out one packet (so a match on another skb is a copy of it, not a sibling). */
    boolean strong;
    boolean echo;
    private int hash;
    /** A hash of the fields {@link #sameHeaderFields} compares. */
    private int headerHash;

    /**
     * An empty key, to be {@link #set} from events: the assembler fills one such probe per crossing and stores
     * {@link #copy() copies} (a key inside an index must never change).
     */
    ContentKey() {
    }

    /** This key with the content of {@code e}, its addresses' bits looked up in {@code bits}; returns this. */
    ContentKey set(HopEvent e, AddressBits bits) {
        if (e.isIp()) {
            int src = bits.slotOf(e.source());
            long srcHigh = bits.high(src);
            long srcLow = bits.low(src);
            int dst = bits.slotOf(e.destination());
            boolean l4 = e.hasTransportHeader();
            boolean icmp = l4 && (e.isIcmp() || e.isIcmpv6());
            boolean tcp = l4 && e.isTcp();
            boolean ports = l4 && !icmp;
            return assign(e.ethertype(), e.l4Protocol(), srcHigh, srcLow, bits.high(dst), bits.low(dst),
                    ports ? e.sourcePort() : 0, ports ? e.destinationPort() : 0,
                    icmp ? e.icmpType() : 0, icmp ? e.icmpCode() : 0, icmp ? e.icmpId() : 0,
                    icmp ? e.icmpSeq() : 0,
                    tcp ? e.tcpSeq() : 0, tcp ? e.tcpAck() : 0, tcp ? e.tcpFlags() : 0,
                    e.isIpv4() ? e.ipId() : 0, e.isIpv6() ? e.flowLabel() : 0, 0, 0, l4);
        }
        if (e.isArp()) {
            long sender = bits.low(bits.slotOf(e.source()));
            long target = bits.low(bits.slotOf(e.destination()));
            return assign(e.ethertype(), 0, 0, sender, 0, target,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, e.arpOp(), e.sourceMac(), false);
        }
        return assign(e.ethertype(), 0, 0, e.sourceMac(), 0, e.destinationMac(),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
    }

    /** A key of its own with this key's content. */
    ContentKey copy() {
        try {
            return (ContentKey) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    private ContentKey assign(int ethertype, int protocol, long srcHigh, long srcLow, long dstHigh, long dstLow,
                              int srcPort, int dstPort, int icmpType, int icmpCode, int icmpId, int icmpSeq,
                              long tcpSeq, long tcpAck, int tcpFlags, int ipId, int flowLabel, int arpOp,
                              long arpSenderMac, boolean hasL4) {
        this.ethertype = ethertype;
        this.protocol = protocol;
        this.srcHigh = srcHigh;
        this.srcLow = srcLow;
        this.dstHigh = dstHigh;
        this.dstLow = dstLow;
        this.srcPort = srcPort;
        this.dstPort = dstPort;
        this.icmpType = icmpType;
        this.icmpCode = icmpCode;
        this.icmpId = icmpId;
        this.icmpSeq = icmpSeq;
        this.tcpSeq = tcpSeq;
        this.tcpAck = tcpAck;
        this.tcpFlags = tcpFlags;
        this.ipId = ipId;
        this.flowLabel = flowLabel;
        this.arpOp = arpOp;
        this.arpSenderMac = arpSenderMac;
        this.echo = hasL4 && isEchoType(ethertype, protocol, icmpType);
        this.strong = ethertype == Packet.ETHERTYPE_ARP
                || echo
                || (hasL4 && protocol == Packet.PROTO_TCP)
                || (ethertype == Packet.ETHERTYPE_IPV4 && ipId != 0)
                || (ethertype == Packet.ETHERTYPE_IPV6 && flowLabel != 0);
        this.hash = computeHash();
        this.headerHash = computeHeaderHash();
        return this;
    }

    private static boolean isEchoType(int ethertype, int protocol, int type) {
        if (ethertype == Packet.ETHERTYPE_IPV4 && protocol == Packet.PROTO_ICMP) {
            return type == 8 || type == 0;
        }
        return ethertype == Packet.ETHERTYPE_IPV6 && protocol == Packet.PROTO_ICMPV6
                && (type == 128 || type == 129);
    }

    boolean isIpv6() {
        return ethertype == Packet.ETHERTYPE_IPV6;
    }

    /** Whether the source endpoint sorts before (or equals) the destination: the flow's "low" side sends. */
    boolean sourceIsLow() {
        return compareEndpoints(srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort) <= 0;
    }

    /**
     * The same packet's headers with only addresses or ports changed (NAT), not turned around. Never for ARP, which
     * no NAT rewrites: an ARP packet with other addresses on the same skb is another one on a reused skb.
     */
    boolean sameExceptAddresses(ContentKey other) {
        return ethertype != Packet.ETHERTYPE_ARP && sameHeaderFields(other) && !isReverseOf(other);
    }

    /**
     * Both hashes in one word, for an index to keep beside a packet: {@link #mayContinue(long)} tells most other
     * packets' contents apart by it alone.
     */
    long fingerprint() {
        return (long) hash << 32 | Integer.toUnsignedLong(headerHash);
    }

    /**
     * False when a key of this {@link #fingerprint} can be neither equal to this one nor, if this one is strong, the
     * same but for its addresses ({@link #sameExceptAddresses}): what a crossing on the same skb needs to continue
     * the packet of that key.
     */
    boolean mayContinue(long fingerprint) {
        return (int) (fingerprint >>> 32) == hash || strong && (int) fingerprint == headerHash;
    }

    private boolean sameHeaderFields(ContentKey other) {
        return ethertype == other.ethertype && protocol == other.protocol
                && icmpType == other.icmpType && icmpCode == other.icmpCode && icmpSeq == other.icmpSeq
                && tcpSeq == other.tcpSeq && tcpAck == other.tcpAck && tcpFlags == other.tcpFlags
                && ipId == other.ipId && flowLabel == other.flowLabel && arpOp == other.arpOp;
    }

    private boolean isReverseOf(ContentKey other) {
        return srcHigh == other.dstHigh && srcLow == other.dstLow && srcPort == other.dstPort
                && dstHigh == other.srcHigh && dstLow == other.srcLow && dstPort == other.srcPort
                && compareEndpoints(srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort) != 0;
    }

    static int compareEndpoints(long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort) {
        int c = Long.compareUnsigned(aHigh, bHigh);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(aLow, bLow);
        return c != 0 ? c : Integer.compare(aPort, bPort);
    }

    private int computeHash() {
        long h = ethertype * 31L + protocol;
        h = h * 31 + srcHigh;
        h = h * 31 + srcLow;
        h = h * 31 + dstHigh;
        h = h * 31 + dstLow;
        h = h * 31 + ((long) srcPort << 16 | dstPort);
        h = h * 31 + ((long) icmpType << 8 | icmpCode);
        h = h * 31 + ((long) icmpId << 16 | icmpSeq);
        h = h * 31 + tcpSeq;
        h = h * 31 + tcpAck;
        h = h * 31 + tcpFlags;
        h = h * 31 + ((long) ipId << 20 | flowLabel);
        h = h * 31 + arpOp;
        h = h * 31 + arpSenderMac;
        return Long.hashCode(mix(h));
    }

    private int computeHeaderHash() {
        long h = ethertype * 31L + protocol;
        h = h * 31 + ((long) icmpType << 8 | icmpCode);
        h = h * 31 + icmpSeq;
        h = h * 31 + tcpSeq;
        h = h * 31 + tcpAck;
        h = h * 31 + tcpFlags;
        h = h * 31 + ((long) ipId << 20 | flowLabel);
        h = h * 31 + arpOp;
        return Long.hashCode(mix(h));
    }

    /** The MurmurHash3 64-bit finalizer: a bijection that spreads every input bit over the output. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe185ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ContentKey)) {
            return false;
        }
        ContentKey k = (ContentKey) o;
        return hash == k.hash && srcLow == k.srcLow && dstLow == k.dstLow && srcHigh == k.srcHigh
                && dstHigh == k.dstHigh && srcPort == k.srcPort && dstPort == k.dstPort && icmpId == k.icmpId
                && arpSenderMac == k.arpSenderMac && sameHeaderFields(k);
    }
}
