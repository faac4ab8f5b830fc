package io.netjourney.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The selected flow's detail, as the time view reads it, follows the selection. */
class SelectedDetailTest {
    private final Traffic traffic = new Traffic();
    private final Presented shown = new Presented(Traffic.NAMES);
    private final JourneyViewModel model = shown.view;

    @Test
    void theDetailArrivesWithTheSelectionAndGoesWithIt() {
        shown.accept(traffic.ping(7, 1, 1_000_000));
        shown.accept(traffic.handshake(2_000_000));
        assertNull(model.selectedDetailProperty().get());
        model.select(2);
        assertEquals(2, model.selectedDetailProperty().get().flow().flowId());
        assertEquals(9, model.selectedDetailProperty().get().events().size(), "the handshake's crossings");
        model.select(1);
        assertEquals(1, model.selectedDetailProperty().get().flow().flowId());
        model.clearSelection();
        assertNull(model.selectedDetailProperty().get());
    }

    @Test
    void namespacesAreNamedAsInTheTables() {
        shown.accept(traffic.ping(7, 1, 1_000_000));
        assertEquals("nj-ctr1", model.namespaceOf(Traffic.CTR_NS));
        assertEquals("host", model.namespaceOf(Traffic.HOST_NS));
    }
}
