package io.netjourney.sinks;

import io.netjourney.capture.CaptureStats;
import static io.netjourney.capture.HopEventBuilder.hop;
import static io.netjourney.sinks.Traced.reply;
import static io.netjourney.sinks.Traced.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopEventBuilder;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Names;
import io.netjourney.capture.Packet;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextFormatterTest {
    private static final long HOST = 4026531957L;
    private static final long CONTAINER = 4026532258L;
    private static final TextFormatter TEXT = new TextFormatter();

    private static List<TracedHop> dockerPing() {
        HopEventBuilder request = hop().from("172.17.0.1").to("172.17.0.2").icmp(8, 0, 17146, 1);
        HopEventBuilder reply = hop().from("172.17.0.2").to("172.17.0.1").icmp(0, 0, 17146, 1).skb(0xffff8881000000b0L);
        return List.of(
                new TracedHop(request.netns(HOST).dev(3, "docker0", "bridge").at(1000).build(),
                        1, 1, PacketDirection.REQUEST, 0, -1),
                new TracedHop(request.netns(HOST).dev(5, "vetha373ab6", "veth").at(1010).build(),
                        1, 1, PacketDirection.REQUEST, 1, 10),
                new TracedHop(request.netns(CONTAINER).dev(2, "eth0", "veth").hook(Hook.NETIF_RX).at(1014).build(),
                        1, 1, PacketDirection.REQUEST, 2, 4),
                new TracedHop(reply.netns(CONTAINER).dev(2, "eth0", "veth").at(1034).build(),
                        2, 1, PacketDirection.REPLY, 0, -1),
                new TracedHop(reply.netns(HOST).dev(5, "vetha373ab6", "veth").hook(Hook.NETIF_RX).at(1036).build(),
                        2, 1, PacketDirection.REPLY, 1, 2),
                new TracedHop(reply.netns(HOST).dev(3, "docker0", "bridge").hook(Hook.NETIF_RECEIVE_SKB).at(1045)
                        .build(), 2, 1, PacketDirection.REPLY, 2, 9));
    }

    private static String line(HopEvent event) {
        return TEXT.format(request(event));
    }

    @Test
    void dockerPingPrintsExactlyLikeTracepkt() {
        String lines = dockerPing().stream().map(TEXT::format).collect(Collectors.joining("\n"));
        assertEquals(String.join("\n",
                "[  4026531957]          docker0 request #17146.001 172.17.0.1 -> 172.17.0.2",
                "[  4026531957]      vetha373ab6 request #17146.001 172.17.0.1 -> 172.17.0.2",
                "[  4026532258]             eth0 request #17146.001 172.17.0.1 -> 172.17.0.2",
                "[  4026532258]             eth0   reply #17146.001 172.17.0.2 -> 172.17.0.1",
                "[  4026531957]      vetha373ab6   reply #17146.001 172.17.0.2 -> 172.17.0.1",
                "[  4026531957]          docker0   reply #17146.001 172.17.0.2 -> 172.17.0.1"), lines);
    }

    @Test
    void namesReplaceInodesRightAlignedAndFallBackToInodes() {
        TextFormatter named = new TextFormatter(Traced.names(Map.of(CONTAINER, "nj-ctr1")), false);
        List<String> lines = dockerPing().stream().map(named::format).collect(Collectors.toList());
        assertEquals("[  4026531957]          docker0 request #17146.001 172.17.0.1 -> 172.17.0.2", lines.get(0));
        assertEquals("[     nj-ctr1]             eth0 request #17146.001 172.17.0.1 -> 172.17.0.2", lines.get(2));
        TextFormatter longName = new TextFormatter(inode -> Optional.of("pid 1234 (sshd)"), false);
        assertEquals("[pid 1234 (sshd)]             eth0 request #17146.001 172.17.0.1 -> 172.17.0.2",
                longName.format(dockerPing().get(2)));
    }

    @Test
    void controlCharactersInNamesCannotBreakTheLine() {
        TextFormatter named = new TextFormatter(inode -> Optional.of("ns\n\u001b[2J"), false);
        assertEquals("[ns\\x0a\\x1b[2J]    ev\\x01il\\x7fé request #17146.001 198.51.100.1 -> 198.51.100.2",
                named.format(request(hop().dev(4, "ev\u0001il\u007fé", "veth").build())));
    }

    @Test
    void verboseAppendsHookLengthIdsAndDelta() {
        TextFormatter verbose = new TextFormatter(Names.NONE, true);
        List<TracedHop> hops = dockerPing();
        assertEquals("[  4026531957]          docker0 request #17146.001 172.17.0.1 -> 172.17.0.2"
                + "  (hook net_dev_queue len 98 packet 1 flow 1 hop 0)", verbose.format(hops.get(0)));
        assertEquals("[  4026532258]             eth0 request #17146.001 172.17.0.1 -> 172.17.0.2"
                + "  (hook netif_rx len 98 packet 1 flow 1 hop 2 +0.004us)", verbose.format(hops.get(2)));
    }

    @Test
    void icmpv6EchoLooksLikeIcmpEcho() {
        HopEvent e = hop().icmp6(128, 4242, 7).from("2001:db8::1").to("2001:db8::2").build();
        assertEquals("[  4026531840]             eth0 request #4242.007 2001:db8::1 -> 2001:db8::2", line(e));
    }

    @Test
    void tcpPrintsPortsFlagsSeqAndAck() {
        HopEvent synAck = hop().tcp(43210, 80, 0x12, 123, 456).build();
        assertEquals("[  4026531840]             eth0 request tcp 198.51.100.1:43210 -> 198.51.100.2:80 [S.] seq 123"
                + " ack 456", line(synAck));
        assertEquals("tcp 198.51.100.1:43210 -> 198.51.100.2:80 [S] seq 4294967295",
                TextFormatter.describe(hop().tcp(43210, 80, 0x02, 4294967295L, 0).build()));
        assertEquals("tcp 198.51.100.1:1 -> 198.51.100.2:2 [FRP.UEW] seq 1 ack 2",
                TextFormatter.describe(hop().tcp(1, 2, 0xFD, 1, 2).build()));
        assertEquals("tcp 198.51.100.1:1 -> 198.51.100.2:2 [none] seq 0",
                TextFormatter.describe(hop().tcp(1, 2, 0, 0, 0).build()));
    }

    @Test
    void ipv6EndpointsAreBracketed() {
        HopEvent e = hop().icmp6(128, 1, 1).tcp(443, 50000, 0x18, 1, 2).from("2001:db8:0:0:0:0:0:1")
                .to("2001:db8::2").build();
        assertEquals("tcp [2001:db8::1]:443 -> [2001:db8::2]:50000 [P.] seq 1 ack 2", TextFormatter.describe(e));
    }

    @Test
    void udp() {
        HopEvent e = hop().udp(5353, 53).build();
        assertEquals("[  4026531840]             eth0   reply udp 198.51.100.1:5353 -> 198.51.100.2:53",
                TEXT.format(reply(e)));
    }

    @Test
    void otherIcmpTypesByName() {
        assertEquals("icmp port-unreachable 198.51.100.2 -> 198.51.100.1", TextFormatter.describe(
                hop().from("198.51.100.2").to("198.51.100.1").icmp(3, 3, 0, 0).build()));
        assertEquals("icmp time-exceeded 198.51.100.1 -> 198.51.100.2",
                TextFormatter.describe(hop().icmp(11, 0, 0, 0).build()));
        assertEquals("icmp time-exceeded code 1 198.51.100.1 -> 198.51.100.2",
                TextFormatter.describe(hop().icmp(11, 1, 0, 0).build()));
        assertEquals("icmp unreachable code 8 198.51.100.1 -> 198.51.100.2",
                TextFormatter.describe(hop().icmp(3, 8, 0, 0).build()));
        assertEquals("icmp type 42 code 0 198.51.100.1 -> 198.51.100.2",
                TextFormatter.describe(hop().icmp(42, 0, 0, 0).build()));
        assertEquals("icmp6 neighbor-solicit fe80::1 -> ff02::1:ff00:2",
                TextFormatter.describe(hop().icmp6(135, 0, 0).from("fe80::1").to("ff02::1:ff00:2").build()));
        assertEquals("icmp6 port-unreachable 2001:db8::2 -> 2001:db8::1", TextFormatter.describe(
                hop().icmp6(1, 0, 0).icmp(1, 4, 0, 0).from("2001:db8::2").to("2001:db8::1").build()));
    }

    @Test
    void arp() {
        HopEvent who = hop().arp(1, "198.51.100.1", "198.51.100.2").macs(0x020000000001L, 0).build();
        assertEquals("[  4026531840]             eth0 request arp who-has 198.51.100.2 tell 198.51.100.1",
                line(who));
        HopEvent is = hop().arp(2, "198.51.100.2", "198.51.100.1").macs(0x020000000002L, 0x020000000001L).build();
        assertEquals("arp reply 198.51.100.2 is-at 02:00:00:00:00:02", TextFormatter.describe(is));
        assertEquals("arp op-3 198.51.100.1 -> 198.51.100.2",
                TextFormatter.describe(hop().arp(3, "198.51.100.1", "198.51.100.2").build()));
    }

    @Test
    void fragments() {
        HopEvent first = hop().udp(5000, 6000).ipId(4660).flags(Packet.FLAG_FRAGMENT).build();
        assertEquals("udp 198.51.100.1:5000 -> 198.51.100.2:6000 frag id 4660", TextFormatter.describe(first));
        HopEvent later = hop().udp(0, 0).ipId(4660).flags(Packet.FLAG_FRAGMENT | Packet.FLAG_NO_L4).build();
        assertEquals("udp 198.51.100.1 -> 198.51.100.2 frag id 4660", TextFormatter.describe(later));
        HopEvent v6 = hop().icmp6(128, 1, 1).udp(0, 0).from("2001:db8::1").to("2001:db8::2")
                .flags(Packet.FLAG_FRAGMENT | Packet.FLAG_NO_L4 | Packet.FLAG_IP6_EXT).build();
        assertEquals("udp 2001:db8::1 -> 2001:db8::2 frag", TextFormatter.describe(v6));
    }

    @Test
    void truncatedHeadersOtherProtocolsVlanAndEthertypes() {
        assertEquals("tcp 198.51.100.1 -> 198.51.100.2 [truncated]", TextFormatter.describe(
                hop().tcp(0, 0, 0, 0, 0).flags(Packet.FLAG_TRUNCATED).build()));
        assertEquals("gre 198.51.100.1 -> 198.51.100.2", TextFormatter.describe(hop().l4(47).build()));
        assertEquals("ip-proto-253 198.51.100.1 -> 198.51.100.2", TextFormatter.describe(hop().l4(253).build()));
        assertEquals("ip6-proto-253 2001:db8::1 -> 2001:db8::2", TextFormatter.describe(
                hop().icmp6(128, 1, 1).l4(253).from("2001:db8::1").to("2001:db8::2").build()));
        assertEquals("vlan 100 #17146.001 198.51.100.1 -> 198.51.100.2", TextFormatter.describe(
                hop().vlanTci(0x2064).flags(Packet.FLAG_VLAN).build()));
        assertEquals("[  4026531840]             eth0 request ethertype 0x88cc len 60",
                line(hop().ethertype(0x88CC).length(60).build()));
    }

    @Test
    void summaryLineShowsLostEvents() {
        assertEquals("2 packets, 6 crossings, 1 flow, 3 events lost (0.000045 s)",
                TEXT.summary(new Summary(2, 6, 1, new CaptureStats(9, 3, 0, 0, 9), 45_000)));
        assertEquals("1 packet, 1 crossing, 0 flows, 1 event lost (1.500000 s)",
                new Summary(1, 1, 0, new CaptureStats(1, 1, 0, 0, 1), 1_500_000_000L).toText());
        assertEquals("1 packet, 1 crossing, 0 flows, 0 events lost, 1200 filtered out, 5 without a device (0.000000 s)",
                new Summary(1, 1, 0, new CaptureStats(1, 0, 1200, 5, 1), 0).toText());
    }
}
