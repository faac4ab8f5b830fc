package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import org.junit.jupiter.api.Test;

/**
 * Which drops are normal operation. Each rule is one seen on this project's kernel in the lab (see the privileged
 * tests for the live ones): a root ping's reply, a closing socket's queue, multicast nobody listens to, a flooded
 * copy; anything else is a real drop.
 */
class DropClassTest {
    @Test
    void aRootPingsReplyLeftForTheMissingDatagramSocketIsExpected() {
        DropClass c = DropClass.of(drop("NO_SOCKET", "ping_rcv+0xb3", "198.51.100.1"));
        assertTrue(c.expected());
        assertEquals(DropClass.ROOT_PING, c.why());
    }

    @Test
    void aRawSocketsFilterRefusingItsOwnCopyIsExpected() {
        // two root pings in one namespace: each reply is copied to both raw sockets, and the other ping's filter
        // refuses its copy (seen in the lab with one long ping per path)
        DropClass c = DropClass.of(drop("SOCKET_FILTER", "raw_rcv+0x228", "198.51.100.2"));
        assertTrue(c.expected());
        assertEquals(DropClass.RAW_FILTER, c.why());
        assertFalse(DropClass.of(drop("SOCKET_FILTER", "tcp_v4_rcv+0x9a1", "198.51.100.2")).expected(),
                "a filter on the receiving socket itself drops the packet");
    }

    @Test
    void noSocketElsewhereIsReal() {
        assertFalse(DropClass.of(drop("NO_SOCKET", "__udp4_lib_rcv+0x8b2", "198.51.100.3")).expected(),
                "UDP to a closed port: nothing listens, the packet is lost");
    }

    @Test
    void aClosingSocketsQueueIsExpected() {
        assertEquals(DropClass.QUEUE_PURGE, DropClass.of(drop("QUEUE_PURGE", "tcp_done+0x1c", "198.51.100.3")).why());
    }

    @Test
    void multicastNobodyListensToIsExpected() {
        assertEquals(DropClass.UNWANTED_MULTICAST,
                DropClass.of(drop("NOT_SPECIFIED", "ip6_mc_input+0x15e", "ff02::16")).why(), "MLD report");
        assertEquals(DropClass.UNWANTED_MULTICAST,
                DropClass.of(drop("NO_TX_TARGET", "br_dev_xmit+0x34f", "224.0.0.22")).why(), "IGMP, no bridge port");
        assertEquals(DropClass.UNWANTED_MULTICAST,
                DropClass.of(drop("NOT_SPECIFIED", "ip_rcv_finish_core+0x25b", "224.0.0.22")).why());
        assertTrue(DropClass.of(drop("NO_SOCKET", "__udp4_lib_rcv+0x8b2", "255.255.255.255")).expected(),
                "broadcast");
    }

    @Test
    void aFirewallDroppingMulticastIsReal() {
        assertFalse(DropClass.of(drop("NETFILTER_DROP", "nft_do_chain+0x46f", "ff02::16")).expected());
    }

    @Test
    void aFloodedCopyForAnotherHostIsExpected() {
        assertEquals(DropClass.OTHERHOST, DropClass.of(drop("OTHERHOST", "ip_rcv_core+0x2a", "198.51.100.3")).why());
    }

    @Test
    void aClosedConnectionsLastSegmentTakenByItsTimeWaitSocketIsExpected() {
        Drop finAck = hop().from("198.51.100.3").to("198.51.100.2").tcp(80, 40000, 0x11, 7, 8).drop(2, 1).buildDrop();
        assertEquals(DropClass.TIME_WAIT,
                DropClass.of(finAck.named("NOT_SPECIFIED", "tcp_v4_rcv+0x99")).why());
        Drop data = hop().from("198.51.100.3").to("198.51.100.2").tcp(80, 40000, 0x18, 7, 8).drop(2, 1).buildDrop();
        assertFalse(DropClass.of(data.named("NOT_SPECIFIED", "tcp_v4_rcv+0x99"))
                .expected(), "data that TCP throws away is a real drop");
        Drop syn = hop().from("198.51.100.3").to("198.51.100.2").tcp(80, 40000, 0x02, 7, 0).drop(2, 1).buildDrop();
        assertFalse(DropClass.of(syn.named("NOT_SPECIFIED", "tcp_v4_rcv+0x99"))
                .expected(), "a SYN nobody takes is a real drop");
    }

    @Test
    void unexplainedAndUnnamedDropsAreReal() {
        assertEquals(DropClass.REAL, DropClass.of(drop("NOT_SPECIFIED", "ip_rcv_finish_core+0x25b",
                "198.51.100.3")));
        assertEquals(DropClass.REAL, DropClass.of(hop().to("ff02::16").drop(77, 0).build()), "no name known");
        assertEquals(DropClass.REAL, DropClass.of(hop().to("ff02::16").build()), "not a drop");
    }

    private static HopEvent drop(String reason, String location, String destination) {
        Drop e = hop().to(destination).drop(2, 1).buildDrop();
        return e.named(reason, location);
    }
}
