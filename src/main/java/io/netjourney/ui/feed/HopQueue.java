package io.netjourney.ui.feed;

import io.netjourney.journey.TracedHop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands crossings from a producer thread to the FX thread, which drains it once per frame. Bounded: when the
 * window falls that far behind, further crossings are dropped and counted (shown in the status bar), so memory
 * stays bounded and nothing is lost silently.
 */
public final class HopQueue {
    public static final int DEFAULT_CAPACITY = 100_000;

    private final ConcurrentLinkedQueue<TracedHop> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;

    public HopQueue() {
        this(DEFAULT_CAPACITY);
    }

    public HopQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Producer side: false (and counted) when full. */
    public boolean offer(TracedHop hop) {
        if (size.get() >= capacity) {
            dropped.incrementAndGet();
            return false;
        }
        queue.add(hop);
        size.incrementAndGet();
        return true;
    }

    /** Consumer side: moves up to {@code max} crossings into {@code batch}; returns how many. */
    public int drainTo(List<TracedHop> batch, int max) {
        int moved = 0;
        TracedHop hop;
        while (moved < max && (hop = queue.poll()) != null) {
            batch.add(hop);
            moved++;
        }
        size.addAndGet(-moved);
        return moved;
    }

    /** Consumer side: discards what waits (the view was cleared). */
    public void clear() {
        List<TracedHop> discarded = new ArrayList<>();
        while (drainTo(discarded, Integer.MAX_VALUE) > 0) {
            discarded.clear();
        }
    }

    public int size() {
        return size.get();
    }

    public long dropped() {
        return dropped.get();
    }
}
