package io.netjourney.sinks;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A stream read through a window that looks ahead of the position without consuming, so a reader can try a frame
 * where it starts and, if it is bad, try again one byte further. Knows the position's offset in the stream.
 */
final class Lookahead implements Closeable {
    private static final int INITIAL_SIZE = 64 * 1024;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_SIZE];
    private int start;
    private int end;
    private long offset;
    private boolean atEnd;

    Lookahead(InputStream in) {
        this.in = in;
    }

    /** Buffers up to {@code n} bytes from the position; returns how many are there (fewer at the stream's end). */
    int fill(int n) throws IOException {
        if (end - start < n && !atEnd) {
            makeRoom(n);
            while (end - start < n) {
                int read = in.read(buffer, end, buffer.length - end);
                if (read < 0) {
                    atEnd = true;
                    break;
                }
                end += read;
            }
        }
        return Math.min(n, end - start);
    }

    private void makeRoom(int n) {
        if (buffer.length - start >= n) {
            return;
        }
        byte[] target = buffer.length >= n ? buffer : new byte[Math.max(n, 2 * buffer.length)];
        System.arraycopy(buffer, start, target, 0, end - start);
        buffer = target;
        end -= start;
        start = 0;
    }

    /** The byte {@code at} bytes after the position (buffered by {@link #fill}). */
    byte get(int at) {
        return buffer[start + at];
    }

    /** A little-endian view of {@code length} buffered bytes from {@code at}: valid until the next {@link #fill}. */
    ByteBuffer slice(int at, int length) {
        return ByteBuffer.wrap(buffer, start + at, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Consumes {@code n} buffered bytes. */
    void skip(int n) {
        start += n;
        offset += n;
    }

    /** Consumes the rest of the stream; returns how many bytes that was. */
    long skipToEnd() throws IOException {
        long skipped = 0;
        while (fill(buffer.length) > 0) {
            int n = end - start;
            skip(n);
            skipped += n;
        }
        return skipped;
    }

    /** The position's offset in the stream. */
    long offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
