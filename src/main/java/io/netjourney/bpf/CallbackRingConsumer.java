package io.netjourney.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.Pointer;

/**
 * Consumes a BPF ring buffer through libbpf's ring_buffer__poll with one callback per record ({@link Kind#LIBBPF}):
 * each record is copied out of native memory into a reused heap buffer.
 */
final class CallbackRingConsumer implements RingConsumer {

    private final Native n;
    private final RecordHandler handler;
    /** Held in a field while native code can call it. */
    private final LibBpf.SampleFn callback;
    private Pointer ring;
    private byte[] scratch = new byte[256];
    private ByteBuffer view = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN);
    private RuntimeException failure;

    CallbackRingConsumer(Native n, int mapFd, RecordHandler handler) {
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
                view = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN);
            }
            data.get(0, scratch, 0, length);
            view.limit(length).position(0);
            handler.onRecord(view);
            return 0;
        } catch (RuntimeException e) {
            failure = e;
            return -1;
        }
    }

    @Override
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
