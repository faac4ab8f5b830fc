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
 * {@link HopEvent}s.
 */
public final class HopRecord {
    /** sizeof(struct nj_hop); also checked against the header's _Static_assert by a test. */
    public static final int SIZE = 216;
    /** Records of the first format (before verdicts) were this long; trace files may hold them. */
    public static final int SIZE_V1 = 168;
    /** The kernel submits crossings without the verdict fields: the first-format length. */
    public static final int CROSSING_SIZE = SIZE_V1;

    static final int TS_NS = 0;
    static final int SKB = 8;
    static final int NETNS_COOKIE = 16;
    static final int SADDR = 24;
    static final int DADDR = 40;
    static final int NETNS_INO = 56;
    static final int IFINDEX = 60;
    static final int MASTER_IFINDEX = 64;
    static final int LEN = 68;
    static final int MARK = 72;
    static final int FLOW_LABEL = 76;
    static final int TCP_SEQ = 80;
    static final int TCP_ACK = 84;
    static final int CPU = 88;
    static final int HOOK = 90;
    static final int ETHERTYPE = 92;
    static final int DEV_TYPE = 94;
    static final int SPORT = 96;
    static final int DPORT = 98;
    static final int ICMP_ID = 100;
    static final int ICMP_SEQ = 102;
    static final int IP_ID = 104;
    static final int VLAN_TCI = 106;
    static final int ARP_OP = 108;
    static final int FLAGS = 110;
    static final int L4_PROTO = 112;
    static final int TTL = 113;
    static final int TCP_FLAGS = 114;
    static final int ICMP_TYPE = 115;
    static final int ICMP_CODE = 116;
    static final int ADDR_FAMILY = 117;
    static final int SRC_MAC = 118;
    static final int DST_MAC = 124;
    static final int IFNAME = 132;
    static final int KIND = 148;
    static final int TASK_NETNS_INO = 164;
    static final int EVENT = 168;
    static final int DROP_REASON = 172;
    static final int DROP_LOCATION = 176;
    static final int FIB_TABLE = 184;
    static final int FIB_ERR = 188;
    static final int FIB_IIF = 192;
    static final int FIB_GW = 200;
    static final int NAME_SIZE = NameCache.FIELD_SIZE;
    /** The names and addresses decoded lately, shared by all decoding threads. */
    private static final NameCache IFNAMES = new NameCache(1024);
    private static final NameCache KINDS = new NameCache(64);
    private static final AddressCache ADDRESSES = new AddressCache(4096);

    private HopRecord() {
    }

    /**
     * Decodes the record at the buffer's position (native byte order of the kernel: little endian, whatever the
     * buffer's order). A record of {@link #CROSSING_SIZE} (how the kernel submits crossings, and the first format of
     * trace files) decodes as a crossing without the verdict fields. Reads the buffer in place and neither moves nor keeps it; names and addresses seen before are
     * shared, not allocated again.
     */
    public static HopEvent decode(ByteBuffer record) {
        int size = record.remaining();
        if (size < SIZE_V1) {
            throw new IllegalArgumentException("record of " + size + " bytes, expected " + SIZE);
        }
        ByteBuffer b = record;
        int at = record.position();
        boolean hasVerdict = size >= SIZE;
        // The fields from NETNS_INO to ADDR_FAMILY are read eight bytes at a time: one bounds-checked read of the
        // buffer per word rather than per field (decoding is a fifth of the consumer's cost per record, see
        // BENCHMARKS.md). Each word is named for what it holds; u16(kinds, CPU, HOOK) takes the field at HOOK out of
        // the word read at CPU.
        long device = i64(b, at + NETNS_INO);
        long lengths = i64(b, at + MASTER_IFINDEX);
        long marks = i64(b, at + MARK);
        long tcp = i64(b, at + TCP_SEQ);
        long kinds = i64(b, at + CPU);
        long ports = i64(b, at + SPORT);
        long ids = i64(b, at + IP_ID);
        long small = i64(b, at + L4_PROTO);
        int family = u8(small, L4_PROTO, ADDR_FAMILY);
        return new HopEvent(
                i64(b, at + TS_NS),
                u16(kinds, CPU, CPU),
                Hook.fromId(u16(kinds, CPU, HOOK)),
                i64(b, at + SKB),
                u32(device, NETNS_INO, NETNS_INO),
                i64(b, at + NETNS_COOKIE),
                i32(device, NETNS_INO, IFINDEX),
                IFNAMES.name(b, at + IFNAME),
                KINDS.name(b, at + KIND),
                u16(kinds, CPU, DEV_TYPE),
                i32(lengths, MASTER_IFINDEX, MASTER_IFINDEX),
                i32(lengths, MASTER_IFINDEX, LEN),
                i32(marks, MARK, MARK),
                u16(kinds, CPU, ETHERTYPE),
                u16(ids, IP_ID, VLAN_TCI),
                u16(ids, IP_ID, FLAGS),
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
                u32(b, at + TASK_NETNS_INO),
                hasVerdict ? verdict(b, at, family) : null);
    }

    private static Verdict verdict(ByteBuffer b, int at, int family) {
        int event = u8(b, at + EVENT);
        if (event == Verdict.Kind.DROP.id()) {
            return new Verdict(Verdict.Kind.DROP, i32(b, at + DROP_REASON), i64(b, at + DROP_LOCATION), 0, 0, 0,
                    null);
        }
        if (event == Verdict.Kind.ROUTE.id()) {
            InetAddress gateway = address(b, at + FIB_GW, family);
            boolean onLink = gateway != null && gateway.isAnyLocalAddress();
            return new Verdict(Verdict.Kind.ROUTE, 0, 0, i32(b, at + FIB_TABLE), i32(b, at + FIB_ERR),
                    i32(b, at + FIB_IIF), onLink ? null : gateway);
        }
        return null;
    }

    /** Encodes an event into the kernel's record layout (trace files, test fixtures). */
    public static byte[] encode(HopEvent e) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(TS_NS, e.timestampNs());
        b.putLong(SKB, e.skb());
        b.putLong(NETNS_COOKIE, e.netnsCookie());
        int family = putAddress(b, SADDR, e.source());
        putAddress(b, DADDR, e.destination());
        b.putInt(NETNS_INO, (int) e.netnsInode());
        b.putInt(IFINDEX, e.ifindex());
        b.putInt(MASTER_IFINDEX, e.masterIfindex());
        b.putInt(LEN, e.length());
        b.putInt(MARK, e.mark());
        b.putInt(FLOW_LABEL, e.flowLabel());
        b.putInt(TCP_SEQ, (int) e.tcpSeq());
        b.putInt(TCP_ACK, (int) e.tcpAck());
        b.putShort(CPU, (short) e.cpu());
        b.putShort(HOOK, (short) e.hook().id());
        b.putShort(ETHERTYPE, (short) e.ethertype());
        b.putShort(DEV_TYPE, (short) e.deviceType());
        b.putShort(SPORT, (short) e.sourcePort());
        b.putShort(DPORT, (short) e.destinationPort());
        b.putShort(ICMP_ID, (short) e.icmpId());
        b.putShort(ICMP_SEQ, (short) e.icmpSeq());
        b.putShort(IP_ID, (short) e.ipId());
        b.putShort(VLAN_TCI, (short) e.vlanTci());
        b.putShort(ARP_OP, (short) e.arpOp());
        b.putShort(FLAGS, (short) e.flags());
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
        Verdict v = e.verdict();
        if (v != null) {
            b.put(EVENT, (byte) v.kind().id());
            b.putInt(DROP_REASON, v.dropReason());
            b.putLong(DROP_LOCATION, v.dropLocation());
            b.putInt(FIB_TABLE, v.fibTable());
            b.putInt(FIB_ERR, v.fibError());
            b.putInt(FIB_IIF, v.fibInputIfindex());
            if (v.fibGateway() != null) {
                b.put(FIB_GW, v.fibGateway().getAddress());
            }
        }
        return b.array();
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

    private static InetAddress address(ByteBuffer b, int index, int family) {
        if (family == 4) {
            return ADDRESSES.ipv4(net32(b, index));
        }
        return family == 6 ? ADDRESSES.ipv6(net64(b, index), net64(b, index + 8)) : null;
    }
}
