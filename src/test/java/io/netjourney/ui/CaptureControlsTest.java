package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.CaptureStats;
import org.junit.jupiter.api.Test;

class CaptureControlsTest {

    @Test
    void aBadTokenIsMarkedAndCaptureCannotStart() {
        CaptureControls controls = new CaptureControls(true);
        controls.filterTextProperty().set("tcp prot 80");
        assertFalse(controls.filterValidProperty().get());
        assertEquals(4, controls.errorOffsetProperty().get());
        assertEquals(4, controls.errorLengthProperty().get());
        assertTrue(controls.filterErrorProperty().get().startsWith("column 5: unknown keyword 'prot'"),
                controls.filterErrorProperty().get());
        assertFalse(controls.canStart());

        controls.filterTextProperty().set("tcp port 80");
        assertTrue(controls.filterValidProperty().get());
        assertEquals(-1, controls.errorOffsetProperty().get());
        assertEquals("tcp and port 80", controls.filter().toString());
        assertTrue(controls.canStart());
    }

    @Test
    void withoutRootTheWindowIsAViewerWithABanner() {
        CaptureControls controls = new CaptureControls(false);
        assertEquals(CaptureControls.Mode.VIEWER, controls.modeProperty().get());
        assertTrue(controls.bannerProperty().get().contains("sudo netjourney gui"));
        assertFalse(controls.canStart());
    }

    @Test
    void statusLineShowsRatesAndLostEventsProminently() {
        CaptureControls controls = new CaptureControls(true);
        controls.captureStarted();
        controls.updateStatus(new CaptureStats(100, 0, 0, 0, 100), 1234, 56, 7, 6, 0, 1, 1, "");
        assertEquals("capturing · 1,234 events/s · 56 packets · 7 flows · 0 events lost · 6 hooks",
                controls.statusProperty().get());
        assertFalse(controls.lossWarningProperty().get());

        controls.updateStatus(new CaptureStats(100, 40, 12, 3, 100), 0, 56, 7, 6, 2, 1, 1, "tracepoint net:x missing");
        assertTrue(controls.statusProperty().get().contains(" · 42 events lost · 12 filtered out · 3 without a device"
                + " · "), "the same counters, in the same words, as the command line's summary: "
                + controls.statusProperty().get());
        assertTrue(controls.statusProperty().get().endsWith("tracepoint net:x missing"));
        assertTrue(controls.lossWarningProperty().get());
        controls.captureStopped();
        assertEquals(CaptureControls.Mode.READY, controls.modeProperty().get());
    }

    @Test
    void aFloodShownOneInNJourneysIsSaid() {
        CaptureControls controls = new CaptureControls(true);
        controls.captureStarted();
        controls.updateStatus(new CaptureStats(100, 0, 0, 0, 100), 90_000, 560_000, 7, 9, 0, 1_200, 0, "");
        assertTrue(controls.statusProperty().get().endsWith(
                " · 9 hooks · showing 1 in 1,200 journeys of the selected flow (counts exact)"),
                controls.statusProperty().get());
    }

    @Test
    void aFloodTheKernelSamplesIsSaid() {
        CaptureControls controls = new CaptureControls(true);
        controls.captureStarted();
        controls.updateStatus(new CaptureStats(100, 0, 0, 0, 100), 9_000, 1_000, 3, 9, 0, 1, 50, "");
        assertTrue(controls.statusProperty().get().endsWith(
                " · 9 hooks · a flood: the kernel sends 1 in 50 packets (counts exact)"),
                controls.statusProperty().get());
    }
}
