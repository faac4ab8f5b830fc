package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static io.netjourney.journey.Lab.CONTAINER_IP;
import static io.netjourney.journey.Lab.HOST_IP;
import static io.netjourney.journey.Lab.SKB_A;
import static io.netjourney.journey.Lab.SKB_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEventBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyAssemblerTest {
    private static final int ECHO_REQUEST = 8;
    private static final int ECHO_REPLY = 0;
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;

    private final JourneyAssembler assembler = new JourneyAssembler();

    /** Feeds the builders in order, one every {@code stepNs} from {@code startNs}, with the given skb. */
    private List<TracedHop> feed(long startNs, long stepNs, long skb, HopEventBuilder... hops) {
        List<TracedHop> result = new ArrayList<>();
        long t = startNs;
        for (HopEventBuilder builder : hops) {
            result.add(assembler.accept(builder.at(t).skb(skb).build()));
            t += stepNs;
        }
        return result;
    }

    private static HopEventBuilder[] echo(HopEventBuilder[] path, int type, int id, int seq, int ipId) {
        for (HopEventBuilder builder : path) {
            builder.icmp(type, 0, id, seq).ipId(ipId);
        }
        return path;
    }

    /** Echo request id 7 seq 1 on the path towards the container. */
    private static HopEventBuilder[] request() {
        return echo(Lab.towardsContainer(), ECHO_REQUEST, 7, 1, 0x1001);
    }

    private List<TracedHop> ping(long startNs, long requestSkb, long replySkb, int id, int seq) {
        List<TracedHop> hops = new ArrayList<>(feed(startNs, 10_000, requestSkb,
                echo(Lab.towardsContainer(), ECHO_REQUEST, id, seq, 0x1000 + seq)));
        hops.addAll(feed(startNs + 50_000, 5_000, replySkb,
                echo(Lab.towardsHost(), ECHO_REPLY, id, seq, 0x2000 + seq)));
        return hops;
    }

    @Test
    void dockerLikePingIsOneFlowWithARequestAndAReply() {
        List<TracedHop> hops = ping(1_000_000, SKB_A, SKB_B, 17146, 1);

        TracedHop first = hops.get(0);
        for (int i = 0; i < 6; i++) {
            TracedHop hop = hops.get(i);
            assertEquals(first.flowId(), hop.flowId(), "one flow");
            assertEquals(i % 3, hop.hopIndex(), "hop index of crossing " + i);
            assertEquals(i < 3 ? PacketDirection.REQUEST : PacketDirection.REPLY, hop.direction());
            assertEquals(i < 3 ? first.packetId() : hops.get(3).packetId(), hop.packetId());
        }
        assertNotEquals(first.packetId(), hops.get(3).packetId(), "the reply is another packet");
        assertEquals(List.of(-1L, 10_000L, 10_000L, -1L, 5_000L, 5_000L),
                hops.stream().map(TracedHop::deltaNs).toList());

        assertEquals(1, assembler.flows().size());
        FlowSummary flow = assembler.flows().get(0);
        assertEquals(FlowProtocol.ICMP, flow.protocol());
        assertEquals(HOST_IP, flow.client().address().getHostAddress());
        assertEquals(CONTAINER_IP, flow.server().address().getHostAddress());
        assertEquals(2, flow.packets());
        assertEquals(6, flow.crossings());
        assertEquals(1_000_000, flow.firstSeenNs());
        assertEquals(1_060_000, flow.lastSeenNs());
        assertEquals("icmp 198.51.100.1 <-> 198.51.100.2 id 17146", flow.key().toString());

        List<PacketJourney> packets = assembler.packets(flow.flowId());
        assertEquals(List.of(PacketDirection.REQUEST, PacketDirection.REPLY),
                packets.stream().map(PacketJourney::direction).toList());
        assertEquals(List.of("nj-br", "nj-v1", "eth0"),
                packets.get(0).hops().stream().map(h -> h.event().ifname()).toList());
        assertEquals(List.of("eth0", "nj-v1", "nj-br"),
                packets.get(1).hops().stream().map(h -> h.event().ifname()).toList());
        assertEquals(new JourneyStats(2, 6, 1, 1, 2, 0, 0, 0), assembler.stats());
    }

    @Test
    void nextRequestOnTheReplysFreedSkbIsANewPacket() {
        List<TracedHop> first = ping(1_000_000, SKB_A, SKB_B, 7, 1);
        List<TracedHop> second = ping(1_200_000, SKB_B, SKB_A, 7, 2);

        TracedHop reply = first.get(5);
        TracedHop nextRequest = second.get(0);
        assertNotEquals(reply.packetId(), nextRequest.packetId());
        assertEquals(0, nextRequest.hopIndex());
        assertEquals(-1, nextRequest.deltaNs());
        assertEquals(PacketDirection.REQUEST, nextRequest.direction());
        assertEquals(0, second.get(3).hopIndex(), "the second reply reuses the first request's skb");
        assertEquals(4, assembler.stats().packets());
        assertEquals(1, assembler.stats().flows());
    }

    @Test
    void sameSkbLongAfterItsLastCrossingIsANewPacketEvenWithTheSameContent() {
        HopEventBuilder[] path = request();
        TracedHop before = feed(1_000_000, 1, SKB_A, path[0], path[1]).get(1);
        long later = 1_000_000 + JourneyConfig.DEFAULT_SKB_REUSE_GAP_NS + 1_000;
        TracedHop after = feed(later, 1, SKB_A, path[2]).get(0);

        assertNotEquals(before.packetId(), after.packetId());
    }

    @Test
    void cloneOnANewSkbContinuesThePacket() {
        HopEventBuilder[] path = request();
        List<TracedHop> onA = feed(1_000_000, 10_000, SKB_A, path[0], path[1]);
        TracedHop onB = feed(1_030_000, 0, SKB_B, path[2]).get(0);

        assertEquals(onA.get(0).packetId(), onB.packetId());
        assertEquals(2, onB.hopIndex());
        assertEquals(20_000, onB.deltaNs());
        assertEquals(1, assembler.stats().linkedSkbs());
        assertEquals(1, assembler.stats().packets());
    }

    @Test
    void bridgeFloodingClonesToTwoPortsStayOnePacket() {
        HopEventBuilder broadcast = Lab.bridge(Hook.NET_DEV_QUEUE).arp(1, HOST_IP, CONTAINER_IP);
        HopEventBuilder port1 = Lab.hostVeth(Hook.NET_DEV_QUEUE).arp(1, HOST_IP, CONTAINER_IP);
        HopEventBuilder port2 = hop().hook(Hook.NET_DEV_QUEUE).netns(Lab.HOST_NS).netnsCookie(11)
                .dev(5, "nj-v2", "veth").master(3).arp(1, HOST_IP, CONTAINER_IP);
        List<TracedHop> hops = new ArrayList<>(feed(1_000_000, 1_000, SKB_A, broadcast, port1));
        hops.addAll(feed(1_003_000, 1_000, SKB_B, port2));

        assertEquals(List.of(0, 1, 2), hops.stream().map(TracedHop::hopIndex).toList());
        assertEquals(1, hops.stream().map(TracedHop::packetId).distinct().count());
    }

    @Test
    void sameContentOutsideTheLinkWindowIsANewPacket() {
        HopEventBuilder[] path = request();
        TracedHop onA = feed(1_000_000, 0, SKB_A, path[0]).get(0);
        long late = 1_000_000 + JourneyConfig.DEFAULT_LINK_WINDOW_NS + 1;
        TracedHop onB = feed(late, 0, SKB_B, path[1]).get(0);

        assertNotEquals(onA.packetId(), onB.packetId());
    }

    @Test
    void identicalContentOnAnotherSkbAtTheSameDeviceIsNotAClone() {
        HopEventBuilder[] path = request();
        TracedHop onA = feed(1_000_000, 0, SKB_A, path[0]).get(0);
        TracedHop onB = feed(1_001_000, 0, SKB_B, path[0]).get(0);

        assertNotEquals(onA.packetId(), onB.packetId());
    }

    @Test
    void replyOnANewSkbDoesNotLinkToItsRequestDespiteTheSameEchoIdAndSeq() {
        HopEventBuilder request = Lab.containerEth(Hook.NETIF_RX).from(HOST_IP).to(CONTAINER_IP)
                .icmp(ECHO_REQUEST, 0, 7, 1).ipId(0x55);
        HopEventBuilder reply = Lab.containerEth(Hook.NET_DEV_QUEUE).from(CONTAINER_IP).to(HOST_IP)
                .icmp(ECHO_REPLY, 0, 7, 1).ipId(0x55);
        TracedHop req = feed(1_000_000, 0, SKB_A, request).get(0);
        TracedHop rep = feed(1_001_000, 0, SKB_B, reply).get(0);

        assertNotEquals(req.packetId(), rep.packetId());
        assertEquals(PacketDirection.REPLY, rep.direction());
        assertEquals(req.flowId(), rep.flowId());
    }

    @Test
    void natOnTheSameSkbKeepsThePacketButTurningAroundDoesNot() {
        HopEventBuilder outside = hop().dev(7, "eth1", "").from("198.51.100.9").to(HOST_IP).udp(5000, 53)
                .ipId(0x4242);
        HopEventBuilder translated = Lab.bridge(Hook.NET_DEV_QUEUE).from("198.51.100.9").to(CONTAINER_IP)
                .udp(5000, 53).ipId(0x4242);
        HopEventBuilder turnedAround = Lab.hostVeth(Hook.NETIF_RX).from(CONTAINER_IP).to("198.51.100.9")
                .udp(53, 5000).ipId(0x4242);
        List<TracedHop> hops = feed(1_000_000, 1_000, SKB_A, outside, translated, turnedAround);

        assertEquals(hops.get(0).packetId(), hops.get(1).packetId(), "DNAT keeps the packet");
        assertEquals(1, hops.get(1).hopIndex());
        assertNotEquals(hops.get(1).packetId(), hops.get(2).packetId(), "a reply on a reused skb");
    }

    @Test
    void anArpRequestForAnotherAddressOnAReusedSkbIsAnotherPacketNotANat() {
        HopEventBuilder first = Lab.containerEth(Hook.NET_DEV_QUEUE).arp(1, CONTAINER_IP, HOST_IP);
        HopEventBuilder flooded = Lab.hostVeth(Hook.NETIF_RX).arp(1, CONTAINER_IP, HOST_IP);
        // freed, and the same address allocated to the host's own request for its router, 50 µs later
        HopEventBuilder next = hop().netns(Lab.HOST_NS).dev(6, "nj-h-r", "veth").hook(Hook.NET_DEV_QUEUE)
                .arp(1, "198.51.100.65", "198.51.100.66");
        List<TracedHop> hops = feed(1_000_000, 25_000, SKB_A, first, flooded, next);

        assertEquals(hops.get(0).packetId(), hops.get(1).packetId());
        assertNotEquals(hops.get(1).packetId(), hops.get(2).packetId(), "another ARP packet");
        assertEquals(null, hops.get(2).translation(), "no NAT on ARP");
        assertEquals(0, hops.get(2).hopIndex());
        assertNotEquals(hops.get(0).flowId(), hops.get(2).flowId(), "another exchange");
    }

    @Test
    void tcpHandshakeAcrossNamespacesIsOneFlowWithTheInitiatorAsRequest() {
        HopEventBuilder[] syn = Lab.towardsContainer();
        HopEventBuilder[] synAck = Lab.towardsHost();
        HopEventBuilder[] ack = Lab.towardsContainer();
        for (HopEventBuilder b : syn) {
            b.tcp(40000, 80, SYN, 1000, 0).ipId(1);
        }
        for (HopEventBuilder b : synAck) {
            b.tcp(80, 40000, SYN | ACK, 5000, 1001).ipId(0);
        }
        for (HopEventBuilder b : ack) {
            b.tcp(40000, 80, ACK, 1001, 5001).ipId(2);
        }
        List<TracedHop> hops = new ArrayList<>(feed(1_000_000, 1_000, SKB_A, syn));
        hops.addAll(feed(1_100_000, 1_000, SKB_B, synAck));
        hops.addAll(feed(1_200_000, 1_000, SKB_B + 0x100, ack));

        assertEquals(1, hops.stream().map(TracedHop::flowId).distinct().count());
        assertEquals(3, hops.stream().map(TracedHop::packetId).distinct().count());
        assertEquals(List.of(PacketDirection.REQUEST, PacketDirection.REPLY, PacketDirection.REQUEST),
                List.of(hops.get(0).direction(), hops.get(3).direction(), hops.get(6).direction()));
        FlowSummary flow = assembler.flows().get(0);
        assertEquals(FlowProtocol.TCP, flow.protocol());
        assertEquals(new Endpoint(hops.get(0).event().source(), 40000), flow.client());
        assertEquals(new Endpoint(hops.get(0).event().destination(), 80), flow.server());
    }

    @Test
    void aSynSeenAfterTheServersPacketsStillMakesItsSenderTheRequester() {
        HopEventBuilder fromServer = Lab.containerEth(Hook.NET_DEV_QUEUE).from(CONTAINER_IP).to(HOST_IP)
                .tcp(80, 40000, ACK, 5000, 1001).ipId(9);
        HopEventBuilder syn = Lab.bridge(Hook.NET_DEV_QUEUE).from(HOST_IP).to(CONTAINER_IP)
                .tcp(40000, 80, SYN, 1000, 0).ipId(1);
        TracedHop early = feed(1_000_000, 0, SKB_A, fromServer).get(0);
        TracedHop late = feed(1_001_000, 0, SKB_B, syn).get(0);

        assertEquals(PacketDirection.REQUEST, early.direction(), "first seen, before the SYN");
        assertEquals(PacketDirection.REQUEST, late.direction());
        List<PacketJourney> packets = assembler.packets(early.flowId());
        assertEquals(PacketDirection.REPLY, packets.get(0).direction(), "re-labelled by the SYN");
        assertEquals(PacketDirection.REPLY, packets.get(0).hops().get(0).direction());
        assertEquals(HOST_IP, assembler.flows().get(0).client().address().getHostAddress());
    }

    @Test
    void udpFirstPacketDefinesTheRequest() {
        HopEventBuilder query = Lab.bridge(Hook.NET_DEV_QUEUE).from(CONTAINER_IP).to(HOST_IP).udp(5353, 53).ipId(3);
        HopEventBuilder answer = Lab.bridge(Hook.NETIF_RECEIVE_SKB).from(HOST_IP).to(CONTAINER_IP).udp(53, 5353)
                .ipId(4);
        TracedHop q = feed(1_000_000, 0, SKB_A, query).get(0);
        TracedHop a = feed(1_001_000, 0, SKB_B, answer).get(0);

        assertEquals(q.flowId(), a.flowId());
        assertEquals(PacketDirection.REQUEST, q.direction());
        assertEquals(PacketDirection.REPLY, a.direction());
        FlowSummary flow = assembler.flows().get(0);
        assertEquals(FlowProtocol.UDP, flow.protocol());
        assertEquals(new Endpoint(q.event().source(), 5353), flow.client());
        assertEquals("udp 198.51.100.1:53 <-> 198.51.100.2:5353", flow.key().toString());
    }

    @Test
    void icmpv6EchoReplySeenFirstIsStillTheReply() {
        HopEventBuilder reply = Lab.containerEth(Hook.NET_DEV_QUEUE).from("2001:db8::2").to("2001:db8::1")
                .icmp6(129, 99, 1);
        HopEventBuilder request = Lab.containerEth(Hook.NETIF_RX).from("2001:db8::1").to("2001:db8::2")
                .icmp6(128, 99, 2);
        TracedHop rep = feed(1_000_000, 0, SKB_A, reply).get(0);
        TracedHop req = feed(1_500_000, 0, SKB_B, request).get(0);

        assertEquals(PacketDirection.REPLY, rep.direction());
        assertEquals(PacketDirection.REQUEST, req.direction());
        assertEquals(rep.flowId(), req.flowId());
        FlowSummary flow = assembler.flows().get(0);
        assertEquals(FlowProtocol.ICMPV6, flow.protocol());
        assertEquals("2001:db8:0:0:0:0:0:1", flow.client().address().getHostAddress());
    }

    @Test
    void arpRequestAndReplyShareAFlow() {
        HopEventBuilder request = Lab.bridge(Hook.NET_DEV_QUEUE).arp(1, HOST_IP, CONTAINER_IP);
        HopEventBuilder reply = Lab.containerEth(Hook.NET_DEV_QUEUE).arp(2, CONTAINER_IP, HOST_IP)
                .macs(0x020000000002L, 0x020000000001L);
        TracedHop req = feed(1_000_000, 0, SKB_A, request).get(0);
        TracedHop rep = feed(1_001_000, 0, SKB_B, reply).get(0);

        assertEquals(req.flowId(), rep.flowId());
        assertNotEquals(req.packetId(), rep.packetId());
        assertEquals(PacketDirection.REQUEST, req.direction());
        assertEquals(PacketDirection.REPLY, rep.direction());
        assertEquals(FlowProtocol.ARP, assembler.flows().get(0).protocol());
    }

    @Test
    void twoConcurrentPingsWithDifferentIdsAreTwoFlows() {
        List<TracedHop> one = ping(1_000_000, SKB_A, SKB_B, 100, 1);
        List<TracedHop> two = ping(1_010_000, SKB_A + 0x1000, SKB_B + 0x1000, 200, 1);

        assertNotEquals(one.get(0).flowId(), two.get(0).flowId());
        assertEquals(2, assembler.flows().size());
        for (FlowSummary flow : assembler.flows()) {
            assertEquals(2, flow.packets());
        }
    }

    @Test
    void otherIpProtocolsAreKeyedByAddressPairAndProtocol() {
        HopEventBuilder gre = Lab.bridge(Hook.NET_DEV_QUEUE).from(HOST_IP).to(CONTAINER_IP).l4(47).ipId(5);
        HopEventBuilder back = Lab.bridge(Hook.NETIF_RECEIVE_SKB).from(CONTAINER_IP).to(HOST_IP).l4(47).ipId(6);
        TracedHop out = feed(1_000_000, 0, SKB_A, gre).get(0);
        TracedHop in = feed(1_001_000, 0, SKB_B, back).get(0);

        assertEquals(out.flowId(), in.flowId());
        assertEquals(PacketDirection.REPLY, in.direction());
        assertEquals(FlowProtocol.OTHER_IP, assembler.flows().get(0).protocol());
        assertEquals("gre 198.51.100.1 <-> 198.51.100.2", assembler.flows().get(0).key().toString());
    }

    @Test
    void lostReplyLeavesOneRequestAndShortPathsAreReported() {
        HopEventBuilder[] path = request();
        feed(1_000_000, 10_000, SKB_A, path[0], path[1]);

        FlowSummary flow = assembler.flows().get(0);
        assertEquals(1, flow.packets());
        List<PacketJourney> packets = assembler.packets(flow.flowId());
        assertEquals(1, packets.size());
        assertEquals(2, packets.get(0).hopCount());
        assertEquals("nj-v1", packets.get(0).hops().get(1).event().ifname());
        assertEquals(PacketDirection.REQUEST, packets.get(0).direction());
    }

    @Test
    void unknownFlowHasNoPackets() {
        assertTrue(assembler.packets(42).isEmpty());
        assertTrue(assembler.flow(42).isEmpty());
    }

    @Test
    void aPacketContinuingOnItsSkbTakesTheContentIndexBackFromAnEqualNewerOne() {
        long skbC = 0xffff888100000300L;
        HopEventBuilder[] path = request();
        TracedHop a = feed(1_000_000, 0, SKB_A, path[0]).get(0);
        // the same content on the same device again, on another skb: not a copy of a, a packet of its own
        TracedHop b = feed(1_001_000, 0, SKB_B, request()[0]).get(0);
        assertNotEquals(a.packetId(), b.packetId());
        // a goes on along its skb; the content index leads to a again
        assertEquals(a.packetId(), feed(1_002_000, 0, SKB_A, path[1]).get(0).packetId());
        // so a new skb with that content, on the next device, continues a (not b)
        TracedHop copy = feed(1_003_000, 0, skbC, path[2]).get(0);
        assertEquals(a.packetId(), copy.packetId());
        assertEquals(2, copy.hopIndex());
    }
}
