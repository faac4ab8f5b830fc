package io.netjourney.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netjourney.capture.HopEvent;
import io.netjourney.journey.JourneyConfig;
import io.netjourney.ui.diagram.Highlight;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class BoundsTest {
    private final Traffic traffic = new Traffic();

    @Test
    void manyFlowsAreCappedAndEvictedRowsLeaveTheList() {
        Presented shown = new Presented(Traffic.NAMES, JourneyConfig.defaults().withMaxFlows(3));
        JourneyViewModel model = shown.view;
        shown.accept(pings(1, 3, 1_000_000));
        FlowRow third = model.flows().get(2);

        shown.accept(pings(4, 5, 2_000_000));

        assertEquals(List.of(3L, 4L, 5L), ids(model));
        assertSame(third, model.flows().get(0));
        assertEquals(5, model.flowsSeenProperty().get());
    }

    @Test
    void rowsEvictedInTheBatchThatAddedThemNeverAppear() {
        Presented shown = new Presented(Traffic.NAMES, JourneyConfig.defaults().withMaxFlows(3));
        JourneyViewModel model = shown.view;
        List<Integer> sizes = new ArrayList<>();
        model.flows().addListener((ListChangeListener<FlowRow>) c -> sizes.add(c.getList().size()));

        shown.accept(pings(1, 10, 1_000_000));

        assertEquals(List.of(8L, 9L, 10L), ids(model));
        assertEquals(List.of(3), sizes, "one list change for the batch");
    }

    @Test
    void theLeastRecentlyActiveFlowGoesFirst() {
        Presented shown = new Presented(Traffic.NAMES, JourneyConfig.defaults().withMaxFlows(3));
        JourneyViewModel model = shown.view;
        shown.accept(pings(1, 3, 1_000_000));

        List<HopEvent> batch = new ArrayList<>(traffic.ping(1, 2, 2_000_000));
        batch.addAll(traffic.ping(4, 1, 2_100_000));
        shown.accept(batch);

        assertEquals(List.of(1L, 3L, 4L), ids(model));
    }

    @Test
    void anEvictedSelectedFlowClearsTheSelection() {
        Presented shown = new Presented(Traffic.NAMES, JourneyConfig.defaults().withMaxFlows(2));
        JourneyViewModel model = shown.view;
        shown.accept(pings(1, 2, 1_000_000));
        model.select(1);

        shown.accept(pings(3, 4, 2_000_000));

        assertNull(model.selectedFlowProperty().get());
        assertSame(Highlight.NONE, model.highlightProperty().get());
    }

    @Test
    void aFlowKeepsItsLatestPacketsButCountsAll() {
        Presented shown = new Presented(Traffic.NAMES, JourneyConfig.defaults().withMaxPacketsPerFlow(2));
        JourneyViewModel model = shown.view;
        for (int seq = 1; seq <= 3; seq++) {
            shown.accept(traffic.ping(1, seq, seq * 1_000_000L));
        }
        model.select(1);

        assertEquals(6, model.flows().get(0).getPackets());
        assertEquals(6, model.hopRows().size(), "seq 3 request and reply only");
        assertEquals("seq 3", model.hopRows().get(0).info());
        assertEquals("0.0", model.hopRows().get(0).offsetText(), "offsets from the first retained crossing");
        assertEquals(1, model.hopStats().get(0).seen());
    }

    private List<HopEvent> pings(int firstId, int lastId, long t) {
        List<HopEvent> hops = new ArrayList<>();
        for (int id = firstId; id <= lastId; id++) {
            hops.addAll(traffic.ping(id, 1, t + id * 100_000L));
        }
        return hops;
    }

    private static List<Long> ids(JourneyViewModel model) {
        List<Long> ids = new ArrayList<>();
        for (FlowRow row : model.flows()) {
            ids.add(row.getId());
        }
        return ids;
    }
}
