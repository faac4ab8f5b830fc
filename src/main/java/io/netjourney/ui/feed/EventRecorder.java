package io.netjourney.ui.feed;

import io.netjourney.capture.HopEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the most recent crossings so the window can save them as a trace file: a ring of at most
 * {@link #DEFAULT_CAPACITY} events (about 40 MB), the oldest overwritten first. Thread-safe.
 */
public final class EventRecorder {
    public static final int DEFAULT_CAPACITY = 200_000;

    private final HopEvent[] ring;
    private long total;

    public EventRecorder() {
        this(DEFAULT_CAPACITY);
    }

    public EventRecorder(int capacity) {
        this.ring = new HopEvent[capacity];
    }

    public synchronized void add(HopEvent event) {
        ring[(int) (total % ring.length)] = event;
        total++;
    }

    /** The retained events, oldest first. */
    public synchronized List<HopEvent> snapshot() {
        int kept = (int) Math.min(total, ring.length);
        List<HopEvent> events = new ArrayList<>(kept);
        for (long i = total - kept; i < total; i++) {
            events.add(ring[(int) (i % ring.length)]);
        }
        return events;
    }

    /** Events seen in all, retained or not. */
    public synchronized long total() {
        return total;
    }

    public synchronized void clear() {
        Arrays.fill(ring, null);
        total = 0;
    }
}
