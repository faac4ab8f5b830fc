package io.netjourney.capture;

/**
 * Counters of a capture: records the kernel submitted and lost (ring buffer full), crossings the in-kernel filter
 * rejected, packets the hooks saw without a device (not traceable), records the Java side decoded, and while the kernel
 * counts ({@code trace --sample}): matching records counted but not sent (their packet was not sampled) and matching
 * records the kernel could not count (its table of flows was full).
 */
public record CaptureStats(long submitted, long lost, long filtered, long noDevice, long decoded, long sampledOut,
                           long countsFull) {
    public static final CaptureStats EMPTY = new CaptureStats(0, 0, 0, 0, 0);

    /** Of a capture that did not count in the kernel. */
    public CaptureStats(long submitted, long lost, long filtered, long noDevice, long decoded) {
        this(submitted, lost, filtered, noDevice, decoded, 0, 0);
    }

    /** Of a trace file: what it recorded and what its capture lost; nothing was filtered or decoded live. */
    public static CaptureStats recorded(long events, long lost) {
        return new CaptureStats(events, lost, 0, 0, events);
    }

    /** The same, with {@code extraLost} more lost events (those a consumer after the capture had to drop). */
    public CaptureStats plusLost(long extraLost) {
        return new CaptureStats(submitted, lost + extraLost, filtered, noDevice, decoded, sampledOut, countsFull);
    }
}
