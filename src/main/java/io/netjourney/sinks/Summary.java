package io.netjourney.sinks;

import io.netjourney.capture.CaptureStats;
import java.util.Locale;

/**
 * What a trace saw, printed at exit.
 *
 * @param packets     packets seen (a packet's first crossing counts it)
 * @param crossings   device crossings seen
 * @param flows       distinct flows seen
 * @param counters    the capture's counters: events lost (ring buffer full; never hidden), filtered out (in the
 *                    kernel or, where it could not, in Java), seen without a device
 * @param durationNs  from the first to the last crossing's timestamp, 0 with fewer than two
 */
public record Summary(long packets, long crossings, long flows, CaptureStats counters, long durationNs) {

    /** JSON field names of the summary object, in output order. */
    public static final String JSON_FIELDS = "packets, crossings, flows, lost_events, filtered, no_device, duration_ns";

    public long lostEvents() {
        return counters.lost();
    }

    /** "2 packets, 6 crossings, 1 flow, 0 events lost (0.000123 s)", with the filtered ones when there were. */
    public String toText() {
        return String.format(Locale.ROOT, "%s, %s, %s, %s (%.6f s)", count(packets, "packet"),
                count(crossings, "crossing"), count(flows, "flow"), String.join(", ", CounterText.parts(counters)),
                durationNs / 1e9);
    }

    /** {"summary":{"packets":2,"crossings":6,"flows":1,"lost_events":0,"filtered":0,"no_device":0,"duration_ns":…}}. */
    public String toJson() {
        JsonBuilder json = new JsonBuilder()
                .beginObject("summary")
                .field("packets", packets)
                .field("crossings", crossings)
                .field("flows", flows)
                .field("lost_events", counters.lost())
                .field("filtered", counters.filtered())
                .field("no_device", counters.noDevice())
                .field("duration_ns", durationNs);
        if (counters.sampledOut() > 0 || counters.countsFull() > 0) {
            json.field("sampled_out", counters.sampledOut()).field("counts_full", counters.countsFull());
        }
        return json.endObject().build();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
