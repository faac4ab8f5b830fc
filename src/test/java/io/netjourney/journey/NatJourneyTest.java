package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netjourney.capture.Hook;
import io.netjourney.capture.Packet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A port published as 'docker run -p 8080:80' does it: nj-far connects to nj-host's 198.51.100.65:8080, a DNAT rule
 * in nj-host sends it to nj-ctr2's 198.51.100.3:80, and the reply is translated back on its way out. One flow, the
 * translation at the hop where it happened, both directions.
 */
class NatJourneyTest {
    private static final long FAR = 4026532452L;
    private static final long HOST = 4026532176L;
    private static final long CTR2 = 4026532314L;
    private static final String CLIENT = "198.51.100.130";
    private static final String PUBLISHED = "198.51.100.65";
    private static final String SERVER = "198.51.100.3";
    private static final int SYN = Packet.TCP_FLAG_SYN;
    private static final int ACK = Packet.TCP_FLAG_ACK;

    private final JourneyAssembler assembler = new JourneyAssembler();

    private TracedHop cross(long ts, long skb, long netns, int ifindex, String ifname, Hook hook, String src, int sport,
            String dst, int dport, int flags, long seq, long ack) {
        return assembler.accept(hop().at(ts).skb(skb).netns(netns).dev(ifindex, ifname, "veth").hook(hook)
                .from(src).to(dst).tcp(sport, dport, flags, seq, ack).build());
    }

    @Test
    void theConnectionToAPublishedPortIsOneFlowWithItsTranslationsWhereTheyHappened() {
        long syn = 0xffff888100010000L;
        long synAck = 0xffff888100020000L;
        cross(1_000, syn, FAR, 2, "eth0", Hook.NET_DEV_QUEUE, CLIENT, 40000, PUBLISHED, 8080, SYN, 100, 0);
        TracedHop arrived = cross(2_000, syn, HOST, 5, "nj-h-r", Hook.NETIF_RX, CLIENT, 40000, PUBLISHED, 8080, SYN,
                100, 0);
        TracedHop translated = cross(3_000, syn, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE, CLIENT, 40000, SERVER, 80,
                SYN, 100, 0);
        TracedHop delivered = cross(4_000, syn, CTR2, 2, "eth0", Hook.NETIF_RX, CLIENT, 40000, SERVER, 80, SYN,
                100, 0);
        assertNull(arrived.translation());
        assertEquals("dnat 198.51.100.65:8080 -> 198.51.100.3:80", translated.translation().toString());
        assertNull(delivered.translation(), "no change since the previous crossing");

        TracedHop answer = cross(5_000, synAck, CTR2, 2, "eth0", Hook.NET_DEV_QUEUE, SERVER, 80, CLIENT, 40000,
                SYN | ACK, 900, 101);
        TracedHop back = cross(6_000, synAck, HOST, 5, "nj-h-r", Hook.NET_DEV_QUEUE, PUBLISHED, 8080, CLIENT, 40000,
                SYN | ACK, 900, 101);
        assertEquals(translated.flowId(), answer.flowId(), "the real server's reply joins the client's flow");
        assertEquals(PacketDirection.REPLY, answer.direction());
        assertEquals("snat 198.51.100.3:80 -> 198.51.100.65:8080", back.translation().toString());

        TracedHop ack = cross(7_000, 0xffff888100030000L, FAR, 2, "eth0", Hook.NET_DEV_QUEUE, CLIENT, 40000,
                PUBLISHED, 8080, ACK, 101, 901);
        TracedHop data = cross(8_000, 0xffff888100040000L, CTR2, 2, "eth0", Hook.NET_DEV_QUEUE, SERVER, 80, CLIENT,
                40000, ACK, 901, 101);
        assertEquals(translated.flowId(), ack.flowId());
        assertEquals(PacketDirection.REQUEST, ack.direction());
        assertEquals(translated.flowId(), data.flowId(), "later packets with either tuple: the same flow");
        assertEquals(PacketDirection.REPLY, data.direction());
        List<FlowSummary> flows = assembler.flows();
        assertEquals(1, flows.size(), flows.toString());
        assertEquals(4, flows.get(0).packets());
    }

    @Test
    void theTranslationLeavesWithItsFlow() {
        cross(1_000, 0x1000, HOST, 5, "nj-h-r", Hook.NETIF_RX, CLIENT, 40000, PUBLISHED, 8080, SYN, 100, 0);
        TracedHop translated = cross(2_000, 0x1000, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE, CLIENT, 40000, SERVER, 80,
                SYN, 100, 0);
        assembler.advanceTo(2_000 + JourneyConfig.defaults().flowIdleNs() + 1);
        TracedHop later = cross(3_000 + JourneyConfig.defaults().flowIdleNs() + 1, 0x2000, CTR2, 2, "eth0",
                Hook.NET_DEV_QUEUE, SERVER, 80, CLIENT, 40000, ACK, 5, 6);
        assertEquals(translated.flowId() + 1, later.flowId(), "an evicted flow's translated tuple is forgotten too");
    }
}
