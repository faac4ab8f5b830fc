package io.netjourney.ui.model;

import static io.netjourney.journey.PacketDirection.REPLY;
import static io.netjourney.journey.PacketDirection.REQUEST;
import static io.netjourney.ui.model.Traffic.CTR_NS;
import static io.netjourney.ui.model.Traffic.DOCKER0;
import static io.netjourney.ui.model.Traffic.ETH0;
import static io.netjourney.ui.model.Traffic.echoRequest;
import static io.netjourney.ui.model.Traffic.HOST_NS;
import static io.netjourney.ui.model.Traffic.VETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.journey.FlowStatus;
import io.netjourney.ui.diagram.Highlight.PathEdge;
import java.util.ArrayList;
import javafx.collections.ListChangeListener;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three pings, hand-computed. Request Δt into veth / eth0: seq 1: 1, 2 µs; seq 2: 3, 4 µs; seq 3: 2 µs, then it
 * stops at the veth (never reaches eth0, no reply). Reply Δt into veth / docker0: seq 1: 1, 1 µs; seq 2: 2, 3 µs.
 */
class HopStatsTest {
    private static final double NAN = Double.NaN;

    private final Traffic traffic = new Traffic();
    private final Presented shown = new Presented(Traffic.NAMES);
    private final JourneyViewModel model = shown.view;

    @BeforeEach
    void threePingsTheLastLostAtTheVeth() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        model.select(1);
        shown.accept(traffic.ping(17146, 2, 2_000_000, new long[] {3_000, 4_000}, new long[] {2_000, 3_000}));
        shown.accept(traffic.ping(17146, 3, 3_000_000, new long[] {2_000}, null));
    }

    @Test
    void requestHopsCountTheLossBeforeTheLastHop() {
        assertEquals(List.of(
                new HopStat(REQUEST, 1, DOCKER0, "docker0", "host", "net_dev_queue", 3, 0, false,
                        NAN, NAN, NAN, NAN),
                new HopStat(REQUEST, 2, VETH, "vetha373ab6", "host", "net_dev_queue", 3, 1, false,
                        2.0, 2.0, 1.0, 3.0),
                new HopStat(REQUEST, 3, ETH0, "eth0", "nj-ctr1", "netif_rx", 2, 0, true,
                        4.0, 3.0, 2.0, 4.0)),
                model.hopStats().subList(0, 3));
        assertEquals(100.0 / 3, model.hopStats().get(1).lossPercent(), 1e-9);
    }

    /** A table given a replacement builds all its rows anew: a live flow's rows change by removal and insertion. */
    @Test
    void aLiveFlowsNextPacketChangesItsRowsWithoutReplacingAny() {
        List<String> changes = new ArrayList<>();
        ListChangeListener<Object> record = change -> {
            while (change.next()) {
                changes.add(change.wasReplaced() ? "replaced" : change.wasRemoved() ? "removed" : "added");
            }
        };
        model.hopStats().addListener(record);
        model.hopRows().addListener(record);
        int rows = model.hopRows().size();

        shown.accept(traffic.ping(17146, 4, 4_000_000, new long[] {5_000, 6_000}, new long[] {1_000, 1_000}));

        assertEquals(4, model.hopStats().get(0).seen());
        assertEquals(6, model.hopStats().size());
        assertTrue(model.hopRows().size() > rows);
        assertFalse(changes.contains("replaced"), changes::toString);
    }

    @Test
    void replyHopsFollowTheRequestHops() {
        assertEquals(List.of(
                new HopStat(REPLY, 1, ETH0, "eth0", "nj-ctr1", "net_dev_queue", 2, 0, false, NAN, NAN, NAN, NAN),
                new HopStat(REPLY, 2, VETH, "vetha373ab6", "host", "netif_rx", 2, 0, false, 2.0, 1.5, 1.0, 2.0),
                new HopStat(REPLY, 3, DOCKER0, "docker0", "host", "netif_receive_skb_entry", 2, 0, true,
                        3.0, 2.0, 1.0, 3.0)),
                model.hopStats().subList(3, 6));
        assertEquals(6, model.hopStats().size());
    }

    @Test
    void theLostRequestDoesNotShortenThePathAndMakesTheFlowIncomplete() {
        List<PathEdge> request = model.highlightProperty().get().request();
        assertEquals(List.of(new PathEdge(DOCKER0, VETH, 2, "2 · 2.0 µs"),
                new PathEdge(VETH, ETH0, 3, "3 · 3.0 µs")),
                request);
        FlowRow row = model.flows().get(0);
        assertEquals(3, row.getHops());
        assertEquals(5, row.getPackets());
        assertEquals(FlowStatus.INCOMPLETE, row.getState());
    }

    @Test
    void anInterfaceCrossedTwiceIsTwoHopsButOneNode() {
        Presented shownFresh = new Presented(Traffic.NAMES);
        JourneyViewModel fresh = shownFresh.view;
        Traffic more = new Traffic();
        List<HopEvent> events = new ArrayList<>();
        events.addAll(request(1, 0x10, 1_000_000, true));
        events.addAll(request(2, 0x20, 2_000_000, false));
        shownFresh.accept(more.trace(events));
        fresh.select(1);

        List<HopStat> stats = fresh.hopStats();
        assertEquals(4, stats.size());
        assertEquals(new HopStat(REQUEST, 3, ETH0, "eth0", "nj-ctr1", "netif_rx", 2, 1, false, 2.0, 2.0, 2.0, 2.0),
                stats.get(2));
        assertEquals(new HopStat(REQUEST, 4, ETH0, "eth0", "nj-ctr1", "netif_receive_skb_entry", 1, 0, true,
                0.5, 0.5, 0.5, 0.5), stats.get(3));
        assertEquals(List.of(new PathEdge(DOCKER0, VETH, 2, "2 · 1.0 µs"),
                new PathEdge(VETH, ETH0, 3, "3 · 2.0 µs")),
                fresh.highlightProperty().get().request());
        assertEquals(List.of(), fresh.highlightProperty().get().reply());
    }

    /** A request docker0, veth (+1 µs), eth0 netif_rx (+2 µs), if {@code twice} eth0 netif_receive_skb (+0.5). */
    private static List<HopEvent> request(int seq, long skb, long t, boolean twice) {
        List<HopEvent> events = new ArrayList<>(List.of(
                echoRequest(seq, skb, t).netns(HOST_NS).dev(3, "docker0", "bridge").build(),
                echoRequest(seq, skb, t + 1_000).netns(HOST_NS).dev(7, "vetha373ab6", "veth").master(3).build(),
                echoRequest(seq, skb, t + 3_000).netns(CTR_NS).dev(2, "eth0", "veth").hook(Hook.NETIF_RX).build()));
        if (twice) {
            events.add(echoRequest(seq, skb, t + 3_500).netns(CTR_NS).dev(2, "eth0", "veth")
                    .hook(Hook.NETIF_RECEIVE_SKB).build());
        }
        return events;
    }

}
