package io.netjourney.session;

import java.util.Arrays;

/**
 * The last {@value #SECONDS} seconds of a capture's rates, one sample a second: events per second and events lost
 * per second, for a strip chart. Newest last; negative rates (a counter that went back after a Clear) count as 0.
 * Used on one thread.
 */
public final class RateHistory {
    public static final int SECONDS = 60;

    private final long[] events = new long[SECONDS];
    private final long[] lost = new long[SECONDS];
    /** Where the next sample goes. */
    private int next;
    private int size;

    /** Adds the latest second's figures; the oldest second is forgotten once there are {@value #SECONDS}. */
    public void add(long eventsPerSecond, long lostPerSecond) {
        events[next] = Math.max(0, eventsPerSecond);
        lost[next] = Math.max(0, lostPerSecond);
        next = (next + 1) % SECONDS;
        size = Math.min(SECONDS, size + 1);
    }

    /** Forgets every sample (a new capture, a cleared view). */
    public void clear() {
        next = 0;
        size = 0;
    }

    /** Seconds recorded, at most {@value #SECONDS}. */
    public int size() {
        return size;
    }

    /** Events per second, oldest first. */
    public long[] events() {
        return inOrder(events);
    }

    /** Events lost per second, oldest first. */
    public long[] lost() {
        return inOrder(lost);
    }

    /** The latest second's events per second, 0 before any sample. */
    public long currentEvents() {
        return latest(events);
    }

    public long currentLost() {
        return latest(lost);
    }

    /** The most events in one second of the history. */
    public long peakEvents() {
        return Arrays.stream(inOrder(events)).max().orElse(0);
    }

    public long peakLost() {
        return Arrays.stream(inOrder(lost)).max().orElse(0);
    }

    private long latest(long[] values) {
        return size == 0 ? 0 : values[(next + SECONDS - 1) % SECONDS];
    }

    private long[] inOrder(long[] values) {
        long[] out = new long[size];
        int first = (next - size + SECONDS) % SECONDS;
        for (int i = 0; i < size; i++) {
            out[i] = values[(first + i) % SECONDS];
        }
        return out;
    }
}
