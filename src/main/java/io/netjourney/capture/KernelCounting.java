package io.netjourney.capture;

import static io.netjourney.capture.RecordBytes.i64;
import static io.netjourney.capture.RecordBytes.u16;
import static io.netjourney.capture.RecordBytes.u32;
import static io.netjourney.capture.RecordBytes.u8;

import io.netjourney.bpf.BpfObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel side's counting and sampling: struct nj_settings, and flow_counts' struct nj_count_key and struct
 * nj_count (bpf/netjourney.h) turned into {@link KernelCount}s.
 */
final class KernelCounting {
    static final String SETTINGS_SECTION = ".bss";
    static final String COUNTS_MAP = "flow_counts";
    static final String SKBS_MAP = "skbs_seen";
    static final int SETTINGS_SIZE = 8;
    static final int KEY_SIZE = 80;
    static final int VALUE_SIZE = 160;

    static final int K_SADDR = 0;
    static final int K_DADDR = 16;
    static final int K_IFNAME = 32;
    static final int K_DROP_LOCATION = 48;
    static final int K_NETNS_INO = 56;
    static final int K_IFINDEX = 60;
    static final int K_DROP_REASON = 64;
    static final int K_HOOK = 68;
    static final int K_ETHERTYPE = 70;
    static final int K_SPORT = 72;
    static final int K_DPORT = 74;
    static final int K_L4_PROTO = 76;
    static final int K_ADDR_FAMILY = 77;
    static final int V_PACKETS = 0;
    static final int V_BYTES = 8;
    static final int V_FIRST_NS = 16;
    static final int V_LAST_NS = 24;
    static final int V_SINCE_FIRST = 32;

    private KernelCounting() {
    }

    /**
     * struct nj_settings: counting on when {@code sampleEvery} is 1 or more (1 in {@code sampleEvery} packets sent),
     * off when 0.
     */
    static byte[] settings(int sampleEvery) {
        if (sampleEvery < 0) {
            throw new IllegalArgumentException("sampleEvery must be 0 (no counting) or more: " + sampleEvery);
        }
        return ByteBuffer.allocate(SETTINGS_SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0, sampleEvery > 0 ? 1 : 0).putInt(4, sampleEvery).array();
    }

    /** One flow_counts entry: its key, and its value as each CPU holds it. */
    static KernelCount decode(byte[] key, byte[][] perCpu, KernelNames names) {
        if (key.length != KEY_SIZE || perCpu.length > 0 && perCpu[0].length != VALUE_SIZE) {
            throw new CaptureException("flow_counts entry of " + key.length + "/" + (perCpu.length > 0
                    ? perCpu[0].length : 0) + " bytes, expected " + KEY_SIZE + "/" + VALUE_SIZE
                    + ": the BPF object and the Java decoder come from different builds");
        }
        ByteBuffer k = ByteBuffer.wrap(key);
        long packets = 0;
        long bytes = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        long[] sinceFirst = new long[KernelCount.BUCKETS];
        for (byte[] value : perCpu) {
            ByteBuffer v = ByteBuffer.wrap(value);
            long cpuPackets = i64(v, V_PACKETS);
            if (cpuPackets == 0) {
                continue;
            }
            packets += cpuPackets;
            bytes += i64(v, V_BYTES);
            first = Math.min(first, i64(v, V_FIRST_NS));
            last = Math.max(last, i64(v, V_LAST_NS));
            for (int b = 0; b < KernelCount.BUCKETS; b++) {
                sinceFirst[b] += u32(v, V_SINCE_FIRST + 4 * b);
            }
        }
        return new KernelCount(event(k, last, names), packets, bytes, packets == 0 ? 0 : first, last, sinceFirst);
    }

    /** The count's place and headers as the event it counts. */
    private static PacketEvent event(ByteBuffer k, long lastNs, KernelNames names) {
        int family = u8(k, K_ADDR_FAMILY);
        int protocol = u8(k, K_L4_PROTO);
        boolean icmp = protocol == Packet.PROTO_ICMP || protocol == Packet.PROTO_ICMPV6;
        int sport = u16(k, K_SPORT);
        int dport = u16(k, K_DPORT);
        Packet packet = new Packet(0, 0, u16(k, K_ETHERTYPE), 0, Packet.FLAG_NO_MAC,
                HopRecord.address(k, K_SADDR, family), HopRecord.address(k, K_DADDR, family), protocol, 0, 0, 0,
                icmp ? 0 : sport, icmp ? 0 : dport, 0, 0, 0, icmp ? dport >> 8 : 0, icmp ? dport & 0xFF : 0,
                icmp ? sport : 0, 0, 0, 0, 0, null);
        Device device = new Device(u32(k, K_NETNS_INO), 0, (int) u32(k, K_IFINDEX), HopRecord.ifname(k, K_IFNAME), "", 0, 0);
        Hook hook = Hook.fromId(u16(k, K_HOOK));
        if (hook == Hook.KFREE_SKB) {
            Drop drop = new Drop(lastNs, 0, hook, 0, device, packet, 0, (int) u32(k, K_DROP_REASON),
                    i64(k, K_DROP_LOCATION));
            return names == null ? drop : names.name(drop);
        }
        return new Crossing(lastNs, 0, hook, 0, device, packet, 0);
    }

    /** Every entry of the map, decoded. */
    static List<KernelCount> decodeAll(List<BpfObject.PerCpuEntry> entries, KernelNames names) {
        List<KernelCount> counts = new ArrayList<>(entries.size());
        for (BpfObject.PerCpuEntry e : entries) {
            KernelCount count = decode(e.key(), e.values(), names);
            if (count.packets() > 0) {
                counts.add(count);
            }
        }
        return counts;
    }
}
