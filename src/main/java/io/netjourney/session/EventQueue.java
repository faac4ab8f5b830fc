package io.netjourney.session;

import io.netjourney.capture.HopEvent;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands events from a producer thread (a capture) to the {@link ModelWorker}. Bounded: when the model falls that
 * far behind, further events are dropped and counted (a front end shows the count), so memory stays bounded and
 * nothing is lost silently.
 */
public final class EventQueue {
    public static final int DEFAULT_CAPACITY = 200_000;

    private final ConcurrentLinkedQueue<HopEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;

    public EventQueue() {
        this(DEFAULT_CAPACITY);
    }

    public EventQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Producer side: false (and counted) when full. */
    public boolean offer(HopEvent event) {
        if (size.get() >= capacity) {
            dropped.incrementAndGet();
            return false;
        }
        queue.add(event);
        size.incrementAndGet();
        return true;
    }

    /** Consumer side: moves up to {@code max} events into {@code batch}; returns how many. */
    public int drainTo(List<HopEvent> batch, int max) {
        int moved = 0;
        HopEvent event;
        while (moved < max && (event = queue.poll()) != null) {
            batch.add(event);
            moved++;
        }
        size.addAndGet(-moved);
        return moved;
    }

    public int size() {
        return size.get();
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }
}
