package io.netjourney.capture;

/**
 * Counters of a capture: records the kernel submitted and lost (ring buffer full), crossings the in-kernel filter
 * rejected, packets the hooks saw without a device (not traceable), and records the Java side decoded.
 */
public record CaptureStats(long submitted, long lost, long filtered, long noDevice, long decoded) {
    public static final CaptureStats EMPTY = new CaptureStats(0, 0, 0, 0, 0);

    /** Of a trace file: what it recorded and what its capture lost; nothing was filtered or decoded live. */
    public static CaptureStats recorded(long events, long lost) {
        return new CaptureStats(events, lost, 0, 0, events);
    }

    /** The same, with {@code extraLost} more lost events (those a consumer after the capture had to drop). */
    public CaptureStats plusLost(long extraLost) {
        return new CaptureStats(submitted, lost + extraLost, filtered, noDevice, decoded);
    }
}
