package io.netjourney.journey;

/**
 * How many of a flow's journeys a view could show between two of its details: the model counts every packet, but
 * keeps only the latest {@link JourneyConfig#maxPacketsPerFlow()} of a flow, so when a flood's packets arrive faster
 * than details are taken, a view shows one in several. Pure arithmetic on the model's exact counts.
 */
public final class DisplaySampling {
    private DisplaySampling() {
    }

    /**
     * The N of "one in N journeys" from {@code previous} to {@code now}, details of the same flow (1 when every
     * packet seen in between is retained in {@code now}, or when the two are of different flows).
     */
    public static long oneIn(FlowDetail previous, FlowDetail now) {
        if (previous == null || previous.flow().flowId() != now.flow().flowId()) {
            return 1;
        }
        long seen = now.flow().summary().packets() - previous.flow().summary().packets();
        if (seen <= 0) {
            return 1;
        }
        long shownBefore = latestPacket(previous);
        long shown = now.events().stream().filter(e -> e.netfilter() == null)
                .mapToLong(e -> e.hop().packetId()).filter(id -> id > shownBefore).distinct().count();
        return Math.max(1, Math.round((double) seen / Math.max(1, shown)));
    }

    private static long latestPacket(FlowDetail detail) {
        long latest = 0;
        for (FlowEvent e : detail.events()) {
            latest = Math.max(latest, e.hop().packetId());
        }
        return latest;
    }
}
