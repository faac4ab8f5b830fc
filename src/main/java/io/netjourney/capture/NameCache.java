package io.netjourney.capture;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Interns the 16-byte NUL-padded names of records (device names, link kinds): a fixed table of names seen before,
 * keyed by their bytes, so that decoding a known name allocates nothing. The table keeps the latest name per slot,
 * so its size bounds it. Safe to share between threads: a slot holds an immutable entry.
 */
final class NameCache {
    /** Bytes of a name field; the name ends at the first NUL or fills the field. */
    static final int FIELD_SIZE = 16;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private record Entry(long first, long second, String name) {
    }

    private final Entry[] slots;

    /** A table of {@code size} slots, a power of two. */
    NameCache(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        slots = new Entry[size];
    }

    /** The name in the 16 bytes at {@code index} (decoded as UTF-8, up to the first NUL). */
    String name(ByteBuffer b, int index) {
        long first = RecordBytes.i64(b, index);
        long second = RecordBytes.i64(b, index + 8);
        int length = nulIndex(first);
        if (length < 8) {
            first &= below(length);
            second = 0;
        } else {
            length = 8 + nulIndex(second);
            second &= below(length - 8);
        }
        int slot = TableSlot.of(first, second, slots.length);
        Entry entry = slots[slot];
        if (entry != null && entry.first == first && entry.second == second) {
            return entry.name;
        }
        String name = decode(first, second, length);
        slots[slot] = new Entry(first, second, name);
        return name;
    }

    /** The index of the first zero byte of eight little-endian bytes, 8 if none. */
    private static int nulIndex(long bytes) {
        long zeros = (bytes - ONES) & ~bytes & HIGHS;
        return zeros == 0 ? 8 : Long.numberOfTrailingZeros(zeros) >>> 3;
    }

    /** A mask of the lowest {@code count} bytes (0 to 8). */
    private static long below(int count) {
        return count == 8 ? -1L : (1L << (8 * count)) - 1;
    }

    private static String decode(long first, long second, int length) {
        byte[] bytes = new byte[FIELD_SIZE];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (first >>> (8 * i));
            bytes[8 + i] = (byte) (second >>> (8 * i));
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
