package io.netjourney.sinks;

import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Crossing;
import io.netjourney.journey.TracedHop;

/**
 * Counts crossings as they are printed or written, for the {@link Summary} at exit. Flow ids come from one
 * journey assembler, which numbers flows 1, 2, 3, ...: the highest id seen is the number of flows, so nothing
 * grows with the run. Not thread-safe.
 */
public final class SummaryCounter {
    private long flows;
    private long packets;
    private long crossings;
    private long lostEvents;
    private long firstNs = -1;
    private long lastNs = -1;

    /** Counts a crossing; drops and routing decisions are shown but are not crossings. */
    public void add(TracedHop hop) {
        if (!(hop.event() instanceof Crossing)) {
            return;
        }
        crossings++;
        if (hop.hopIndex() == 0) {
            packets++;
        }
        flows = Math.max(flows, hop.flowId());
        long ts = hop.event().timestampNs();
        if (firstNs < 0 || ts < firstNs) {
            firstNs = ts;
        }
        lastNs = Math.max(lastNs, ts);
    }

    /** The kernel's running total of lost events (it only grows; a smaller value is ignored). */
    public void lostEvents(long total) {
        lostEvents = Math.max(lostEvents, total);
    }

    /** The summary so far, with the capture's counters (lost: the larger of theirs and what was reported here). */
    public Summary summary(CaptureStats counters) {
        CaptureStats withLost = counters.lost() >= lostEvents ? counters : counters.plusLost(lostEvents - counters.lost());
        return new Summary(packets, crossings, flows, withLost, firstNs < 0 ? 0 : lastNs - firstNs);
    }

    /** The summary so far, of what was counted here only. */
    public Summary summary() {
        return summary(CaptureStats.EMPTY);
    }
}
