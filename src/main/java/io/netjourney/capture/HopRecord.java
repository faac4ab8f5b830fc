package io.netjourney.capture;

import static io.netjourney.capture.RecordBytes.i32;
import static io.netjourney.capture.RecordBytes.i64;
import static io.netjourney.capture.RecordBytes.mac;
import static io.netjourney.capture.RecordBytes.net32;
import static io.netjourney.capture.RecordBytes.net64;
import static io.netjourney.capture.RecordBytes.u16;
import static io.netjourney.capture.RecordBytes.u32;
import static io.netjourney.capture.RecordBytes.u8;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Layout of struct nj_hop, the ring buffer record; keep in sync with bpf/netjourney.h. Decodes records into
 * {@link HopEvent}s: {@link Crossing}s, {@link Drop}s and {@link RouteDecision}s.
 *
 * <p>The kernel submits a record as long as what it reports: the common IPv4 or IPv6 crossing as a short record of
 * {@link #SHORT_SIZE} (struct nj_crossing, {@link #decodeShort}) whose device an earlier device record of
 * {@link #DEVICE_SIZE} described, any other crossing {@link #CROSSING_SIZE} bytes (up to the verdict fields), a drop
 * or routing decision {@link #VERDICT_SIZE} (up to the quoted header), and only an ICMP or ICMPv6 error, flagged
 * {@link Packet#FLAG_QUOTED}, the whole {@link #SIZE} with the packet it quotes at the end ({@code q_*} fields,
 * {@link QuotedHeader}). So the quote costs nothing to the records of other packets; the kernel only reads and copies
 * it for errors.
 */
public final class HopRecord {
    /**
     * sizeof(struct nj_hop); also checked against the header's _Static_assert by a test. Only the records of ICMP
     * errors ({@link Packet#FLAG_QUOTED}) are this long: they carry the quoted packet's header at the end.
     */
    public static final int SIZE = 272;
    /** Records of the first format (before verdicts) were this long; trace files may hold them. */
    public static final int SIZE_V1 = 168;
    /** The kernel submits crossings that are not short without the verdict fields: the first-format length. */
    public static final int CROSSING_SIZE = SIZE_V1;
    /**
     * Verdicts (and crossings in trace files) without a quoted header end before it: the record up to q_saddr, the
     * full length of the second format (trace files before quotes hold such records only).
     */
    public static final int VERDICT_SIZE = 216;

    /**
     * The short crossing (struct nj_crossing): the common IPv4 or IPv6 one, its device described by an earlier device
     * record ({@link KernelDevices}).
     */
    public static final int SHORT_SIZE = 96;
    /** A device record (struct nj_device): what the short crossings on a device are decoded with. Not an event. */
    public static final int DEVICE_SIZE = 56;

    static final int S_TS_NS = 0;
    static final int S_SKB = 8;
    static final int S_SADDR = 16;
    static final int S_DADDR = 32;
    static final int S_NETNS_INO = 48;
    static final int S_IFINDEX = 52;
    static final int S_LEN = 56;
    static final int S_IDENT = 60;
    static final int S_TCP_SEQ = 64;
    static final int S_TCP_ACK = 68;
    static final int S_ICMP_ID = 64;
    static final int S_ICMP_SEQ = 66;
    static final int S_ICMP_TYPE = 68;
    static final int S_ICMP_CODE = 69;
    static final int S_CPU = 72;
    static final int S_SPORT = 74;
    static final int S_DPORT = 76;
    static final int S_HOOK = 78;
    static final int S_FLAGS = 79;
    static final int S_SRC_MAC = 80;
    static final int S_DST_MAC = 86;
    static final int S_L4_PROTO = 92;
    static final int S_TTL = 93;
    static final int S_TCP_FLAGS = 94;
    static final int S_ADDR_FAMILY = 95;

    static final int D_NETNS_COOKIE = 0;
    static final int D_NETNS_INO = 8;
    static final int D_IFINDEX = 12;
    static final int D_MASTER_IFINDEX = 16;
    static final int D_DEV_TYPE = 20;
    static final int D_IFNAME = 24;
    static final int D_KIND = 40;

    static final int TS_NS = 0;
    static final int SKB = 8;
    static final int NETNS_COOKIE = 16;
    public static final int SADDR = 24;
    public static final int DADDR = 40;
    public static final int NETNS_INO = 56;
    static final int IFINDEX = 60;
    static final int MASTER_IFINDEX = 64;
    static final int LEN = 68;
    static final int MARK = 72;
    static final int FLOW_LABEL = 76;
    static final int TCP_SEQ = 80;
    static final int TCP_ACK = 84;
    static final int CPU = 88;
    static final int HOOK = 90;
    public static final int ETHERTYPE = 92;
    static final int DEV_TYPE = 94;
    public static final int SPORT = 96;
    public static final int DPORT = 98;
    static final int ICMP_ID = 100;
    static final int ICMP_SEQ = 102;
    static final int IP_ID = 104;
    static final int VLAN_TCI = 106;
    static final int ARP_OP = 108;
    public static final int FLAGS = 110;
    public static final int L4_PROTO = 112;
    static final int TTL = 113;
    static final int TCP_FLAGS = 114;
    static final int ICMP_TYPE = 115;
    static final int ICMP_CODE = 116;
    public static final int ADDR_FAMILY = 117;
    static final int SRC_MAC = 118;
    static final int DST_MAC = 124;
    public static final int IFNAME = 132;
    static final int KIND = 148;
    static final int TASK_NETNS_INO = 164;
    public static final int EVENT = 168;
    static final int DROP_REASON = 172;
    static final int DROP_LOCATION = 176;
    static final int FIB_TABLE = 184;
    static final int FIB_ERR = 188;
    static final int FIB_IIF = 192;
    static final int FIB_GW = 200;
    static final int Q_SADDR = 216;
    static final int Q_DADDR = 232;
    static final int Q_FLOW_LABEL = 248;
    static final int Q_TCP_SEQ = 252;
    static final int Q_SPORT = 256;
    static final int Q_DPORT = 258;
    static final int Q_ICMP_ID = 260;
    static final int Q_ICMP_SEQ = 262;
    static final int Q_IP_ID = 264;
    static final int Q_L4_PROTO = 266;
    static final int Q_ADDR_FAMILY = 267;
    static final int Q_ICMP_TYPE = 268;
    static final int Q_ICMP_CODE = 269;
    static final int Q_FLAGS = 270;
    static final int NAME_SIZE = NameCache.FIELD_SIZE;
    /** Event kinds, enum nj_event in bpf/netjourney.h (NJ_EV_*): which record {@link #decode} returns. */
    static final int EV_CROSSING = 0;
    static final int EV_DROP = 1;
    public static final int EV_FIB = 2;
    /** The names and addresses decoded lately, shared by all decoding threads. */
    private static final NameCache IFNAMES = new NameCache(1024);
    private static final NameCache KINDS = new NameCache(64);
    private static final AddressCache ADDRESSES = new AddressCache(4096);
    /** The devices decoded lately, shared likewise: a record of a known interface allocates no {@link Device}. */
    private static final DeviceCache DEVICES = new DeviceCache(1024);

    private HopRecord() {
    }

    /**
     * Decodes the record at the buffer's position (native byte order of the kernel: little endian, whatever the
     * buffer's order) into the event its kind says: a {@link Drop}, a {@link RouteDecision}, else a {@link Crossing}
     * (also for a record too short to hold the kind). A record of {@link #CROSSING_SIZE} (how the kernel submits
     * crossings, and the first format of trace files) decodes as a crossing without the verdict fields, one of
     * {@link #VERDICT_SIZE} without a quoted header; the quoted header is read from a record of {@link #SIZE} with
     * {@link Packet#FLAG_QUOTED}. Reads the buffer in place and neither moves nor keeps it; names and addresses seen
     * before are shared, not allocated again, and so is the
     * {@link Device} of an interface seen before with the same fields.
     */
    public static HopEvent decode(ByteBuffer record) {
        int size = record.remaining();
        if (size < SIZE_V1) {
            throw new IllegalArgumentException("record of " + size + " bytes, expected " + SIZE);
        }
        ByteBuffer b = record;
        int at = record.position();
        // The fields from NETNS_INO to ADDR_FAMILY are read eight bytes at a time: one bounds-checked read of the
        // buffer per word rather than per field (decoding is a fifth of the consumer's cost per record, see
        // BENCHMARKS.md). Each word is named for what it holds; u16(kinds, CPU, HOOK) takes the field at HOOK out of
        // the word read at CPU.
        long where = i64(b, at + NETNS_INO);
        long lengths = i64(b, at + MASTER_IFINDEX);
        long marks = i64(b, at + MARK);
        long tcp = i64(b, at + TCP_SEQ);
        long kinds = i64(b, at + CPU);
        long ports = i64(b, at + SPORT);
        long ids = i64(b, at + IP_ID);
        long small = i64(b, at + L4_PROTO);
        int family = u8(small, L4_PROTO, ADDR_FAMILY);
        int flags = u16(ids, IP_ID, FLAGS);
        long timestampNs = i64(b, at + TS_NS);
        int cpu = u16(kinds, CPU, CPU);
        Hook hook = Hook.fromId(u16(kinds, CPU, HOOK));
        Device device = DEVICES.device(
                u32(where, NETNS_INO, NETNS_INO),
                i64(b, at + NETNS_COOKIE),
                i32(where, NETNS_INO, IFINDEX),
                IFNAMES.name(b, at + IFNAME),
                KINDS.name(b, at + KIND),
                u16(kinds, CPU, DEV_TYPE),
                i32(lengths, MASTER_IFINDEX, MASTER_IFINDEX));
        Packet packet = new Packet(
                i32(lengths, MASTER_IFINDEX, LEN),
                i32(marks, MARK, MARK),
                u16(kinds, CPU, ETHERTYPE),
                u16(ids, IP_ID, VLAN_TCI),
                flags,
                address(b, at + SADDR, family),
                address(b, at + DADDR, family),
                u8(small, L4_PROTO, L4_PROTO),
                u8(small, L4_PROTO, TTL),
                u16(ids, IP_ID, IP_ID),
                i32(marks, MARK, FLOW_LABEL),
                u16(ports, SPORT, SPORT),
                u16(ports, SPORT, DPORT),
                u8(small, L4_PROTO, TCP_FLAGS),
                u32(tcp, TCP_SEQ, TCP_SEQ),
                u32(tcp, TCP_SEQ, TCP_ACK),
                u8(small, L4_PROTO, ICMP_TYPE),
                u8(small, L4_PROTO, ICMP_CODE),
                u16(ports, SPORT, ICMP_ID),
                u16(ports, SPORT, ICMP_SEQ),
                u16(ids, IP_ID, ARP_OP),
                mac(b, at + SRC_MAC),
                mac(b, at + DST_MAC),
                size >= SIZE && (flags & Packet.FLAG_QUOTED) != 0 ? quoted(b, at) : null);
        long taskNetnsInode = u32(b, at + TASK_NETNS_INO);
        int event = size >= VERDICT_SIZE ? u8(b, at + EVENT) : EV_CROSSING;
        if (event == EV_DROP) {
            return new Drop(timestampNs, cpu, hook, i64(b, at + SKB), device, packet, taskNetnsInode,
                    i32(b, at + DROP_REASON), i64(b, at + DROP_LOCATION));
        }
        if (event == EV_FIB) {
            InetAddress gateway = address(b, at + FIB_GW, family);
            boolean onLink = gateway != null && gateway.isAnyLocalAddress();
            return new RouteDecision(timestampNs, cpu, hook, device, packet, taskNetnsInode, i32(b, at + FIB_TABLE),
                    i32(b, at + FIB_ERR), i32(b, at + FIB_IIF), onLink ? null : gateway);
        }
        return new Crossing(timestampNs, cpu, hook, i64(b, at + SKB), device, packet, taskNetnsInode);
    }

    /**
     * Decodes a short crossing ({@link #SHORT_SIZE} bytes at the buffer's position) with the device the kernel
     * described for it before; null when none was (a record of another capture's programs). Reads the buffer in place.
     */
    static Crossing decodeShort(ByteBuffer b, KernelDevices devices) {
        int at = b.position();
        long where = i64(b, at + S_NETNS_INO);
        Device device = devices.device(u32(where, S_NETNS_INO, S_NETNS_INO), i32(where, S_NETNS_INO, S_IFINDEX));
        if (device == null) {
            return null;
        }
        long lengths = i64(b, at + S_LEN);
        long transport = i64(b, at + S_TCP_SEQ);
        long kinds = i64(b, at + S_CPU);
        long small = i64(b, at + S_L4_PROTO - 4);
        int family = u8(small, S_L4_PROTO - 4, S_ADDR_FAMILY);
        int protocol = u8(small, S_L4_PROTO - 4, S_L4_PROTO);
        boolean icmp = protocol == Packet.PROTO_ICMP || protocol == Packet.PROTO_ICMPV6;
        int ident = i32(lengths, S_LEN, S_IDENT);
        Packet packet = new Packet(
                i32(lengths, S_LEN, S_LEN),
                0,
                family == 4 ? Packet.ETHERTYPE_IPV4 : Packet.ETHERTYPE_IPV6,
                0,
                u8(kinds, S_CPU, S_FLAGS),
                address(b, at + S_SADDR, family),
                address(b, at + S_DADDR, family),
                protocol,
                u8(small, S_L4_PROTO - 4, S_TTL),
                family == 4 ? ident & 0xFFFF : 0,
                family == 4 ? 0 : ident,
                u16(kinds, S_CPU, S_SPORT),
                u16(kinds, S_CPU, S_DPORT),
                u8(small, S_L4_PROTO - 4, S_TCP_FLAGS),
                icmp ? 0 : u32(transport, S_TCP_SEQ, S_TCP_SEQ),
                icmp ? 0 : u32(transport, S_TCP_SEQ, S_TCP_ACK),
                icmp ? u8(transport, S_ICMP_ID, S_ICMP_TYPE) : 0,
                icmp ? u8(transport, S_ICMP_ID, S_ICMP_CODE) : 0,
                icmp ? u16(transport, S_ICMP_ID, S_ICMP_ID) : 0,
                icmp ? u16(transport, S_ICMP_ID, S_ICMP_SEQ) : 0,
                0,
                mac(b, at + S_SRC_MAC),
                mac(b, at + S_DST_MAC),
                null);
        return new Crossing(i64(b, at + S_TS_NS), u16(kinds, S_CPU, S_CPU), Hook.fromId(u8(kinds, S_CPU, S_HOOK)),
                i64(b, at + S_SKB), device, packet, 0);
    }

    /** Decodes a device record ({@link #DEVICE_SIZE} bytes at the buffer's position). */
    static Device decodeDevice(ByteBuffer b) {
        int at = b.position();
        return DEVICES.device(u32(b, at + D_NETNS_INO), i64(b, at + D_NETNS_COOKIE), i32(b, at + D_IFINDEX),
                IFNAMES.name(b, at + D_IFNAME), KINDS.name(b, at + D_KIND), u16(b, at + D_DEV_TYPE),
                i32(b, at + D_MASTER_IFINDEX));
    }

    private static QuotedHeader quoted(ByteBuffer b, int at) {
        int family = u8(b, at + Q_ADDR_FAMILY);
        return new QuotedHeader(address(b, at + Q_SADDR, family), address(b, at + Q_DADDR, family),
                u8(b, at + Q_L4_PROTO), u16(b, at + Q_SPORT), u16(b, at + Q_DPORT), u32(b, at + Q_TCP_SEQ),
                u8(b, at + Q_ICMP_TYPE), u8(b, at + Q_ICMP_CODE), u16(b, at + Q_ICMP_ID), u16(b, at + Q_ICMP_SEQ),
                u16(b, at + Q_IP_ID), i32(b, at + Q_FLOW_LABEL),
                (u8(b, at + Q_FLAGS) & QuotedHeader.FLAG_NO_L4) == 0);
    }

    /** How many bytes of {@link #encode}'s record the event needs: {@link #SIZE} with a quote, else less. */
    public static int encodedSize(HopEvent e) {
        return e.quoted() != null ? SIZE : VERDICT_SIZE;
    }

    /** Encodes an event into the kernel's record layout (trace files, test fixtures). */
    public static byte[] encode(HopEvent e) {
        byte[] record = new byte[SIZE];
        encode(e, record, 0);
        return record;
    }

    /**
     * Encodes an event into {@link #SIZE} bytes of {@code into} from {@code offset}, which must be zero (a fresh
     * array, or one cleared): fields the event lacks are left as they are.
     */
    public static void encode(HopEvent e, byte[] into, int offset) {
        ByteBuffer b = ByteBuffer.wrap(into, offset, SIZE).slice().order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(TS_NS, e.timestampNs());
        b.putLong(SKB, e instanceof PacketEvent p ? p.skb() : 0);
        b.putLong(NETNS_COOKIE, e.netnsCookie());
        int family = putAddress(b, SADDR, e.source());
        putAddress(b, DADDR, e.destination());
        b.putInt(NETNS_INO, (int) e.netnsInode());
        b.putInt(IFINDEX, e.ifindex());
        b.putInt(MASTER_IFINDEX, e.masterIfindex());
        b.putInt(LEN, e.length());
        b.putInt(MARK, e.packet().mark());
        b.putInt(FLOW_LABEL, e.flowLabel());
        b.putInt(TCP_SEQ, (int) e.tcpSeq());
        b.putInt(TCP_ACK, (int) e.tcpAck());
        b.putShort(CPU, (short) e.cpu());
        b.putShort(HOOK, (short) e.hook().id());
        b.putShort(ETHERTYPE, (short) e.ethertype());
        b.putShort(DEV_TYPE, (short) e.device().deviceType());
        b.putShort(SPORT, (short) e.sourcePort());
        b.putShort(DPORT, (short) e.destinationPort());
        b.putShort(ICMP_ID, (short) e.icmpId());
        b.putShort(ICMP_SEQ, (short) e.icmpSeq());
        b.putShort(IP_ID, (short) e.ipId());
        b.putShort(VLAN_TCI, (short) e.packet().vlanTci());
        b.putShort(ARP_OP, (short) e.arpOp());
        b.putShort(FLAGS, (short) (e.quoted() != null ? e.flags() | Packet.FLAG_QUOTED
                : e.flags() & ~Packet.FLAG_QUOTED));
        b.put(L4_PROTO, (byte) e.l4Protocol());
        b.put(TTL, (byte) e.ttl());
        b.put(TCP_FLAGS, (byte) e.tcpFlags());
        b.put(ICMP_TYPE, (byte) e.icmpType());
        b.put(ICMP_CODE, (byte) e.icmpCode());
        b.put(ADDR_FAMILY, (byte) family);
        putMac(b, SRC_MAC, e.sourceMac());
        putMac(b, DST_MAC, e.destinationMac());
        putCString(b, IFNAME, e.ifname());
        putCString(b, KIND, e.linkKind());
        b.putInt(TASK_NETNS_INO, (int) e.taskNetnsInode());
        if (e instanceof Drop drop) {
            b.put(EVENT, (byte) EV_DROP);
            b.putInt(DROP_REASON, drop.reason());
            b.putLong(DROP_LOCATION, drop.location());
        } else if (e instanceof RouteDecision route) {
            b.put(EVENT, (byte) EV_FIB);
            b.putInt(FIB_TABLE, route.table());
            b.putInt(FIB_ERR, route.error());
            b.putInt(FIB_IIF, route.inputIfindex());
            if (route.gateway() != null) {
                b.put(FIB_GW, route.gateway().getAddress());
            }
        }
        QuotedHeader q = e.quoted();
        if (q != null) {
            b.put(Q_ADDR_FAMILY, (byte) putAddress(b, Q_SADDR, q.source()));
            putAddress(b, Q_DADDR, q.destination());
            b.putInt(Q_FLOW_LABEL, q.flowLabel());
            b.putInt(Q_TCP_SEQ, (int) q.tcpSeq());
            b.putShort(Q_SPORT, (short) q.sourcePort());
            b.putShort(Q_DPORT, (short) q.destinationPort());
            b.putShort(Q_ICMP_ID, (short) q.icmpId());
            b.putShort(Q_ICMP_SEQ, (short) q.icmpSeq());
            b.putShort(Q_IP_ID, (short) q.ipId());
            b.put(Q_L4_PROTO, (byte) q.l4Protocol());
            b.put(Q_ICMP_TYPE, (byte) q.icmpType());
            b.put(Q_ICMP_CODE, (byte) q.icmpCode());
            b.put(Q_FLAGS, (byte) (q.hasTransportHeader() ? 0 : QuotedHeader.FLAG_NO_L4));
        }
    }

    private static int putAddress(ByteBuffer b, int offset, InetAddress address) {
        if (address == null) {
            return 0;
        }
        byte[] bytes = address.getAddress();
        b.put(offset, bytes);
        return bytes.length == 4 ? 4 : 6;
    }

    private static void putMac(ByteBuffer b, int offset, long mac) {
        for (int i = 5; i >= 0; i--) {
            b.put(offset + i, (byte) mac);
            mac >>>= 8;
        }
    }

    private static void putCString(ByteBuffer b, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        b.put(offset, bytes, 0, Math.min(bytes.length, NAME_SIZE - 1));
    }

    /** The device name field at {@code index}, as records' names are decoded (shared when seen before). */
    static String ifname(ByteBuffer b, int index) {
        return IFNAMES.name(b, index);
    }

    static InetAddress address(ByteBuffer b, int index, int family) {
        if (family == 4) {
            return ADDRESSES.ipv4(net32(b, index));
        }
        return family == 6 ? ADDRESSES.ipv6(net64(b, index), net64(b, index + 8)) : null;
    }
}
