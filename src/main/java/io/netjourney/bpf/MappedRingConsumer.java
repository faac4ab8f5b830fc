package io.netjourney.bpf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.LockSupport;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Reads a BPF ring buffer map in place ({@link Kind#MAPPED}): its pages are mapped into the process the way the
 * kernel lays them out — the consumer position page read-write, the producer position page and the data read-only,
 * the data mapped twice in a row so that a record never wraps — and records are handed to the handler as a view of
 * the mapped memory. Per record there is no native call and no allocation.
 *
 * <p>Wakeups cost the traced traffic: the kernel wakes the consumer from the CPU that committed the record. It does so
 * only for a record committed when the consumer had caught up, so the consumer publishes its position once per batch
 * (every record the producer position announced), not per record, and after a wakeup it lingers
 * {@link #LINGER_NS} before reading, so that a steady stream costs at most about a thousand wakeups a second rather
 * than one per event; the first record of a quiet spell is delivered that much later. Between batches it sleeps in
 * epoll_wait on the map.
 *
 * <p>While records stream in, the consumer never waits longer than {@link #STREAM_WAIT_MS} ms for a wakeup: the
 * kernel decides whether to wake at commit time from the consumer position it reads then, and a commit that raced
 * with our publishing would otherwise leave its record waiting for the caller's whole timeout. Only after a look that
 * found nothing does it sleep for that timeout.
 */
final class MappedRingConsumer implements RingConsumer {
    private static final int BUSY_BIT = 1 << 31;
    private static final int DISCARD_BIT = 1 << 30;
    private static final int HEADER_BYTES = 8;
    static final long LINGER_NS = 1_000_000;
    static final int STREAM_WAIT_MS = 1;
    static final int MAX_RECORDS_PER_POLL = MAPPED_BATCH;
    /** Largest data size whose double mapping a ByteBuffer can address. */
    static final int MAX_DATA_BYTES = 1 << 29;
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final Native n;
    private final RecordHandler handler;
    private final int pageSize;
    private final long dataBytes;
    private final int epollFd;
    private final Pointer epollEvent;
    private long consumerAddress;
    private long producerAddress;
    private final ByteBuffer consumerPage;
    private final ByteBuffer producerPage;
    /** Both copies of the data; headers are read here. */
    private final ByteBuffer data;
    /** What the handler sees: the same memory, position and limit set per record. */
    private final ByteBuffer record;
    private final long mask;
    private long consumerPos;
    private boolean closed;
    /** Whether the last poll delivered records: the ring is then read at least every {@link #STREAM_WAIT_MS}. */
    private boolean streaming;

    MappedRingConsumer(Native n, int mapFd, long dataBytes, RecordHandler handler) {
        if (dataBytes <= 0 || dataBytes > MAX_DATA_BYTES || Long.bitCount(dataBytes) != 1) {
            throw new IllegalArgumentException("ring buffer of " + dataBytes + " bytes: expected a power of two up to "
                    + MAX_DATA_BYTES);
        }
        this.n = n;
        this.handler = handler;
        this.pageSize = n.libc.getpagesize();
        this.dataBytes = dataBytes;
        this.mask = dataBytes - 1;
        int epoll = -1;
        try {
            consumerAddress = map(mapFd, pageSize, LibC.PROT_READ | LibC.PROT_WRITE, 0);
            producerAddress = map(mapFd, pageSize + 2 * dataBytes, LibC.PROT_READ, pageSize);
            epoll = n.libc.epoll_create1(LibC.EPOLL_CLOEXEC);
            if (epoll < 0) {
                throw BpfObject.error("create epoll instance for the ring buffer", n.lastErrno(), "");
            }
            epollEvent = Memory.allocateDirect(n.runtime, 16); // struct epoll_event: 12 bytes on x86-64, 16 elsewhere
            epollEvent.putInt(0, LibC.EPOLLIN);
            if (n.libc.epoll_ctl(epoll, LibC.EPOLL_CTL_ADD, mapFd, epollEvent) < 0) {
                throw BpfObject.error("watch the ring buffer with epoll", n.lastErrno(), "");
            }
        } catch (RuntimeException e) {
            if (epoll >= 0) {
                n.libc.close(epoll);
            }
            unmap();
            throw e;
        }
        this.epollFd = epoll;
        com.kenai.jffi.MemoryIO memory = com.kenai.jffi.MemoryIO.getInstance();
        consumerPage = memory.newDirectByteBuffer(consumerAddress, pageSize).order(ByteOrder.nativeOrder());
        producerPage = memory.newDirectByteBuffer(producerAddress, pageSize).order(ByteOrder.nativeOrder());
        data = memory.newDirectByteBuffer(producerAddress + pageSize, (int) (2 * dataBytes))
                .order(ByteOrder.nativeOrder());
        record = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        consumerPos = (long) LONG.getAcquire(consumerPage, 0);
    }

    private long map(int fd, long length, int protection, long offset) {
        long address = n.libc.mmap(null, length, protection, LibC.MAP_SHARED, fd, offset).address();
        if (address == -1) {
            throw BpfObject.error("map the ring buffer's memory", n.lastErrno(), "");
        }
        return address;
    }

    @Override
    public synchronized int poll(int timeoutMs) {
        if (closed) {
            throw new IllegalStateException("ring buffer consumer closed");
        }
        int delivered = drain();
        if (delivered > 0) {
            streaming = true;
            return delivered;
        }
        // In a stream, do not count on the wakeup: look again within a millisecond (see the class comment).
        int ready = n.libc.epoll_wait(epollFd, epollEvent, 1, streaming ? Math.min(timeoutMs, STREAM_WAIT_MS)
                : timeoutMs);
        if (ready < 0) {
            int errno = n.lastErrno();
            if (errno != LibC.EINTR) { // a signal arrived: nothing lost
                throw BpfObject.error("wait for the ring buffer", errno, "");
            }
        } else if (ready > 0) {
            LockSupport.parkNanos(LINGER_NS); // while unread, further records wake nobody: they batch up
        }
        delivered = drain();
        streaming = delivered > 0;
        return delivered;
    }

    /**
     * Delivers the committed records (up to {@link #MAX_RECORDS_PER_POLL}), publishing the consumer position after
     * each batch the producer announced.
     */
    private int drain() {
        int delivered = 0;
        long cons = consumerPos;
        try {
            while (delivered < MAX_RECORDS_PER_POLL) {
                long prod = (long) LONG.getAcquire(producerPage, 0);
                if (cons >= prod) {
                    return delivered;
                }
                while (cons < prod && delivered < MAX_RECORDS_PER_POLL) {
                    int offset = (int) (cons & mask);
                    int header = (int) INT.getAcquire(data, offset);
                    if ((header & BUSY_BIT) != 0) {
                        // Reserved, not yet committed. Its commit wakes us only if it reads our position equal to
                        // its own: publish first, then look again, in case it committed before seeing it.
                        publish(cons);
                        header = (int) INT.getAcquire(data, offset);
                        if ((header & BUSY_BIT) != 0) {
                            return delivered;
                        }
                    }
                    int length = header & ~(BUSY_BIT | DISCARD_BIT);
                    cons += (HEADER_BYTES + length + 7) & ~7L;
                    if ((header & DISCARD_BIT) == 0) {
                        int start = offset + HEADER_BYTES;
                        record.limit(start + length).position(start);
                        delivered++;
                        handler.onRecord(record);
                    }
                }
                publish(cons);
            }
            return delivered;
        } finally {
            publish(cons);
        }
    }

    private void publish(long cons) {
        if (cons != consumerPos) {
            consumerPos = cons;
            LONG.setRelease(consumerPage, 0, cons);
            // the producer position is read again after this store: the kernel reads ours after its commit
            VarHandle.fullFence();
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            n.libc.close(epollFd);
            unmap();
        }
    }

    private void unmap() {
        if (producerAddress != 0 && producerAddress != -1) {
            n.libc.munmap(producerAddress, pageSize + 2 * dataBytes);
        }
        if (consumerAddress != 0 && consumerAddress != -1) {
            n.libc.munmap(consumerAddress, pageSize);
        }
        producerAddress = 0;
        consumerAddress = 0;
    }
}
