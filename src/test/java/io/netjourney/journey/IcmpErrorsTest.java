package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopEventBuilder;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Packet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ICMP and ICMPv6 errors join the flow and packet they quote, as replies, instead of flows of their own. */
class IcmpErrorsTest {
    private static final long CTR1 = 4026532101L;
    private static final long HOST = 4026532102L;
    private static final long CTR2 = 4026532103L;
    private static final long ROUTER = 4026532104L;
    private static final String CLIENT = "198.51.100.2";
    private static final String SERVER = "198.51.100.3";
    private static final String ROUTER_IP = "198.51.100.66";

    private final JourneyAssembler assembler = new JourneyAssembler();

    private static HopEventBuilder at(long ts, long skb, long netns, int ifindex, String ifname, Hook hook) {
        return hop().at(ts).skb(skb).netns(netns).netnsCookie(netns).dev(ifindex, ifname, "veth").hook(hook);
    }

    @Test
    void aPortUnreachableJoinsTheUdpFlowAsTheReplyToTheDatagramItQuotes() {
        long datagram = 0xffff888100001000L;
        long error = 0xffff888100002000L;
        HopEvent sent = at(1_000, datagram, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE).from(CLIENT).to(SERVER)
                .udp(40000, 9).ipId(0x1111).build();
        TracedHop first = assembler.accept(sent);
        assembler.accept(at(2_000, datagram, CTR2, 2, "eth0", Hook.NETIF_RX).from(CLIENT).to(SERVER)
                .udp(40000, 9).ipId(0x1111).build());
        // a second datagram of the flow: the error quotes the first one (its IPv4 ID)
        TracedHop second = assembler.accept(at(2_500, 0xffff888100003000L, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE)
                .from(CLIENT).to(SERVER).udp(40000, 9).ipId(0x2222).build());

        TracedHop answered = assembler.accept(at(3_000, error, CTR2, 2, "eth0", Hook.NET_DEV_QUEUE)
                .from(SERVER).to(CLIENT).ipId(0x5555).error(3, 3, sent).build());
        TracedHop back = assembler.accept(at(4_000, error, CTR1, 2, "eth0", Hook.NETIF_RX)
                .from(SERVER).to(CLIENT).ipId(0x5555).error(3, 3, sent).build());

        assertEquals(1, assembler.flows().size(), "one flow: " + assembler.flows());
        assertEquals(first.flowId(), answered.flowId());
        assertEquals(PacketDirection.REPLY, answered.direction());
        assertNotEquals(second.packetId(), answered.answers().packetId(), "not the latest, the quoted one");
        assertEquals(new Answer(first.packetId(), first.flowId(), false, 3, 3, HopEventBuilder.ip(SERVER), CTR2),
                answered.answers());
        assertEquals(answered.packetId(), back.packetId(), "the error's journey goes on");
        assertEquals(answered.answers(), back.answers());
        assertEquals(1, back.hopIndex());
        FlowReport report = FlowReport.of(assembler).get(0);
        assertEquals(List.of(answered.answers()), report.answers());
        assertEquals(2, report.requests());
        assertEquals(0, report.replies(), "the error is an answer, not a reply path");
    }

    @Test
    void aPingWithTtlOneIsAnsweredByTheRoutersTimeExceeded() {
        long echo = 0xffff888100004000L;
        long error = 0xffff888100005000L;
        HopEvent request = at(1_000, echo, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE).from(CLIENT).to("198.51.100.130")
                .icmp(8, 0, 4242, 1).ttl(1).build();
        TracedHop sent = assembler.accept(request);
        assembler.accept(at(2_000, echo, ROUTER, 7, "nj-r-h", Hook.NETIF_RX).from(CLIENT).to("198.51.100.130")
                .icmp(8, 0, 4242, 1).ttl(1).build());
        TracedHop exceeded = assembler.accept(at(3_000, error, ROUTER, 7, "nj-r-h", Hook.NET_DEV_QUEUE)
                .from(ROUTER_IP).to(CLIENT).ipId(77).error(11, 0, request).build());
        // the error makes its way back to the client: host's veth, then ctr1
        TracedHop home = assembler.accept(at(4_000, error, CTR1, 2, "eth0", Hook.NETIF_RX)
                .from(ROUTER_IP).to(CLIENT).ipId(77).error(11, 0, request).build());

        assertEquals(sent.flowId(), exceeded.flowId(), "the echo's flow");
        assertEquals(1, assembler.flows().size());
        assertEquals(PacketDirection.REPLY, exceeded.direction());
        assertEquals(sent.packetId(), exceeded.answers().packetId());
        assertEquals(ROUTER, exceeded.answers().netnsInode(), "made in the router");
        assertEquals(HopEventBuilder.ip(ROUTER_IP), exceeded.answers().from());
        assertEquals(exceeded.packetId(), home.packetId());
        assertEquals(FlowStatus.ICMP_ERROR, assembler.flows().get(0).status(), "answered by an error, not ok");
    }

    @Test
    void aRequestAnsweredByAnErrorAfterTheKernelDroppedItIsAnIcmpErrorNotADrop() {
        HopEvent request = at(1_000, 0x4000, ROUTER, 7, "nj-r-h", Hook.NETIF_RX).from(CLIENT).to("198.51.100.130")
                .icmp(8, 0, 4242, 1).ttl(1).build();
        assembler.accept(request);
        Drop died = at(1_500, 0x4000, ROUTER, 7, "nj-r-h", Hook.NETIF_RX).from(CLIENT).to("198.51.100.130")
                .icmp(8, 0, 4242, 1).ttl(1).drop(5, 1).buildDrop();
        assembler.accept(died.named("IP_INHDR", "ip_forward+0x1a2"));
        assertEquals(FlowStatus.DROPPED, assembler.flows().get(0).status(), "lost, so far");

        assembler.accept(at(3_000, 0x5000, ROUTER, 7, "nj-r-h", Hook.NET_DEV_QUEUE)
                .from(ROUTER_IP).to(CLIENT).ipId(77).error(11, 0, request).build());
        assertEquals(FlowStatus.ICMP_ERROR, assembler.flows().get(0).status());
    }

    @Test
    void theQuotedEchoIsSingledOutBySequenceNumber() {
        HopEvent one = at(1_000, 0xffff888100006000L, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE).from(CLIENT).to(SERVER)
                .icmp(8, 0, 7, 1).build();
        HopEvent two = at(2_000, 0xffff888100007000L, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE).from(CLIENT).to(SERVER)
                .icmp(8, 0, 7, 2).build();
        TracedHop first = assembler.accept(one);
        TracedHop second = assembler.accept(two);
        TracedHop error = assembler.accept(at(3_000, 0xffff888100008000L, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE)
                .from("198.51.100.1").to(CLIENT).error(3, 1, one).build());
        assertEquals(first.packetId(), error.answers().packetId());
        assertNotEquals(second.packetId(), error.answers().packetId());
    }

    @Test
    void icmpv6ErrorsJoinTheirFlowToo() {
        String client = "2001:db8:1::2";
        String far = "2001:db8:3::2";
        HopEvent request = at(1_000, 0xffff888100009000L, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE).from(client).to(far)
                .icmp6(128, 99, 5).flowLabel(0x12345).ttl(1).build();
        TracedHop sent = assembler.accept(request);
        TracedHop exceeded = assembler.accept(at(2_000, 0xffff88810000a000L, ROUTER, 7, "nj-r-h",
                Hook.NET_DEV_QUEUE).from("2001:db8:2::2").to(client).error(3, 0, request).build());
        assertEquals(sent.flowId(), exceeded.flowId());
        assertEquals(new Answer(sent.packetId(), sent.flowId(), true, 3, 0, HopEventBuilder.ip("2001:db8:2::2"),
                ROUTER), exceeded.answers());

        HopEvent datagram = at(3_000, 0xffff88810000b000L, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE).from(client)
                .to("2001:db8:1::3").ethertype(Packet.ETHERTYPE_IPV6).udp(5000, 9).flowLabel(0x54321).build();
        TracedHop udp = assembler.accept(datagram);
        TracedHop unreachable = assembler.accept(at(4_000, 0xffff88810000c000L, CTR2, 2, "eth0",
                Hook.NET_DEV_QUEUE).from("2001:db8:1::3").to(client).error(1, 4, datagram).build());
        assertEquals(udp.flowId(), unreachable.flowId());
        assertEquals(udp.packetId(), unreachable.answers().packetId());
        assertEquals(2, assembler.flows().size());
    }

    @Test
    void anErrorForAFlowNeverSeenKeepsAFlowOfItsOwn() {
        HopEvent unseen = hop().from(CLIENT).to(SERVER).udp(40000, 9).build();
        TracedHop error = assembler.accept(at(1_000, 0xffff88810000d000L, CTR2, 2, "eth0", Hook.NET_DEV_QUEUE)
                .from(SERVER).to(CLIENT).error(3, 3, unseen).build());
        assertNull(error.answers());
        assertEquals(1, assembler.flows().size());
        assertEquals(FlowProtocol.ICMP, assembler.flows().get(0).protocol());
    }

    @Test
    void anErrorAnsweringTheServersReplyGoesTowardsTheServer() {
        TracedHop request = assembler.accept(at(1_000, 0xffff88810000e000L, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE)
                .from(CLIENT).to(SERVER).udp(40000, 53).ipId(1).build());
        HopEvent reply = at(2_000, 0xffff88810000f000L, CTR2, 2, "eth0", Hook.NET_DEV_QUEUE).from(SERVER).to(CLIENT)
                .udp(53, 40000).ipId(2).build();
        TracedHop replied = assembler.accept(reply);
        TracedHop error = assembler.accept(at(3_000, 0xffff888100010000L, CTR1, 2, "eth0", Hook.NET_DEV_QUEUE)
                .from(CLIENT).to(SERVER).ipId(3).error(3, 3, reply).build());
        assertEquals(PacketDirection.REPLY, replied.direction());
        assertEquals(request.flowId(), error.flowId());
        assertEquals(replied.packetId(), error.answers().packetId());
        assertEquals(PacketDirection.REQUEST, error.direction(), "the other way than the packet it answers");
    }
}
