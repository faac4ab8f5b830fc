package io.netjourney.bpf;

import java.nio.ByteBuffer;

/** Reads the records of a BPF ring buffer map and hands each to a {@link RecordHandler}. One thread polls. */
public interface RingConsumer extends AutoCloseable {

    /**
     * Records a {@link Kind#MAPPED} poll delivers at most, so that a sustained flood still lets its caller report,
     * stop and change the kernel's sampling within tens of milliseconds (a window takes a few µs a record).
     */
    int MAPPED_BATCH = 8_192;

    /** How records leave the ring. */
    enum Kind {
        /**
         * The ring's pages mapped into the JVM and read in place: no native call per record; at most
         * {@link #MAPPED_BATCH} records a poll.
         */
        MAPPED,
        /** libbpf's ring_buffer__poll with a callback into Java per record (the fallback, for comparison). */
        LIBBPF
    }

    /**
     * Receives one record as a little-endian buffer whose position and limit delimit it. The buffer is only
     * valid during the call and is reused for the next record: read it, never keep it.
     */
    @FunctionalInterface
    interface RecordHandler {
        void onRecord(ByteBuffer record);
    }

    /**
     * Delivers the records waiting in the ring; when there are none, waits up to timeoutMs for some. Even when
     * the wait ends without a wakeup the ring is read again: the kernel skips a wakeup when it believes the
     * consumer is still busy, and records committed in that window would otherwise wait for the next one.
     *
     * @return the number of records delivered
     */
    int poll(int timeoutMs);

    @Override
    void close();
}
