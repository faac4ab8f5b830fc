package io.netjourney.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Test fixtures: builds {@link HopEvent}s with sensible defaults (an IPv4 ICMP echo request on veth): a
 * {@link Crossing}, a {@link Drop} after {@link #drop}, a {@link RouteDecision} after {@link #route}.
 */
public final class HopEventBuilder {
    private long timestampNs = 1_000_000;
    private int cpu;
    private Hook hook = Hook.NET_DEV_QUEUE;
    private long skb = 0xffff888100000000L;
    private long netnsInode = 4026531840L;
    private long netnsCookie = 1;
    private int ifindex = 2;
    private String ifname = "eth0";
    private String linkKind = "veth";
    private int deviceType = 1;
    private int masterIfindex;
    private int length = 98;
    private int mark;
    private int ethertype = Packet.ETHERTYPE_IPV4;
    private int vlanTci;
    private int flags;
    private InetAddress source = ip("198.51.100.1");
    private InetAddress destination = ip("198.51.100.2");
    private int l4Protocol = Packet.PROTO_ICMP;
    private int ttl = 64;
    private int ipId = 1;
    private int flowLabel;
    private int sourcePort;
    private int destinationPort;
    private int tcpFlags;
    private long tcpSeq;
    private long tcpAck;
    private int icmpType = 8;
    private int icmpCode;
    private int icmpId = 17146;
    private int icmpSeq = 1;
    private int arpOp;
    private long sourceMac = 0x020000000001L;
    private long destinationMac = 0x020000000002L;
    private long taskNetnsInode;
    private Kind kind = Kind.CROSSING;
    private int dropReason;
    private long dropLocation;
    private int fibTable;
    private int fibError;
    private int fibInputIfindex;
    private InetAddress fibGateway;
    private QuotedHeader quoted;

    private enum Kind { CROSSING, DROP, ROUTE }

    public static HopEventBuilder hop() {
        return new HopEventBuilder();
    }

    public static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    public HopEventBuilder at(long nanos) { this.timestampNs = nanos; return this; }
    public HopEventBuilder cpu(int value) { this.cpu = value; return this; }
    public HopEventBuilder hook(Hook value) { this.hook = value; return this; }
    public HopEventBuilder skb(long value) { this.skb = value; return this; }
    public HopEventBuilder netns(long inode) { this.netnsInode = inode; return this; }
    public HopEventBuilder netnsCookie(long value) { this.netnsCookie = value; return this; }
    public HopEventBuilder dev(int index, String name, String kind) {
        this.ifindex = index; this.ifname = name; this.linkKind = kind; return this;
    }
    public HopEventBuilder deviceType(int value) { this.deviceType = value; return this; }
    public HopEventBuilder master(int value) { this.masterIfindex = value; return this; }
    public HopEventBuilder length(int value) { this.length = value; return this; }
    public HopEventBuilder mark(int value) { this.mark = value; return this; }
    public HopEventBuilder ethertype(int value) { this.ethertype = value; return this; }
    public HopEventBuilder vlanTci(int value) { this.vlanTci = value; return this; }
    public HopEventBuilder flags(int value) { this.flags = value; return this; }
    public HopEventBuilder from(String address) { this.source = ip(address); return this; }
    public HopEventBuilder to(String address) { this.destination = ip(address); return this; }
    /** A frame without IP addresses (neither IP nor ARP). */
    public HopEventBuilder noAddresses() { this.source = null; this.destination = null; return this; }
    public HopEventBuilder l4(int value) { this.l4Protocol = value; return this; }
    public HopEventBuilder ttl(int value) { this.ttl = value; return this; }
    public HopEventBuilder ipId(int value) { this.ipId = value; return this; }
    public HopEventBuilder flowLabel(int value) { this.flowLabel = value; return this; }
    public HopEventBuilder ports(int sport, int dport) { this.sourcePort = sport; this.destinationPort = dport; return this; }
    public HopEventBuilder tcp(int sport, int dport, int tcpFlagBits, long seq, long ack) {
        this.l4Protocol = Packet.PROTO_TCP; this.sourcePort = sport; this.destinationPort = dport;
        this.tcpFlags = tcpFlagBits; this.tcpSeq = seq; this.tcpAck = ack;
        this.icmpType = 0; this.icmpId = 0; this.icmpSeq = 0; return this;
    }
    public HopEventBuilder udp(int sport, int dport) {
        this.l4Protocol = Packet.PROTO_UDP; this.sourcePort = sport; this.destinationPort = dport;
        this.icmpType = 0; this.icmpId = 0; this.icmpSeq = 0; return this;
    }
    public HopEventBuilder icmp(int type, int code, int id, int seq) {
        this.icmpType = type; this.icmpCode = code; this.icmpId = id; this.icmpSeq = seq; return this;
    }
    /** An ICMPv6 echo (type 128 request, 129 reply) between IPv6 addresses. */
    public HopEventBuilder icmp6(int type, int id, int seq) {
        this.ethertype = Packet.ETHERTYPE_IPV6; this.l4Protocol = Packet.PROTO_ICMPV6;
        this.icmpType = type; this.icmpCode = 0; this.icmpId = id; this.icmpSeq = seq; return this;
    }
    public HopEventBuilder arp(int op, String sender, String target) {
        this.ethertype = Packet.ETHERTYPE_ARP; this.arpOp = op; this.l4Protocol = 0;
        this.source = ip(sender); this.destination = ip(target);
        this.icmpType = 0; this.icmpId = 0; this.icmpSeq = 0; this.ttl = 0; this.ipId = 0; return this;
    }
    public HopEventBuilder taskNetns(long inode) { this.taskNetnsInode = inode; return this; }
    /** A drop (skb:kfree_skb) with the kernel's reason value and the dropping code's address. */
    public HopEventBuilder drop(int reason, long location) {
        this.hook = Hook.KFREE_SKB;
        this.kind = Kind.DROP; this.dropReason = reason; this.dropLocation = location;
        return this;
    }
    /** A routing table lookup: table, error (0 found, -11 not in this table), input ifindex, gateway or null. */
    public HopEventBuilder route(int table, int error, int inputIfindex, String gateway) {
        this.hook = ethertype == Packet.ETHERTYPE_IPV6 ? Hook.FIB6_TABLE_LOOKUP : Hook.FIB_TABLE_LOOKUP;
        this.kind = Kind.ROUTE; this.fibTable = table; this.fibError = error; this.fibInputIfindex = inputIfindex;
        this.fibGateway = gateway == null ? null : ip(gateway);
        return this;
    }
    /** An ICMP (IPv4) or ICMPv6 error of the given type and code quoting {@code packet}'s IP and transport header. */
    public HopEventBuilder error(int type, int code, HopEvent packet) {
        this.icmpType = type; this.icmpCode = code; this.icmpId = 0; this.icmpSeq = 0; this.sourcePort = 0;
        this.destinationPort = 0;
        this.ethertype = packet.ethertype();
        this.l4Protocol = packet.isIpv6() ? Packet.PROTO_ICMPV6 : Packet.PROTO_ICMP;
        this.flags |= Packet.FLAG_QUOTED;
        boolean icmp = packet.isIcmp() || packet.isIcmpv6();
        this.quoted = new QuotedHeader(packet.source(), packet.destination(), packet.l4Protocol(),
                packet.sourcePort(), packet.destinationPort(), packet.tcpSeq(), icmp ? packet.icmpType() : 0,
                icmp ? packet.icmpCode() : 0, icmp ? packet.icmpId() : 0, icmp ? packet.icmpSeq() : 0,
                packet.isIpv4() ? packet.ipId() : 0, packet.isIpv6() ? packet.flowLabel() : 0, true);
        return this;
    }
    public HopEventBuilder quoted(QuotedHeader value) {
        this.quoted = value;
        this.flags = value == null ? flags & ~Packet.FLAG_QUOTED : flags | Packet.FLAG_QUOTED;
        return this;
    }
    public HopEventBuilder macs(long src, long dst) { this.sourceMac = src; this.destinationMac = dst; return this; }

    /** A {@link Crossing}, {@link Drop} or {@link RouteDecision}, as {@link #drop} or {@link #route} made it. */
    public HopEvent build() {
        switch (kind) {
            case DROP:
                return buildDrop();
            case ROUTE:
                return buildRoute();
            default:
                return buildCrossing();
        }
    }

    public Crossing buildCrossing() {
        expect(Kind.CROSSING);
        return new Crossing(timestampNs, cpu, hook, skb, device(), packet(), taskNetnsInode);
    }

    public Drop buildDrop() {
        expect(Kind.DROP);
        return new Drop(timestampNs, cpu, hook, skb, device(), packet(), taskNetnsInode, dropReason, dropLocation);
    }

    public RouteDecision buildRoute() {
        expect(Kind.ROUTE);
        return new RouteDecision(timestampNs, cpu, hook, device(), packet(), taskNetnsInode, fibTable, fibError,
                fibInputIfindex, fibGateway);
    }

    private void expect(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException("this builder makes a " + kind + ", not a " + wanted);
        }
    }

    private Device device() {
        return new Device(netnsInode, netnsCookie, ifindex, ifname, linkKind, deviceType, masterIfindex);
    }

    private Packet packet() {
        return new Packet(length, mark, ethertype, vlanTci, flags, source, destination, l4Protocol, ttl, ipId,
                flowLabel, sourcePort, destinationPort, tcpFlags, tcpSeq, tcpAck, icmpType, icmpCode, icmpId, icmpSeq,
                arpOp, sourceMac, destinationMac, quoted);
    }
}
