package io.netjourney.bench;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Benchmark input as the live consumer sees it: kernel records back to back in direct memory, handed out one at a
 * time through one reused buffer whose position and limit delimit the record. Replays the records round and round;
 * on each round the timestamps move on by the length of a round plus a pause, so a replayed packet is a new one
 * (its predecessor last crossed long before the assembler's link window).
 */
public final class RecordRing {
    private static final long PAUSE_NS = 200_000_000L;
    private static final int TS_OFFSET = 0;

    private final ByteBuffer records;
    private final ByteBuffer view;
    private final long[] timestamps;
    private final long roundNs;
    private final int count;
    private int next;
    private long shiftNs;

    public RecordRing(List<HopEvent> events) {
        count = events.size();
        records = ByteBuffer.allocateDirect(count * HopRecord.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        timestamps = new long[count];
        for (int i = 0; i < count; i++) {
            records.put(i * HopRecord.SIZE, HopRecord.encode(events.get(i)));
            timestamps[i] = events.get(i).timestampNs();
        }
        roundNs = timestamps[count - 1] - timestamps[0] + PAUSE_NS;
        view = records.duplicate();
    }

    public int size() {
        return count;
    }

    /** The next record, timestamps as recorded (decoding only). */
    public ByteBuffer next() {
        int at = advance();
        return view.limit(at + HopRecord.SIZE).position(at);
    }

    /** The next record, its timestamp moved on by the rounds replayed so far. */
    public ByteBuffer nextRetimed() {
        long ts = timestamps[next] + shiftNs;
        int at = advance();
        records.putLong(at + TS_OFFSET, ts);
        return view.limit(at + HopRecord.SIZE).position(at);
    }

    private int advance() {
        int i = next;
        if (++next == count) {
            next = 0;
            shiftNs += roundNs;
        }
        return i * HopRecord.SIZE;
    }
}
