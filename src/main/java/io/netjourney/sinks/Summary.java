package io.netjourney.sinks;

import java.util.Locale;

/**
 * What a trace saw, printed at exit.
 *
 * @param packets     packets seen (a packet's first crossing counts it)
 * @param crossings   device crossings seen
 * @param flows       distinct flows seen
 * @param lostEvents  events the kernel could not deliver (ring buffer full); never hidden
 * @param durationNs  from the first to the last crossing's timestamp, 0 with fewer than two
 */
public record Summary(long packets, long crossings, long flows, long lostEvents, long durationNs) {

    /** JSON field names of the summary object, in output order. */
    public static final String JSON_FIELDS = "packets, crossings, flows, lost_events, duration_ns";

    /** "2 packets, 6 crossings, 1 flow, 0 events lost (0.000123 s)". */
    public String toText() {
        return String.format(Locale.ROOT, "%s, %s, %s, %s lost (%.6f s)", count(packets, "packet"),
                count(crossings, "crossing"), count(flows, "flow"), count(lostEvents, "event"), durationNs / 1e9);
    }

    /** {"summary":{"packets":2,"crossings":6,"flows":1,"lost_events":0,"duration_ns":123000}}. */
    public String toJson() {
        return new JsonBuilder()
                .beginObject("summary")
                .field("packets", packets)
                .field("crossings", crossings)
                .field("flows", flows)
                .field("lost_events", lostEvents)
                .field("duration_ns", durationNs)
                .endObject()
                .build();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
