package io.netjourney.sinks;

import io.netjourney.journey.TracedHop;
import java.util.HashSet;
import java.util.Set;

/** Counts crossings as they are printed or written, for the {@link Summary} at exit. Not thread-safe. */
public final class SummaryCounter {
    private final Set<Long> flows = new HashSet<>();
    private long packets;
    private long crossings;
    private long lostEvents;
    private long firstNs = -1;
    private long lastNs = -1;

    public void add(TracedHop hop) {
        crossings++;
        if (hop.hopIndex() == 0) {
            packets++;
        }
        flows.add(hop.flowId());
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

    public Summary summary() {
        return new Summary(packets, crossings, flows.size(), lostEvents, firstNs < 0 ? 0 : lastNs - firstNs);
    }
}
