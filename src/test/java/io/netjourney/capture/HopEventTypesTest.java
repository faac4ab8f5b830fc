package io.netjourney.capture;

import static io.netjourney.capture.HopEventBuilder.hop;
import static io.netjourney.capture.HopEventBuilder.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The decoder returns the record its event kind names; drops get names, routing decisions a namespace. */
class HopEventTypesTest {

    private static HopEvent decode(byte[] record, int length) {
        return HopRecord.decode(ByteBuffer.wrap(record, 0, length).slice());
    }

    @Test
    void aDropRecordDecodesAsADropWithItsReasonLocationAndSkb() {
        byte[] record = HopRecord.encode(hop().skb(0xffff888100001000L).netns(4026532245L).dev(2, "eth0", "veth")
                .drop(12, 0xffffffff81a00000L).build());
        assertEquals(HopRecord.EV_DROP, record[HopRecord.EVENT]);

        HopEvent e = decode(record, HopRecord.VERDICT_SIZE);

        assertTrue(e instanceof Drop, e.toString());
        Drop drop = (Drop) e;
        assertEquals(12, drop.reason());
        assertEquals(0xffffffff81a00000L, drop.location());
        assertEquals(0xffff888100001000L, drop.skb());
        assertEquals(Hook.KFREE_SKB, drop.hook());
        assertEquals(4026532245L, drop.netnsInode());
        assertNull(drop.reasonName(), "names come later, from the kernel or the trace file");
        assertEquals("reason 12", drop.reasonText());
    }

    @Test
    void aRoutingRecordDecodesAsARouteDecisionWithItsOutputDevice() {
        RouteDecision sent = hop().netns(4026532176L).dev(5, "nj-h-r", "veth").udp(5000, 53)
                .route(254, 0, 1, "198.51.100.66").buildRoute();
        byte[] record = HopRecord.encode(sent);
        assertEquals(HopRecord.EV_FIB, record[HopRecord.EVENT]);
        assertEquals(0, ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN).getLong(HopRecord.SKB),
                "a lookup has no skb");

        HopEvent e = decode(record, HopRecord.VERDICT_SIZE);

        assertEquals(sent, e);
        RouteDecision route = (RouteDecision) e;
        assertTrue(route.found());
        assertFalse(route.notInTable());
        assertEquals(ip("198.51.100.66"), route.gateway());
        assertEquals("nj-h-r", route.device().ifname());
        assertEquals(53, route.packet().destinationPort(), "the flow the lookup was for");
    }

    @Test
    void anOnLinkRouteHasNoGatewayAndAMissSaysNotInTable() {
        byte[] record = HopRecord.encode(hop().route(255, -RouteDecision.EAGAIN, 1, null).build());
        ByteBuffer b = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        b.put(HopRecord.FIB_GW, new byte[] {0, 0, 0, 0}); // the kernel's "on-link": the any address

        RouteDecision route = (RouteDecision) decode(record, HopRecord.VERDICT_SIZE);

        assertNull(route.gateway());
        assertTrue(route.notInTable());
        assertFalse(route.found());
    }

    @Test
    void aCrossingAnUnknownKindAndAFirstFormatRecordDecodeAsCrossings() {
        HopEvent crossing = hop().skb(0x1234).build();
        byte[] record = HopRecord.encode(crossing);
        assertEquals(HopRecord.EV_CROSSING, record[HopRecord.EVENT]);
        assertEquals(crossing, decode(record, HopRecord.VERDICT_SIZE));

        byte[] unknown = record.clone();
        unknown[HopRecord.EVENT] = 9;
        assertTrue(decode(unknown, HopRecord.VERDICT_SIZE) instanceof Crossing, "as before: no verdict");

        byte[] drop = HopRecord.encode(hop().drop(12, 1).build());
        assertTrue(decode(drop, HopRecord.CROSSING_SIZE) instanceof Crossing,
                "a record that ends before the kind is a crossing of the first format");
    }

    @Test
    void encodingAnyKindAndDecodingItGivesItBack() {
        HopEvent[] events = {
            hop().build(),
            hop().drop(77, 0xffffffff81000010L).build(),
            hop().icmp6(128, 1, 1).from("2001:db8:1::1").to("2001:db8:2::1").route(254, -101, 4, null).build(),
            hop().icmp6(128, 1, 1).from("2001:db8:1::1").to("2001:db8:2::1").route(254, 0, 0, "2001:db8::66").build(),
        };
        for (HopEvent event : events) {
            assertEquals(event, decode(HopRecord.encode(event), HopRecord.encodedSize(event)));
        }
    }

    @Test
    void namingADropKeepsEverythingElse() {
        Drop drop = hop().at(7).skb(0x99).netns(4026532245L).dev(2, "eth0", "veth").drop(12, 0x10).buildDrop();

        Drop named = drop.named("NETFILTER_DROP", "nft_do_chain+0x46f");

        assertEquals("NETFILTER_DROP", named.reasonName());
        assertEquals("nft_do_chain+0x46f", named.locationName());
        assertEquals("NETFILTER_DROP", named.reasonText());
        assertEquals(drop, named.named(null, null), "only the names changed");
    }

    @Test
    void placingARouteDecisionInANamespaceKeepsItsDeviceAndResult() {
        RouteDecision route = hop().netns(0).taskNetns(4026532245L).dev(0, "", "").route(254, -101, 4, null)
                .buildRoute();

        RouteDecision placed = route.inNetns(4026532176L);

        assertEquals(4026532176L, placed.netnsInode());
        assertEquals(route.device().inNetns(4026532176L), placed.device());
        assertEquals(route, placed.inNetns(0), "only the namespace changed");
        assertSame(route.packet(), placed.packet());
    }

    @Test
    void theUmbrellaReadsWhereAndWhatFromDeviceAndPacket() {
        HopEvent e = hop().netns(4026532245L).netnsCookie(7).dev(2, "eth0", "veth").master(4)
                .tcp(40000, 80, Packet.TCP_FLAG_SYN, 1, 0).build();
        assertEquals(new Device(4026532245L, 7, 2, "eth0", "veth", 1, 4), e.device());
        assertEquals(DeviceKind.VETH, e.deviceKind());
        assertEquals(e.device().ifname(), e.ifname());
        assertEquals(e.packet().source(), e.source());
        assertEquals(80, e.destinationPort());
        assertTrue(e.isTcp() && e.hasTransportHeader() && !e.isEcho());
    }
}
