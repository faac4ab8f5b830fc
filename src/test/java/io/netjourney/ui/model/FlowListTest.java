package io.netjourney.ui.model;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netjourney.capture.HopEvent;
import io.netjourney.journey.FlowStatus;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.diagram.Highlight;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class FlowListTest {
    private final Traffic traffic = new Traffic();
    private final Presented shown = new Presented(Traffic.NAMES);
    private final JourneyViewModel model = shown.view;

    @Test
    void aDockerPingIsOneOkFlowWithThreeHops() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));

        assertEquals(1, model.flows().size());
        FlowRow row = model.flows().get(0);
        assertEquals(1, row.getId());
        assertEquals("icmp", row.getProtocol());
        assertEquals("172.17.0.1", row.getSource());
        assertEquals("172.17.0.2", row.getDestination());
        assertEquals(2, row.getPackets());
        assertEquals(3, row.getHops());
        assertEquals(1_000_000 + 3_000 + 6_000 + 2_000, row.getLastSeenNs());
        assertEquals(FlowStatus.OK, row.getState());
    }

    @Test
    void aRequestWithoutReplyIsIncompleteUntilTheReplyArrives() {
        List<HopEvent> ping = traffic.ping(17146, 1, 1_000_000);
        shown.accept(ping.subList(0, 3));
        FlowRow row = model.flows().get(0);
        assertEquals(FlowStatus.INCOMPLETE, row.getState());
        assertEquals(1, row.getPackets());

        shown.accept(ping.subList(3, 6));
        assertSame(row, model.flows().get(0));
        assertEquals(FlowStatus.OK, row.getState());
        assertEquals(2, row.getPackets());
    }

    @Test
    void aTcpHandshakeShowsPortsAndEndsOkAfterTheBareAck() {
        shown.accept(traffic.handshake(1_000_000));

        FlowRow row = model.flows().get(0);
        assertEquals("tcp", row.getProtocol());
        assertEquals("172.17.0.1:40000", row.getSource());
        assertEquals("172.17.0.2:80", row.getDestination());
        assertEquals(3, row.getPackets());
        assertEquals(3, row.getHops());
        assertEquals(FlowStatus.OK, row.getState());
    }

    @Test
    void flowsOtherThanIpShowTheirMacAddresses() {
        shown.accept(traffic.trace(List.of(hop().at(1_000).ethertype(0x88cc).macs(0x02000000000aL, 0x0180c200000eL)
                .build())));

        FlowRow row = model.flows().get(0);
        assertEquals("other", row.getProtocol());
        assertEquals("02:00:00:00:00:0a", row.getSource());
        assertEquals("01:80:c2:00:00:0e", row.getDestination());
    }

    @Test
    void rowsAreUpdatedInPlaceAndNeverReordered() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        shown.accept(traffic.handshake(2_000_000));
        FlowRow icmp = model.flows().get(0);
        FlowRow tcp = model.flows().get(1);
        List<String> changes = new ArrayList<>();
        model.flows().addListener((ListChangeListener<FlowRow>) c -> changes.add(c.toString()));

        shown.accept(traffic.ping(17146, 2, 3_000_000));

        assertEquals(List.of(icmp, tcp), List.copyOf(model.flows()));
        assertEquals(4, icmp.getPackets());
        assertEquals(List.of(), changes, "no list change for an update in place");
    }

    @Test
    void aRowPropertyChangesOncePerBatchNotPerEvent() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        FlowRow row = model.flows().get(0);
        List<Number> packets = new ArrayList<>();
        row.packetsProperty().addListener((o, before, after) -> packets.add(after));

        List<HopEvent> batch = new ArrayList<>(traffic.ping(17146, 2, 2_000_000));
        batch.addAll(traffic.ping(17146, 3, 3_000_000));
        shown.accept(batch);

        assertEquals(List.of(6L), packets);
    }

    @Test
    void countersCountPacketsCrossingsAndFlows() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        shown.accept(traffic.handshake(2_000_000));

        assertEquals(5, model.packetsProperty().get());
        assertEquals(15, model.crossingsProperty().get());
        assertEquals(2, model.flowsSeenProperty().get());
    }

    @Test
    void clearForgetsEverything() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        model.select(1);

        model.clear();

        assertEquals(0, model.flows().size());
        assertEquals(0, model.packetsProperty().get());
        assertEquals(0, model.crossingsProperty().get());
        assertEquals(0, model.flowsSeenProperty().get());
        assertEquals(DiagramGraph.EMPTY, model.graphProperty().get());
        assertEquals(Highlight.NONE, model.highlightProperty().get());
        assertNull(model.selectedFlowProperty().get());
    }
}
