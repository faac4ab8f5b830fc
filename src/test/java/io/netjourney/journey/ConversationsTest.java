package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Drop;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEventBuilder;
import io.netjourney.capture.KernelCount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flows grouped into conversations by both ends and protocol, with running figures over every packet. */
class ConversationsTest {
    private static final long HOST = 4026532176L;
    private static final long CTR = 4026532245L;
    private static final String A = "198.51.100.1";
    private static final String B = "198.51.100.2";
    private static final long MS = 1_000_000;

    private JourneyModel model = new JourneyModel();
    private long nextSkb = 0x1000;

    private static HopEventBuilder at(long ts, long skb, long netns, int ifindex, String ifname, Hook hook) {
        return hop().at(ts).skb(skb).netns(netns).dev(ifindex, ifname, "veth").hook(hook);
    }

    /** An echo request A → B with echo id {@code id}, crossing three interfaces {@code step} ns apart; the reply. */
    private void ping(int id, int seq, long t, long step) {
        long skb = nextSkb++;
        model.accept(at(t, skb, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).from(A).to(B).icmp(8, 0, id, seq).build());
        model.accept(at(t + step, skb, HOST, 4, "nj-veth1", Hook.NET_DEV_QUEUE).from(A).to(B).icmp(8, 0, id, seq)
                .build());
        model.accept(at(t + 2 * step, skb, CTR, 2, "eth0", Hook.NETIF_RX).from(A).to(B).icmp(8, 0, id, seq).build());
        long reply = nextSkb++;
        long r = t + 2 * step + 5_000;
        model.accept(at(r, reply, CTR, 2, "eth0", Hook.NET_DEV_QUEUE).from(B).to(A).icmp(0, 0, id, seq).build());
        model.accept(at(r + 1_000, reply, HOST, 4, "nj-veth1", Hook.NETIF_RX).from(B).to(A).icmp(0, 0, id, seq)
                .build());
    }

    /** A TCP SYN from A:sport to B:80 across two interfaces, 1 µs apart. */
    private void syn(int sport, long t) {
        long skb = nextSkb++;
        model.accept(at(t, skb, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).from(A).to(B).tcp(sport, 80, 0x02, 1, 0)
                .build());
        model.accept(at(t + 1_000, skb, CTR, 2, "eth0", Hook.NETIF_RX).from(A).to(B).tcp(sport, 80, 0x02, 1, 0)
                .build());
    }

    private ConversationView only() {
        List<ConversationView> all = model.conversations();
        assertEquals(1, all.size(), "one conversation: " + all);
        return all.get(0);
    }

    @Test
    void pingsWithManyEchoIdsAreOneConversationWithItsCountOfFlows() {
        for (int id = 1; id <= 5; id++) {
            ping(100 + id, 1, id * 1_000 * MS, 2_000);
        }
        ConversationView conversation = only();
        assertEquals(5, conversation.flows());
        assertEquals(5, conversation.flowsSeen());
        assertEquals(10, conversation.packets());
        assertEquals("icmp", conversation.protocol());
        assertEquals(5, model.flow(5).summary().flowId());
        assertEquals(5, conversation.latestFlowId(), "the flow with the latest crossing");
        assertEquals(FlowStatus.OK, conversation.status());
        assertEquals(conversation.conversationId(), model.flow(1).conversationId());
    }

    @Test
    void manySourcePortsToOneServiceAreOneConversationAndEachDirectionJoinsIt() {
        syn(40000, 1 * MS);
        syn(40001, 2 * MS);
        long skb = nextSkb++;
        // B answers from the service port: the other direction, the same conversation
        model.accept(at(3 * MS, skb, CTR, 2, "eth0", Hook.NET_DEV_QUEUE).from(B).to(A).tcp(80, 40001, 0x12, 9, 2)
                .build());
        ConversationView conversation = only();
        assertEquals(2, conversation.flows());
        assertEquals("tcp", conversation.protocol());
        assertEquals(3, conversation.packets());
    }

    @Test
    void otherEndsOrProtocolsAreOtherConversations() {
        ping(7, 1, 1 * MS, 1_000);
        syn(40000, 2 * MS);
        model.accept(at(3 * MS, nextSkb++, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).from(A).to("198.51.100.3")
                .icmp(8, 0, 7, 1).build());
        model.accept(at(4 * MS, nextSkb++, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).from(A).to("224.0.0.22").l4(2)
                .build());
        List<String> protocols = model.conversations().stream().map(ConversationView::protocol).toList();
        assertEquals(List.of("icmp", "tcp", "icmp", "igmp"), protocols, "IGMP has its name");
    }

    @Test
    void aLinksChatterIsAConversationOfItsOwnBesideTrafficBetweenTheSameEnds() {
        String a6 = "2001:db8:1::1";
        String b6 = "2001:db8:1::2";
        model.accept(at(1 * MS, nextSkb++, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).from(a6).to(b6).icmp6(128, 9, 1)
                .build());
        model.accept(at(2 * MS, nextSkb++, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).from(a6).to(b6).icmp6(135, 0, 0)
                .build());
        List<ConversationView> all = model.conversations();
        assertEquals(2, all.size(), "the ping and the neighbour solicitation: " + all);
        assertEquals(List.of(false, true), all.stream().map(c -> c.key().linkChatter()).toList());
        assertEquals(List.of("icmp6", "icmp6"), all.stream().map(ConversationView::protocol).toList());
    }

    @Test
    void runningStatisticsCountEveryPacketAndTheRequestsWayThrough() {
        ping(7, 1, 1_000 * MS, 2_000);
        ping(7, 2, 2_000 * MS, 3_000);
        ping(7, 3, 3_000 * MS, 1_000);
        ConversationStatistics s = only().statistics();
        assertEquals(6, s.seen(), "requests and replies");
        assertEquals(0, s.lost());
        assertEquals(3, s.samples(), "one latency per request");
        assertEquals(2_000, s.lastNs(), "the newest request: 2 × 1 µs");
        assertEquals(4_000, s.meanNs(), 0.001);
        assertEquals(2_000, s.bestNs());
        assertEquals(6_000, s.worstNs());
        assertEquals(List.of(4_000L, 6_000L, 2_000L), s.historyNs());
        assertEquals(s, only().statistics(), "settled or pending, the same figures");
    }

    @Test
    void aRequestDroppedForRealIsLostAndHasNoLatency() {
        ping(7, 1, 1_000 * MS, 2_000);
        long skb = nextSkb++;
        model.accept(at(2_000 * MS, skb, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).from(A).to(B).icmp(8, 0, 7, 2)
                .build());
        Drop drop = at(2_000 * MS + 1_000, skb, HOST, 4, "nj-veth1", Hook.NET_DEV_QUEUE).from(A).to(B)
                .icmp(8, 0, 7, 2).drop(12, 1).buildDrop();
        model.accept(drop.named("NETFILTER_DROP", "nft_do_chain+0x46f"));

        ConversationView conversation = only();
        ConversationStatistics s = conversation.statistics();
        assertEquals(3, s.seen());
        assertEquals(1, s.lost());
        assertEquals(100.0 / 3, s.lossPercent(), 0.001);
        assertEquals(1, s.samples());
        assertEquals(FlowStatus.DROPPED, conversation.status());
    }

    @Test
    void statisticsRunOnBeyondThePacketsRetainedAndTheHistoryKeepsTheNewest() {
        model = new JourneyModel(JourneyConfig.defaults().withMaxPacketsPerFlow(10));
        int pings = 100;
        for (int seq = 1; seq <= pings; seq++) {
            ping(7, seq, seq * 500 * MS, 1_000 + seq);
        }
        ConversationStatistics s = only().statistics();
        assertEquals(2 * pings, s.seen(), "every packet, not the 10 retained");
        assertEquals(pings, s.samples());
        assertEquals(ConversationStatistics.HISTORY, s.historyNs().size());
        assertEquals(2L * (1_000 + pings), s.historyNs().get(ConversationStatistics.HISTORY - 1), "newest last");
        assertEquals(2L * (1_000 + pings - ConversationStatistics.HISTORY + 1), s.historyNs().get(0));
    }

    @Test
    void aConversationGoesWithItsLastFlowAndSnapshotsSayWhatChanged() {
        model = new JourneyModel(JourneyConfig.defaults().withMaxFlows(2));
        ping(1, 1, 1 * MS, 1_000);
        JourneySnapshot first = model.snapshot(0, false);
        assertEquals(1, first.conversations().size());
        long icmp = first.conversations().get(0).conversationId();

        syn(40000, 2 * MS);
        syn(40001, 3 * MS);
        JourneySnapshot second = model.snapshot(0, false);
        assertEquals(List.of(icmp), second.conversationsRemoved(), "its only flow was evicted");
        assertEquals(1, second.conversations().size(), "the tcp conversation, new");
        assertEquals(2, second.conversations().get(0).flows());

        JourneySnapshot quiet = model.snapshot(0, false);
        assertTrue(quiet.conversations().isEmpty() && quiet.conversationsRemoved().isEmpty(), "nothing changed");
        assertEquals(1, model.conversations().size());
    }

    @Test
    void whileTheKernelCountsItsCountIsThePacketsSeenAndTheSampleGivesTheFigures() {
        ping(7, 1, 1_000 * MS, 2_000);
        ping(7, 2, 2_000 * MS, 2_000);
        assertEquals(-1, only().counted());
        assertEquals(only().statistics().seen(), only().seen(), "the model's count while the kernel counts nothing");
        model.conversations();

        // the kernel saw 500 echoes each way of the two flows it sent: its count at the first place of each way
        long[] buckets = new long[KernelCount.BUCKETS];
        buckets[0] = 500;
        List<KernelCount> counts = List.of(
                new KernelCount(at(0, 0, HOST, 3, "nj-br0", Hook.NET_DEV_QUEUE).from(A).to(B).icmp(8, 0, 7, 0)
                        .buildCrossing(), 500, 49_000, 1, 2, buckets),
                new KernelCount(at(0, 0, CTR, 2, "eth0", Hook.NETIF_RX).from(A).to(B).icmp(8, 0, 7, 0)
                        .buildCrossing(), 500, 42_000, 3, 4, buckets),
                new KernelCount(at(0, 0, CTR, 2, "eth0", Hook.NET_DEV_QUEUE).from(B).to(A).icmp(0, 0, 7, 0)
                        .buildCrossing(), 500, 49_000, 5, 6, buckets));
        model.kernelCounts(counts);

        JourneySnapshot snapshot = model.snapshot(0, false);
        assertEquals(1, snapshot.conversations().size(), "the conversation whose count changed is published");
        ConversationView view = only();
        assertEquals(1_000, view.counted());
        assertEquals(1_000, view.seen());
        assertEquals(4, view.statistics().seen(), "loss and latencies stay those of the packets sent");

        Topology.Snapshot topology = model.topology();
        assertEquals(new Topology.Counts(500, 0, 0), topology.countsAt(Topology.keyOf(HOST, 3)), "nj-br0, exact");
        assertEquals(new Topology.Counts(1_000, 0, 0), topology.countsAt(Topology.keyOf(CTR, 2)),
                "eth0 in and out, exact");
        assertEquals(4, topology.countsAt(Topology.keyOf(HOST, 4)).crossings(),
                "nj-veth1, which the kernel did not count here: the model's own count");
    }
}
