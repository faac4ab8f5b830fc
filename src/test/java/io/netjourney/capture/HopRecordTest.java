package io.netjourney.capture;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HopRecordTest {

    @Test
    void decodesAHandWrittenKernelRecord() {
        ByteBuffer b = ByteBuffer.allocate(HopRecord.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 123_456_789L);
        b.putLong(8, 0xffff888131b57900L);
        b.putLong(16, 42);
        b.put(24, new byte[] {(byte) 198, 51, 100, 1});
        b.put(40, new byte[] {(byte) 198, 51, 100, 2});
        b.putInt(56, (int) 4026532258L); // above 2^31: read unsigned
        b.putInt(60, 7);
        b.putInt(64, 3);
        b.putInt(68, 98);
        b.putShort(88, (short) 1);
        b.putShort(90, (short) 2);
        b.putShort(92, (short) 0x0800);
        b.putShort(94, (short) 1);
        b.putShort(100, (short) 0xBEEF); // echo id above 2^15: read unsigned
        b.putShort(102, (short) 3);
        b.putShort(104, (short) 77);
        b.put(112, (byte) 1);
        b.put(113, (byte) 63);
        b.put(115, (byte) 8);
        b.put(117, (byte) 4);
        b.put(118, new byte[] {2, 0, 0, 0, 0, 1});
        b.put(132, "eth0".getBytes(StandardCharsets.US_ASCII));
        b.put(148, "veth".getBytes(StandardCharsets.US_ASCII));

        Crossing e = (Crossing) HopRecord.decode(b);

        assertEquals(123_456_789L, e.timestampNs());
        assertEquals(0xffff888131b57900L, e.skb());
        assertEquals(4026532258L, e.netnsInode());
        assertEquals(Hook.NETIF_RX, e.hook());
        assertEquals("eth0", e.ifname());
        assertEquals(DeviceKind.VETH, e.deviceKind());
        assertEquals(3, e.masterIfindex());
        assertEquals("/198.51.100.1", e.source().toString());
        assertEquals("/198.51.100.2", e.destination().toString());
        assertEquals(0xBEEF, e.icmpId());
        assertEquals(3, e.icmpSeq());
        assertEquals(63, e.ttl());
        assertEquals(0x020000000001L, e.sourceMac());
        assertEquals(true, e.isIcmp());
    }

    @Test
    void encodeThenDecodeGivesTheSameEvent() {
        HopEvent[] events = {
            hop().build(),
            hop().icmp6(128, 9, 1).from("2001:db8:1::1").to("2001:db8:1::2").flowLabel(0xABCDE).build(),
            hop().tcp(43210, 80, 0x12, 4_000_000_000L, 1).hook(Hook.NAPI_GRO_RECEIVE).build(),
            hop().arp(1, "198.51.100.1", "198.51.100.2").macs(0x0200000000AAL, 0).build(),
            hop().vlanTci(0x2064).flags(Packet.FLAG_VLAN | Packet.FLAG_NO_MAC).dev(9, "nj-veth-long-nm", "").build(),
            // every number different, so that no two fields read from one word can stand in for each other
            hop().cpu(3).hook(Hook.NETIF_RECEIVE_SKB).netns(4026532001L).netnsCookie(5).dev(6, "eth7", "veth")
                    .deviceType(8).master(9).length(1010).mark(1111).ethertype(Packet.ETHERTYPE_IPV6)
                    .vlanTci(1212).flags(13).from("2001:db8::14").to("2001:db8::15").tcp(20, 21, 0x1A, 30, 31)
                    .icmp(22, 23, 24, 25).l4(16).ttl(17).ipId(18).flowLabel(19).taskNetns(4026532027L)
                    .macs(0x28, 0x29).build(),
        };
        for (HopEvent event : events) {
            assertEquals(event, HopRecord.decode(ByteBuffer.wrap(HopRecord.encode(event))));
        }
    }

    @Test
    void nonIpRecordHasNoAddresses() {
        HopEvent e = HopRecord.decode(ByteBuffer.wrap(HopRecord.encode(hop().ethertype(0x88CC).build()))
                .put(117, (byte) 0));
        assertNull(e.source());
    }

    @Test
    void shortRecordIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> HopRecord.decode(ByteBuffer.allocate(100)));
    }

    @Test
    void decodesTheRecordBetweenPositionAndLimitOfAReusedBufferInPlace() {
        HopEvent first = hop().at(1).build();
        HopEvent second = hop().at(2).icmp6(129, 9, 4).from("2001:db8:1::2").to("2001:db8:1::1")
                .dev(12, "nj-veth3", "veth").drop(2, 0xffffffff81234567L).build();
        ByteBuffer ring = ByteBuffer.allocateDirect(8 + 2 * HopRecord.SIZE); // big endian, as allocated
        ring.put(8, HopRecord.encode(first)).put(8 + HopRecord.SIZE, HopRecord.encode(second));
        ring.limit(8 + 2 * HopRecord.SIZE).position(8 + HopRecord.SIZE);
        assertEquals(second, HopRecord.decode(ring));
        assertEquals(8 + HopRecord.SIZE, ring.position());
        ring.limit(8 + HopRecord.SIZE).position(8);
        assertEquals(first, HopRecord.decode(ring.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN)));
        assertEquals(first, HopRecord.decode(ring));
        assertEquals(8, ring.position());
        assertEquals(8 + HopRecord.SIZE, ring.limit());
    }

    @Test
    void aRecordOfTheFirstFormatDecodesWithoutTheLaterFields() {
        HopEvent event = hop().taskNetns(4026531840L).build();
        ByteBuffer v1 = ByteBuffer.allocate(4 + HopRecord.SIZE_V1).put(4, HopRecord.encode(event), 0, HopRecord.SIZE_V1);
        v1.position(4);
        assertEquals(event, HopRecord.decode(v1));
        assertEquals(4, v1.position());
    }

    /** An ICMP port unreachable as the kernel submits it: the full record, the quoted UDP header at the end. */
    @Test
    void decodesAHandWrittenIcmpErrorRecordWithTheUdpHeaderItQuotes() {
        ByteBuffer b = ByteBuffer.allocate(HopRecord.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(24, new byte[] {(byte) 198, 51, 100, 3});
        b.put(40, new byte[] {(byte) 198, 51, 100, 2});
        b.putShort(90, (short) 1);
        b.putShort(92, (short) 0x0800);
        b.putShort(110, (short) Packet.FLAG_QUOTED);
        b.put(112, (byte) 1);
        b.put(115, (byte) 3);
        b.put(116, (byte) 3);
        b.put(117, (byte) 4);
        b.put(216, new byte[] {(byte) 198, 51, 100, 2});
        b.put(232, new byte[] {(byte) 198, 51, 100, 3});
        b.putShort(256, (short) 40000); // above 2^15: read unsigned
        b.putShort(258, (short) 9);
        b.putShort(264, (short) 0x1234);
        b.put(266, (byte) 17);
        b.put(267, (byte) 4);

        HopEvent e = HopRecord.decode(b);

        assertTrue(e.isIcmpError());
        assertTrue(e instanceof Crossing, "a crossing");
        QuotedHeader q = e.quoted();
        assertEquals("/198.51.100.2", q.source().toString());
        assertEquals("/198.51.100.3", q.destination().toString());
        assertEquals(Packet.PROTO_UDP, q.l4Protocol());
        assertEquals(40000, q.sourcePort());
        assertEquals(9, q.destinationPort());
        assertEquals(0x1234, q.ipId());
        assertTrue(q.hasPorts());
        assertFalse(q.isIpv6());
    }

    /** An ICMPv6 time exceeded quoting an echo request, and one whose quote ends before the transport header. */
    @Test
    void decodesAHandWrittenIcmpv6ErrorRecordWithTheEchoItQuotes() {
        ByteBuffer b = ByteBuffer.allocate(HopRecord.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(24, ip("2001:db8:2::2").getAddress());
        b.put(40, ip("2001:db8:1::2").getAddress());
        b.putShort(90, (short) 1);
        b.putShort(92, (short) 0x86DD);
        b.putShort(110, (short) Packet.FLAG_QUOTED);
        b.put(112, (byte) 58);
        b.put(115, (byte) 3);
        b.put(117, (byte) 6);
        b.put(216, ip("2001:db8:1::2").getAddress());
        b.put(232, ip("2001:db8:3::2").getAddress());
        b.putInt(248, 0xABCDE);
        b.putShort(260, (short) 0xBEEF);
        b.putShort(262, (short) 2);
        b.put(266, (byte) 58);
        b.put(267, (byte) 6);
        b.put(268, (byte) 128);

        QuotedHeader q = HopRecord.decode(b).quoted();

        assertTrue(q.isIpv6());
        assertEquals(ip("2001:db8:3::2"), q.destination());
        assertEquals(0xABCDE, q.flowLabel());
        assertTrue(q.isEchoRequest());
        assertEquals(0xBEEF, q.icmpId());
        assertEquals(2, q.icmpSeq());

        b.put(270, (byte) QuotedHeader.FLAG_NO_L4);
        QuotedHeader cut = HopRecord.decode(b).quoted();
        assertFalse(cut.hasTransportHeader());
        assertFalse(cut.isEcho(), "no echo fields without the transport header");
    }

    @Test
    void onlyAFullRecordFlaggedQuotedHasAQuote() {
        HopEvent udp = hop().udp(40000, 9).build();
        HopEvent error = hop().from("198.51.100.3").to("198.51.100.2").error(3, 3, udp).build();
        byte[] full = HopRecord.encode(error);
        assertEquals(HopRecord.SIZE, HopRecord.encodedSize(error));
        assertEquals(HopRecord.VERDICT_SIZE, HopRecord.encodedSize(udp));
        assertNull(HopRecord.decode(ByteBuffer.wrap(full, 0, HopRecord.VERDICT_SIZE).slice()).quoted(),
                "a record cut before the quote");
        ByteBuffer unflagged = ByteBuffer.wrap(full.clone()).order(ByteOrder.LITTLE_ENDIAN);
        unflagged.putShort(110, (short) 0);
        assertNull(HopRecord.decode(unflagged).quoted(), "not flagged");
        assertEquals(error, HopRecord.decode(ByteBuffer.wrap(full)));
        HopEvent v6 = hop().icmp6(128, 7, 3).from("2001:db8:1::2").to("2001:db8:3::2").flowLabel(5).build();
        HopEvent tooBig = hop().from("2001:db8:2::2").to("2001:db8:1::2").error(2, 0, v6).build();
        assertEquals(tooBig, HopRecord.decode(ByteBuffer.wrap(HopRecord.encode(tooBig))));
    }

    private static java.net.InetAddress ip(String literal) {
        return HopEventBuilder.ip(literal);
    }
}
