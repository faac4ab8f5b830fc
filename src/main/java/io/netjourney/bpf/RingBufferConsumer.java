package io.netjourney.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.Pointer;

/**
 * Consumes a BPF ring buffer through libbpf's ring_buffer__poll with one callback per record. The handler
 * sees each record as a little-endian ByteBuffer valid only during the call.
 */
public final class RingBufferConsumer implements AutoCloseable {

    /** Receives one record; must not keep the buffer. */
    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(ByteBuffer record);
    }

    private final Native n;
    private final RecordHandler handler;
    /** Held in a field while native code can call it. */
    private final LibBpf.SampleFn callback;
    private Pointer ring;
    private byte[] scratch = new byte[256];
    private RuntimeException failure;

    RingBufferConsumer(Native n, int mapFd, RecordHandler handler) {
        this.n = n;
        this.handler = handler;
        this.callback = this::onSample;
        this.ring = n.bpf.ring_buffer__new(mapFd, callback, null, null);
        if (ring == null) {
            throw BpfObject.error("create ring buffer consumer", n.lastErrno(), "");
        }
    }

    private int onSample(Pointer ctx, Pointer data, long size) {
        try {
            int length = (int) size;
            if (scratch.length < length) {
                scratch = new byte[length];
            }
            data.get(0, scratch, 0, length);
            handler.onRecord(ByteBuffer.wrap(scratch, 0, length).order(ByteOrder.LITTLE_ENDIAN));
            return 0;
        } catch (RuntimeException e) {
            failure = e;
            return -1;
        }
    }

    /**
     * Waits up to timeoutMs for records and delivers them. When the wait ends without a wakeup the ring is
     * read anyway: the kernel skips a wakeup when it believes the consumer is still busy, and records
     * committed in that window would otherwise wait for the next wakeup.
     *
     * @return the number of records consumed
     */
    public synchronized int poll(int timeoutMs) {
        if (ring == null) {
            throw new IllegalStateException("ring buffer consumer closed");
        }
        int rc = n.bpf.ring_buffer__poll(ring, timeoutMs);
        if (rc == 0 && failure == null) {
            rc = n.bpf.ring_buffer__consume(ring);
        }
        if (failure != null) {
            RuntimeException e = failure;
            failure = null;
            throw e;
        }
        if (rc < 0) {
            int errno = -rc;
            if (errno == 4) { // EINTR: a signal arrived, nothing lost
                return 0;
            }
            throw BpfObject.error("poll ring buffer", errno, "");
        }
        return rc;
    }

    @Override
    public synchronized void close() {
        if (ring != null) {
            n.bpf.ring_buffer__free(ring);
            ring = null;
        }
    }
}
