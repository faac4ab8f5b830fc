package io.netjourney.ui.feed;

import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the most recent crossings so the window can save them as a trace file: a ring of at most
 * {@link #DEFAULT_CAPACITY} events, the oldest overwritten first. Thread-safe.
 *
 * <p>The events are kept as the kernel's records ({@link HopRecord}, {@link HopRecord#SIZE} bytes each, about 54 MB
 * when full) in arrays allocated as the ring fills, not as objects: 200,000 live events held as objects made the
 * collector copy and mark every one of them into the old generation and collect it there again once overwritten, a
 * full collection of more than a second every few seconds under a flood (BENCHMARKS.md, the window under load).
 * A drop's names, which the record does not carry, are kept beside by reason and by location.
 */
public final class EventRecorder {
    public static final int DEFAULT_CAPACITY = 200_000;
    static final int CHUNK_RECORDS = 4096;
    private static final int CHUNK_BYTES = CHUNK_RECORDS * HopRecord.SIZE;

    private final int capacity;
    private final List<byte[]> chunks = new ArrayList<>();
    private final Map<Integer, String> reasonNames = new HashMap<>();
    private final Map<Long, String> locationNames = new HashMap<>();
    private long total;

    public EventRecorder() {
        this(DEFAULT_CAPACITY);
    }

    public EventRecorder(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(HopEvent event) {
        int slot = (int) (total % capacity);
        int chunk = slot / CHUNK_RECORDS;
        if (chunk == chunks.size()) {
            chunks.add(new byte[Math.min(CHUNK_BYTES, (capacity - slot) * HopRecord.SIZE)]);
        }
        byte[] records = chunks.get(chunk);
        int offset = (slot % CHUNK_RECORDS) * HopRecord.SIZE;
        if (total >= capacity) {
            Arrays.fill(records, offset, offset + HopRecord.SIZE, (byte) 0);
        }
        HopRecord.encode(event, records, offset);
        if (event instanceof Drop drop) {
            if (drop.reasonName() != null) {
                reasonNames.put(drop.reason(), drop.reasonName());
            }
            if (drop.locationName() != null) {
                locationNames.put(drop.location(), drop.locationName());
            }
        }
        total++;
    }

    /** The retained events, oldest first. */
    public synchronized List<HopEvent> snapshot() {
        int kept = (int) Math.min(total, capacity);
        List<HopEvent> events = new ArrayList<>(kept);
        for (long i = total - kept; i < total; i++) {
            int slot = (int) (i % capacity);
            ByteBuffer record = ByteBuffer.wrap(chunks.get(slot / CHUNK_RECORDS),
                    (slot % CHUNK_RECORDS) * HopRecord.SIZE, HopRecord.SIZE);
            HopEvent event = HopRecord.decode(record);
            if (event instanceof Drop drop) {
                event = drop.named(reasonNames.get(drop.reason()), locationNames.get(drop.location()));
            }
            events.add(event);
        }
        return events;
    }

    /** Events seen in all, retained or not. */
    public synchronized long total() {
        return total;
    }

    public synchronized void clear() {
        chunks.clear();
        reasonNames.clear();
        locationNames.clear();
        total = 0;
    }
}
