package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkLocalTest {
    @Test
    void igmpNeighbourDiscoveryMldAndLinkLocalGroupsAreChatter() {
        assertTrue(LinkLocal.isChatter(hop().from("198.51.100.1").to("224.0.0.22").l4(2).build()), "IGMPv3 report");
        assertTrue(LinkLocal.isChatter(hop().from("198.51.100.1").to("224.0.0.251").udp(5353, 5353).build()),
                "mDNS to a link-local group");
        assertTrue(LinkLocal.isChatter(hop().icmp6(135, 0, 0).from("2001:db8:1::1").to("2001:db8:1::2").build()),
                "neighbour solicitation, also unicast");
        assertTrue(LinkLocal.isChatter(hop().icmp6(143, 0, 0).from("fe80::1").to("ff02::16").build()), "MLDv2");
        assertTrue(LinkLocal.isChatter(hop().icmp6(128, 7, 1).from("fe80::1").to("ff02::1").build()),
                "even an echo, to all nodes of the link");
    }

    @Test
    void whatSomeoneSendsIsNot() {
        assertFalse(LinkLocal.isChatter(hop().from("198.51.100.1").to("198.51.100.2").icmp(8, 0, 1, 1).build()));
        assertFalse(LinkLocal.isChatter(hop().icmp6(128, 7, 1).from("2001:db8:1::1").to("2001:db8:1::2").build()));
        assertFalse(LinkLocal.isChatter(hop().from("198.51.100.1").to("239.1.1.1").udp(4000, 4000).build()),
                "a routed multicast group");
        assertFalse(LinkLocal.isChatter(hop().icmp6(1, 0, 0).from("2001:db8:1::1").to("2001:db8:1::2").build()),
                "an ICMPv6 error is not chatter");
    }
}
