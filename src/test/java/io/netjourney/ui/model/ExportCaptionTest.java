package io.netjourney.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.ui.diagram.Caption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportCaptionTest {
    private static final Instant EXPORTED = Instant.parse("2025-06-01T12:30:00Z");
    /** The kernel's monotonic clock read 5 000 s when the wall clock read 2025-06-01T12:00:00Z. */
    private static final long AHEAD = Instant.parse("2025-06-01T12:00:00Z").getEpochSecond() * 1_000_000_000L
            - 5_000_000_000_000L;

    @Test
    void aLiveFlowIsCaptionedWithItsWallClockSpanFilterAndHost() {
        ExportCaption.Shown shown = new ExportCaption.Shown("flow 3 · icmp 198.51.100.2 → 198.51.100.3", 12,
                5_000_120_000_000L, 5_002_250_000_000L, 5_000_000_000_000L);
        Caption caption = ExportCaption.of(shown, ExportCaption.Origin.live("icmp", "lab-machine", AHEAD), EXPORTED,
                ZoneOffset.UTC);
        assertEquals("flow 3 · icmp 198.51.100.2 → 198.51.100.3", caption.title());
        assertEquals(List.of("time: 2025-06-01 12:00:00.120 to 12:00:02.250 Z (2.130 s)", "filter: icmp",
                "host: lab-machine", "exported 2025-06-01 12:30:00 Z by netjourney"), caption.facts());
    }

    @Test
    void allFlowsOfATraceFileCountFromItsFirstCrossingAndNameTheFile() {
        ExportCaption.Shown shown = new ExportCaption.Shown(null, 17, 1_000, 4_501_000_000L, 1_000);
        Caption caption = ExportCaption.of(shown, ExportCaption.Origin.file("lab-pings.njt"), EXPORTED,
                ZoneId.of("Europe/Berlin"));
        assertEquals("all flows (17 flows)", caption.title());
        assertEquals(List.of("time: +0.000 s to +4.501 s into the trace (4.501 s)", "trace file: lab-pings.njt",
                "exported 2025-06-01 14:30:00 CEST by netjourney"), caption.facts());
    }

    @Test
    void nothingShownAndNoFilterSaySo() {
        ExportCaption.Shown shown = new ExportCaption.Shown(null, 1, Long.MIN_VALUE, 0, Long.MIN_VALUE);
        Caption caption = ExportCaption.of(shown, ExportCaption.Origin.live("  ", "h", 0), EXPORTED, ZoneOffset.UTC);
        assertEquals("all flows (1 flow)", caption.title());
        assertEquals("time: nothing captured yet", caption.facts().get(0));
        assertEquals("filter: all IP traffic", caption.facts().get(1));
    }

    @Test
    void shortSpansAreInMicrosecondsOrMilliseconds() {
        ExportCaption.Origin file = ExportCaption.Origin.file("t.njt");
        assertEquals("time: +0.000 s to +0.000 s into the trace (412 µs)", ExportCaption.of(
                new ExportCaption.Shown("f", 1, 0, 412_300, 0), file, EXPORTED, ZoneOffset.UTC).facts().get(0));
        assertEquals("time: +0.000 s to +0.012 s into the trace (12.3 ms)", ExportCaption.of(
                new ExportCaption.Shown("f", 1, 0, 12_340_000, 0), file, EXPORTED, ZoneOffset.UTC).facts().get(0));
    }

    @Test
    void aSpanOverMidnightNamesBothDays() {
        long midnight = Instant.parse("2025-06-02T00:00:00Z").getEpochSecond() * 1_000_000_000L - AHEAD;
        ExportCaption.Shown shown = new ExportCaption.Shown("f", 1, midnight - 1_000_000_000L,
                midnight + 500_000_000L, 0);
        Caption caption = ExportCaption.of(shown, ExportCaption.Origin.live("icmp", "h", AHEAD), EXPORTED,
                ZoneOffset.UTC);
        assertEquals("time: 2025-06-01 23:59:59.000 to 2025-06-02 00:00:00.500 Z (1.500 s)", caption.facts().get(0));
    }
}
