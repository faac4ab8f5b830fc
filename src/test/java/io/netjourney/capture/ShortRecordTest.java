package io.netjourney.capture;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short crossing (struct nj_crossing) decodes with the device its device record described to the crossing its
 * whole record (struct nj_hop) decodes to. The records are written here as the kernel writes them (offsets S_*, D_*;
 * HopRecordLayoutTest holds those to the header).
 */
class ShortRecordTest {

    @Test
    void shortCrossingsDecodeAsTheirWholeRecordsDo() {
        List<Crossing> crossings = List.of(
                hop().at(1_000).cpu(1).hook(Hook.NET_DEV_QUEUE).skb(0xffff888100001000L).netns(4026532245L)
                        .netnsCookie(3858).dev(2, "eth0", "veth").length(98).from("198.51.100.2")
                        .to("198.51.100.1").ttl(64).ipId(34734).icmp(8, 0, 1687, 3)
                        .macs(0x32a1b2c3d4e5L, 0x46f1f2f3f4f5L).buildCrossing(),
                hop().at(2_000).cpu(0).hook(Hook.NETIF_RECEIVE_SKB).skb(0xffff888100002000L).netns(4026532176L)
                        .dev(7, "nj-br0", "bridge").master(0).length(1400).from("2001:db8:3::2")
                        .to("2001:db8:1::1").ethertype(Packet.ETHERTYPE_IPV6).ipId(0).ttl(63).flowLabel(0xabcde)
                        .tcp(40000, 80, Packet.TCP_FLAG_SYN | Packet.TCP_FLAG_ACK, 4_000_000_000L, 17L)
                        .macs(0x020000000001L, 0x020000000002L).buildCrossing(),
                hop().at(3_000).cpu(1).hook(Hook.NETIF_RX).skb(0xffff888100003000L).netns(4026532245L)
                        .dev(3, "nj-veth1", "veth").master(7).length(46).from("198.51.100.130")
                        .to("198.51.100.2").ttl(1).ipId(7).udp(5000, 53).flags(Packet.FLAG_FRAGMENT)
                        .buildCrossing(),
                hop().at(4_000).cpu(0).hook(Hook.NET_DEV_QUEUE).skb(0xffff888100004000L).netns(4026532176L)
                        .dev(4, "nj-tun0", "tun").deviceType(65534).length(104).from("2001:db8::1")
                        .to("2001:db8::2").ipId(0).ttl(64).icmp6(129, 9, 65535).flags(Packet.FLAG_NO_L2 | Packet.FLAG_NO_MAC)
                        .buildCrossing());
        KernelDevices devices = new KernelDevices();
        for (Crossing c : crossings) {
            devices.describe(deviceRecord(c.device()));
        }

        for (Crossing c : crossings) {
            Crossing whole = (Crossing) HopRecord.decode(ByteBuffer.wrap(HopRecord.encode(c), 0,
                    HopRecord.CROSSING_SIZE).slice());
            assertEquals(c, whole, "the whole record");
            assertEquals(whole, HopRecord.decodeShort(shortRecord(c), devices), "the short record");
        }
    }

    @Test
    void theLatestDescriptionOfADeviceHolds() {
        Crossing before = hop().netns(4026532245L).dev(2, "eth0", "veth").from("198.51.100.2").to("198.51.100.1")
                .icmp(8, 0, 1, 1).buildCrossing();
        Crossing renamed = hop().netns(4026532245L).dev(2, "lan0", "veth").master(9).from("198.51.100.2")
                .to("198.51.100.1").icmp(8, 0, 1, 1).buildCrossing();
        KernelDevices devices = new KernelDevices();
        devices.describe(deviceRecord(before.device()));
        assertEquals(before, HopRecord.decodeShort(shortRecord(before), devices));

        devices.describe(deviceRecord(renamed.device()));

        assertEquals(renamed, HopRecord.decodeShort(shortRecord(before), devices));
        assertEquals(1, devices.size());
    }

    @Test
    void aCrossingOnADeviceNeverDescribedDecodesToNothing() {
        KernelDevices devices = new KernelDevices();
        devices.describe(deviceRecord(new Device(4026532245L, 1, 3, "eth0", "veth", 1, 0)));
        Crossing elsewhere = hop().netns(4026532245L).dev(2, "eth0", "veth").from("198.51.100.2")
                .to("198.51.100.1").udp(1, 2).buildCrossing();

        assertNull(HopRecord.decodeShort(shortRecord(elsewhere), devices));
    }

    @Test
    void manyDevicesStayDescribed() {
        KernelDevices devices = new KernelDevices();
        for (int i = 1; i <= 5_000; i++) {
            devices.describe(deviceRecord(new Device(4026530000L + i % 50, i, i, "if" + i, "veth", 1, 0)));
        }
        assertEquals(5_000, devices.size());
        for (int i = 1; i <= 5_000; i++) {
            assertEquals("if" + i, devices.device(4026530000L + i % 50, i).ifname());
        }
    }

    /** struct nj_device as the kernel writes it. */
    static ByteBuffer deviceRecord(Device d) {
        ByteBuffer b = ByteBuffer.allocate(HopRecord.DEVICE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(HopRecord.D_NETNS_COOKIE, d.netnsCookie());
        b.putInt(HopRecord.D_NETNS_INO, (int) d.netnsInode());
        b.putInt(HopRecord.D_IFINDEX, d.ifindex());
        b.putInt(HopRecord.D_MASTER_IFINDEX, d.masterIfindex());
        b.putShort(HopRecord.D_DEV_TYPE, (short) d.deviceType());
        b.put(HopRecord.D_IFNAME, d.ifname().getBytes(StandardCharsets.UTF_8));
        b.put(HopRecord.D_KIND, d.linkKind().getBytes(StandardCharsets.UTF_8));
        return b;
    }

    /** struct nj_crossing as the kernel writes it. */
    static ByteBuffer shortRecord(Crossing c) {
        ByteBuffer b = ByteBuffer.allocate(HopRecord.SHORT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        boolean v4 = c.source().getAddress().length == 4;
        b.putLong(HopRecord.S_TS_NS, c.timestampNs());
        b.putLong(HopRecord.S_SKB, c.skb());
        b.put(HopRecord.S_SADDR, c.source().getAddress());
        b.put(HopRecord.S_DADDR, c.destination().getAddress());
        b.putInt(HopRecord.S_NETNS_INO, (int) c.netnsInode());
        b.putInt(HopRecord.S_IFINDEX, c.ifindex());
        b.putInt(HopRecord.S_LEN, c.length());
        b.putInt(HopRecord.S_IDENT, v4 ? c.ipId() : c.flowLabel());
        if (c.l4Protocol() == Packet.PROTO_ICMP || c.l4Protocol() == Packet.PROTO_ICMPV6) {
            b.putShort(HopRecord.S_ICMP_ID, (short) c.icmpId());
            b.putShort(HopRecord.S_ICMP_SEQ, (short) c.icmpSeq());
            b.put(HopRecord.S_ICMP_TYPE, (byte) c.icmpType());
            b.put(HopRecord.S_ICMP_CODE, (byte) c.icmpCode());
        } else {
            b.putInt(HopRecord.S_TCP_SEQ, (int) c.tcpSeq());
            b.putInt(HopRecord.S_TCP_ACK, (int) c.tcpAck());
        }
        b.putShort(HopRecord.S_CPU, (short) c.cpu());
        b.putShort(HopRecord.S_SPORT, (short) c.sourcePort());
        b.putShort(HopRecord.S_DPORT, (short) c.destinationPort());
        b.put(HopRecord.S_HOOK, (byte) c.hook().id());
        b.put(HopRecord.S_FLAGS, (byte) c.flags());
        putMac(b, HopRecord.S_SRC_MAC, c.sourceMac());
        putMac(b, HopRecord.S_DST_MAC, c.destinationMac());
        b.put(HopRecord.S_L4_PROTO, (byte) c.l4Protocol());
        b.put(HopRecord.S_TTL, (byte) c.ttl());
        b.put(HopRecord.S_TCP_FLAGS, (byte) c.tcpFlags());
        b.put(HopRecord.S_ADDR_FAMILY, (byte) (v4 ? 4 : 6));
        return b;
    }

    private static void putMac(ByteBuffer b, int offset, long mac) {
        for (int i = 5; i >= 0; i--) {
            b.put(offset + i, (byte) mac);
            mac >>>= 8;
        }
    }
}
