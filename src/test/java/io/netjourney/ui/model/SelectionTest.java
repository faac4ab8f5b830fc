package io.netjourney.ui.model;

import static io.netjourney.ui.model.Traffic.CTR_NS;
import static io.netjourney.ui.model.Traffic.DOCKER0;
import static io.netjourney.ui.model.Traffic.ETH0;
import static io.netjourney.ui.model.Traffic.echoRequest;
import static io.netjourney.ui.model.Traffic.HOST_NS;
import static io.netjourney.ui.model.Traffic.VETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Hook;
import io.netjourney.journey.PacketDirection;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.diagram.Highlight;
import io.netjourney.ui.diagram.Highlight.PathEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private final Traffic traffic = new Traffic();
    private final Presented shown = new Presented(Traffic.NAMES);
    private final JourneyViewModel model = shown.view;

    @Test
    void selectingAFlowHighlightsItsRequestAndReplyPaths() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        shown.accept(traffic.handshake(2_000_000));

        model.select(1);

        assertSame(model.flows().get(0), model.selectedFlowProperty().get());
        assertEquals(new Highlight(
                List.of(new PathEdge(DOCKER0, VETH, 2, "2 · 1.0 µs"), new PathEdge(VETH, ETH0, 3, "3 · 2.0 µs")),
                List.of(new PathEdge(ETH0, VETH, 2, "2 · 1.0 µs"), new PathEdge(VETH, DOCKER0, 3, "3 · 1.0 µs")),
                Set.of()), model.highlightProperty().get());
    }

    @Test
    void theHighlightFollowsNewPacketsOfTheSelectedFlow() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        model.select(1);

        shown.accept(traffic.ping(17146, 2, 2_000_000, new long[] {3_000, 4_000}, new long[] {2_000, 3_000}));

        Highlight h = model.highlightProperty().get();
        assertEquals(List.of("2 · 2.0 µs", "3 · 3.0 µs"), labels(h.request()), "means of (1, 3) and (2, 4) µs");
        assertEquals(List.of("2 · 1.5 µs", "3 · 2.0 µs"), labels(h.reply()));
    }

    @Test
    void aNewlySelectedFlowsTablesFollowItsHighlight() {
        List<Runnable> later = new ArrayList<>();
        model.setTablesAfterHighlight(later::add);
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        shown.accept(traffic.handshake(2_000_000));

        model.select(1);

        assertEquals(2, model.highlightProperty().get().request().size(), "the path at once");
        assertEquals(0, model.hopRows().size(), "the tables with the next frame");
        assertEquals(0, model.hopStats().size());
        assertNull(model.selectedDetailProperty().get());
        assertEquals(1, later.size());
        shown.accept(traffic.ping(17146, 2, 3_000_000));
        assertEquals(1, later.size(), "one publication waits, whatever arrives meanwhile");

        later.remove(0).run();

        assertEquals(12, model.hopRows().size(), "both pings' crossings");
        assertEquals(6, model.hopStats().size());
        assertEquals(1, model.selectedDetailProperty().get().flow().flowId());
        shown.accept(traffic.ping(17146, 3, 4_000_000));
        assertTrue(later.isEmpty(), "the flow's next packets go straight to its tables");
        assertEquals(18, model.hopRows().size());

        model.select(2);
        model.clearSelection();
        assertEquals(1, later.size());
        later.remove(0).run();
        assertEquals(0, model.hopRows().size(), "nothing shown for a flow no longer selected");
    }

    @Test
    void packetsOfOtherFlowsLeaveTheSelectionAlone() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        model.select(1);
        Highlight before = model.highlightProperty().get();
        List<HopRow> rows = List.copyOf(model.hopRows());

        shown.accept(traffic.handshake(2_000_000));

        assertSame(before, model.highlightProperty().get());
        assertEquals(rows, model.hopRows());
    }

    @Test
    void clearingTheSelectionShowsThePlainDiagram() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        model.select(1);
        model.mark(VETH);

        model.clearSelection();

        assertSame(Highlight.NONE, model.highlightProperty().get());
        assertNull(model.selectedFlowProperty().get());
        assertEquals(0, model.hopRows().size());
        assertEquals(0, model.hopStats().size());
    }

    @Test
    void selectingAnUnknownFlowClearsTheSelection() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        model.select(1);

        model.select(42);

        assertSame(Highlight.NONE, model.highlightProperty().get());
        assertNull(model.selectedFlowProperty().get());
    }

    @Test
    void hopRowsListTheCrossingsInTimeOrder() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        model.select(1);

        List<String> rows = new ArrayList<>();
        for (HopRow r : model.hopRows()) {
            rows.add(String.join("|", r.offsetText(), r.namespace(), r.interfaceName(), r.hook(), r.direction(),
                    r.route(), Integer.toString(r.length()), r.info(), r.deltaText()));
        }
        assertEquals(List.of(
                "0.0|host|docker0|net_dev_queue|request|172.17.0.1 → 172.17.0.2|98|seq 1|",
                "1.0|host|vetha373ab6|net_dev_queue|request|172.17.0.1 → 172.17.0.2|98|seq 1|1.0",
                "3.0|nj-ctr1|eth0|netif_rx|request|172.17.0.1 → 172.17.0.2|98|seq 1|2.0",
                "9.0|nj-ctr1|eth0|net_dev_queue|reply|172.17.0.2 → 172.17.0.1|98|seq 1|",
                "10.0|host|vetha373ab6|netif_rx|reply|172.17.0.2 → 172.17.0.1|98|seq 1|1.0",
                "11.0|host|docker0|netif_receive_skb_entry|reply|172.17.0.2 → 172.17.0.1|98|seq 1|1.0"), rows);
        assertEquals(ETH0, model.hopRows().get(2).interfaceId());
        assertEquals(Double.NaN, model.hopRows().get(0).deltaUs());
    }

    @Test
    void tcpRowsShowPortsAndFlags() {
        shown.accept(traffic.handshake(1_000_000));
        model.select(1);

        List<String> info = new ArrayList<>();
        for (HopRow r : model.hopRows()) {
            info.add(r.info());
        }
        assertEquals(List.of("[S]", "[S]", "[S]", "[S.]", "[S.]", "[S.]", "[.]", "[.]", "[.]"), info);
        assertEquals("172.17.0.2:80 → 172.17.0.1:40000", model.hopRows().get(3).route());
    }

    @Test
    void theHopTableCanBeFilteredToOneInterface() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        shown.accept(traffic.ping(17146, 2, 2_000_000));
        model.select(1);
        assertEquals(12, model.hopRows().size());

        model.filterToInterface(ETH0);

        assertEquals(ETH0, model.interfaceFilterProperty().get());
        List<String> rows = new ArrayList<>();
        for (HopRow r : model.hopRows()) {
            rows.add(r.interfaceId() + " " + r.direction() + " " + r.info() + " " + r.offsetText());
        }
        assertEquals(List.of(ETH0 + " request seq 1 3.0", ETH0 + " reply seq 1 9.0",
                ETH0 + " request seq 2 1003.0", ETH0 + " reply seq 2 1009.0"), rows,
                "offsets stay relative to the flow's first crossing");

        shown.accept(traffic.ping(17146, 3, 3_000_000));
        assertEquals(6, model.hopRows().size(), "the filter holds for new packets");

        model.clearInterfaceFilter();
        assertEquals(18, model.hopRows().size());
    }

    @Test
    void markingAnInterfaceMarksItInTheHighlightUntilAnotherFlowIsSelected() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        shown.accept(traffic.handshake(2_000_000));
        model.select(1);

        model.mark(VETH);

        assertEquals(Set.of(VETH), model.highlightProperty().get().marked());
        assertEquals(2, model.highlightProperty().get().request().size());

        model.filterToInterface(VETH);
        model.select(2);
        assertEquals(Set.of(), model.highlightProperty().get().marked());
        assertNull(model.interfaceFilterProperty().get());
        assertEquals(9, model.hopRows().size());
    }

    @Test
    void ofEquallyLongPathsTheLatestIsDrawn() {
        String vethB = DiagramGraph.idOf(HOST_NS, 9);
        shown.accept(traffic.trace(List.of(
                echoRequest(1, 0x10, 1_000_000).netns(HOST_NS).dev(3, "docker0", "bridge").build(),
                echoRequest(1, 0x10, 1_001_000).netns(HOST_NS).dev(7, "vetha373ab6", "veth").build(),
                echoRequest(1, 0x10, 1_003_000).netns(CTR_NS).dev(2, "eth0", "veth").hook(Hook.NETIF_RX).build(),
                echoRequest(2, 0x20, 2_000_000).netns(HOST_NS).dev(3, "docker0", "bridge").build(),
                echoRequest(2, 0x20, 2_005_000).netns(HOST_NS).dev(9, "vethb", "veth").build(),
                echoRequest(2, 0x20, 2_006_000).netns(CTR_NS).dev(2, "eth0", "veth").hook(Hook.NETIF_RX).build())));

        model.select(1);

        assertEquals(List.of(new PathEdge(DOCKER0, vethB, 2, "2 · 5.0 µs"),
                new PathEdge(vethB, ETH0, 3, "3 · 1.0 µs")),
                model.highlightProperty().get().request());
        assertEquals(1, model.hopStats().get(1).seen(), "only seq 2 went through vethb");
    }


    @Test
    void theDiagramTheHopTableAndTheStatisticsNumberHopsAlike() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        model.select(1);

        for (PathEdge edge : model.highlightProperty().get().request()) {
            HopStat into = model.hopStats().stream()
                    .filter(s -> s.direction() == PacketDirection.REQUEST && s.hop() == edge.hop())
                    .findFirst().orElseThrow();
            assertEquals(edge.toId(), into.interfaceId(), "edge " + edge.label() + " ends at the tab's hop " + edge.hop());
            assertTrue(edge.label().startsWith(edge.hop() + " · " + Micros.format(into.avgUs())), edge.label());
        }
        List<String> requestNumbers = new ArrayList<>();
        for (HopRow row : model.hopRows()) {
            if (row.hop().direction() == PacketDirection.REQUEST) {
                requestNumbers.add(row.hopNumber() + " " + row.interfaceId());
            }
        }
        List<String> statNumbers = new ArrayList<>();
        for (HopStat s : model.hopStats()) {
            if (s.direction() == PacketDirection.REQUEST) {
                statNumbers.add(s.hop() + " " + s.interfaceId());
            }
        }
        assertEquals(statNumbers, requestNumbers, "the hop table's hop column is the Statistics tab's hop");
    }

    @Test
    void aFloodFasterThanTheWindowKeepsIsShownOneInN() {
        Presented small = new Presented(Traffic.NAMES, io.netjourney.journey.JourneyConfig.defaults()
                .withMaxPacketsPerFlow(4));
        small.accept(traffic.ping(17146, 1, 1_000_000));
        small.view.select(1);
        assertEquals(1, small.view.shownOneInProperty().get(), "every journey shown");
        List<io.netjourney.capture.HopEvent> burst = new ArrayList<>();
        for (int seq = 2; seq <= 21; seq++) {
            burst.addAll(traffic.ping(17146, seq, 1_000_000L * seq));
        }
        small.accept(burst);
        assertEquals(40, small.view.flows().get(0).getPackets() - 2, "40 more packets counted");
        assertEquals(10, small.view.shownOneInProperty().get(), "4 of them kept and shown");
        small.view.clearSelection();
        assertEquals(1, small.view.shownOneInProperty().get());
    }

    private static List<String> labels(List<PathEdge> edges) {
        List<String> labels = new ArrayList<>();
        for (PathEdge e : edges) {
            labels.add(e.label());
        }
        return labels;
    }
}
