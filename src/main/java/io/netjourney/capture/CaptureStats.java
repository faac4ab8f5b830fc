package io.netjourney.capture;

/**
 * Counters of a capture: records the kernel submitted and lost (ring buffer full), crossings the in-kernel filter
 * rejected, and records the Java side decoded.
 */
public record CaptureStats(long submitted, long lost, long filtered, long decoded) {
    public static final CaptureStats EMPTY = new CaptureStats(0, 0, 0, 0);
}
