package io.netjourney.ui.model;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.journey.FlowStatus;
import io.netjourney.journey.JourneyConfig;
import io.netjourney.ui.feed.TraceFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flows list's conversations: the model's grouping and figures, presented; selecting one selects a flow. */
class ConversationListTest {
    private final Traffic traffic = new Traffic();
    private final Presented shown = new Presented(Traffic.NAMES);
    private final JourneyViewModel model = shown.view;

    @Test
    void pingsWithManyEchoIdsAreOneConversationWithItsFlowsBeneath() {
        shown.accept(traffic.ping(100, 1, 1_000_000_000L));
        shown.accept(traffic.ping(101, 1, 2_000_000_000L));
        shown.accept(traffic.ping(102, 1, 3_000_000_000L));

        assertEquals(1, model.conversations().size());
        ConversationRow conversation = model.conversations().get(0);
        assertEquals("icmp", conversation.getProtocol());
        assertEquals("172.17.0.1 → 172.17.0.2", conversation.getLabel());
        assertEquals(3, conversation.getFlowCount());
        assertEquals(6, conversation.getSeen(), "requests and replies");
        assertEquals(0.0, conversation.getLossPercent());
        assertEquals(3.0, conversation.getLastUs(), "docker0 → veth 1 µs, veth → eth0 2 µs");
        assertEquals(3.0, conversation.getAvgUs());
        assertEquals(List.of(3.0, 3.0, 3.0), conversation.getHistoryUs());
        assertEquals(FlowStatus.OK, conversation.getState());
        assertEquals(List.of("#1 id 100", "#2 id 101", "#3 id 102"),
                conversation.flows().stream().map(FlowRow::getLabel).toList());
        assertEquals(List.copyOf(model.flows()), List.copyOf(conversation.flows()), "the same rows");
    }

    @Test
    void selectingAConversationSelectsItsLatestFlow() {
        shown.accept(traffic.ping(100, 1, 1_000_000_000L));
        shown.accept(traffic.ping(101, 1, 2_000_000_000L));
        ConversationRow conversation = model.conversations().get(0);

        model.selectConversation(conversation.getId());

        assertEquals(2, model.selectedId());
        assertSame(conversation.flows().get(1), model.selectedFlowProperty().get());
        assertTrue(model.detailShown(), "its hop table and statistics follow");
    }

    @Test
    void figuresRunOnInPlaceAsPacketsCome() {
        shown.accept(traffic.ping(100, 1, 1_000_000_000L));
        ConversationRow conversation = model.conversations().get(0);
        for (int seq = 2; seq <= 40; seq++) {
            shown.accept(traffic.ping(100, seq, seq * 500_000_000L, new long[] {1_000, 1_000 * seq},
                    new long[] {1_000, 1_000}));
        }
        assertSame(conversation, model.conversations().get(0), "updated in place");
        assertEquals(1, conversation.getFlowCount());
        assertEquals(80, conversation.getSeen());
        assertEquals(41.0, conversation.getLastUs());
        assertEquals(3.0, conversation.getBestUs());
        assertEquals(41.0, conversation.getWorstUs());
        assertEquals(40, conversation.getHistoryUs().size());
    }

    @Test
    void aTcpConversationListsItsFlowsByTheirPorts() {
        shown.accept(traffic.handshake(1_000_000));
        ConversationRow conversation = model.conversations().get(0);
        assertEquals("tcp", conversation.getProtocol());
        assertEquals("172.17.0.1 → 172.17.0.2", conversation.getLabel(), "the ends without ports");
        assertEquals("#1 :40000 → :80", conversation.flows().get(0).getLabel());
        assertEquals("172.17.0.1:40000", conversation.flows().get(0).getSource());
    }

    @Test
    void aConversationGoesWithItsLastFlowAndClearForgetsThemAll() {
        Presented small = new Presented(Traffic.NAMES, JourneyConfig.defaults().withMaxFlows(1));
        small.accept(traffic.ping(100, 1, 1_000_000));
        small.accept(traffic.handshake(2_000_000));
        assertEquals(List.of("tcp"), small.view.conversations().stream().map(ListedRow::getProtocol).toList());
        assertEquals(1, small.view.conversations().get(0).flows().size());

        small.view.clear();
        assertTrue(small.view.conversations().isEmpty());
    }

    /**
     * Recorded in the lab: one long root ping nj-ctr1 → nj-ctr2, one nj-ctr1 → nj-far, one nj-host → nj-ctr1, for six
     * seconds. Each reply to nj-ctr1 is copied to both pings' raw sockets and one filter refuses its copy: not a loss.
     */
    @Test
    void longPingsInTheLabAreOneConversationEachWithoutLoss() throws Exception {
        TraceFiles.Loaded trace = TraceFiles.load(Path.of("src/test/resources/fixtures/lab-long-pings.njt"));
        Presented lab = new Presented(trace.names(), JourneyConfig.forViews());
        lab.accept(trace.events());
        List<String> seen = lab.view.conversations().stream().filter(c -> !c.isLinkChatter())
                .map(c -> c.getLabel() + " " + c.getFlowCount() + " flow, loss " + c.getLossPercent() + " %")
                .toList();
        assertEquals(List.of("198.51.100.1 → 198.51.100.2 1 flow, loss 0.0 %",
                "198.51.100.2 → 198.51.100.3 1 flow, loss 0.0 %", "198.51.100.2 → 198.51.100.130 1 flow, loss 0.0 %"),
                seen);
        assertEquals(List.of(14L, 14L, 14L), lab.view.conversations().stream().filter(c -> !c.isLinkChatter())
                .map(ConversationRow::getSeen).toList(), "seven echoes and their replies each; a copy that a raw "
                + "socket's filter refused is part of its reply, not a packet of its own");
    }

    @Test
    void igmpIsLinkChatterByItsName() {
        shown.accept(traffic.trace(List.of(hop().at(1_000).from("172.17.0.1").to("224.0.0.22").l4(2).build())));
        ConversationRow conversation = model.conversations().get(0);
        assertEquals("igmp", conversation.getProtocol());
        assertTrue(conversation.isLinkChatter());
        assertEquals("igmp", conversation.flows().get(0).getProtocol());
    }
}
