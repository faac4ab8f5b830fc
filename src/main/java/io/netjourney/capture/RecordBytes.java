package io.netjourney.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a record's fields at absolute indexes of a buffer, in the byte order the fields have whatever the buffer's
 * own order: kernel numbers are little endian, addresses in network order (big endian). Neither slices nor moves
 * the buffer, and allocates nothing.
 */
final class RecordBytes {
    private static final VarHandle U16 = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle NET32 = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle NET64 = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private RecordBytes() {
    }

    static int u8(ByteBuffer b, int index) {
        return Byte.toUnsignedInt(b.get(index));
    }

    static int u16(ByteBuffer b, int index) {
        return Short.toUnsignedInt((short) U16.get(b, index));
    }

    static int i32(ByteBuffer b, int index) {
        return (int) I32.get(b, index);
    }

    static long u32(ByteBuffer b, int index) {
        return Integer.toUnsignedLong(i32(b, index));
    }

    static long i64(ByteBuffer b, int index) {
        return (long) I64.get(b, index);
    }

    /** Four bytes in network order: an IPv4 address. */
    static int net32(ByteBuffer b, int index) {
        return (int) NET32.get(b, index);
    }

    /** Eight bytes in network order: half an IPv6 address. */
    static long net64(ByteBuffer b, int index) {
        return (long) NET64.get(b, index);
    }

    /**
     * The unsigned byte at record offset {@code offset} of a little-endian word read at record offset {@code word}
     * (so {@code word <= offset <= word + 7}). With constant offsets the shift folds away.
     */
    static int u8(long bits, int word, int offset) {
        return (int) (bits >>> (8 * (offset - word))) & 0xFF;
    }

    /** The unsigned 16 bits at record offset {@code offset} of a little-endian word read at offset {@code word}. */
    static int u16(long bits, int word, int offset) {
        return (int) (bits >>> (8 * (offset - word))) & 0xFFFF;
    }

    /** The 32 bits at record offset {@code offset} of a little-endian word read at offset {@code word}. */
    static int i32(long bits, int word, int offset) {
        return (int) (bits >>> (8 * (offset - word)));
    }

    /** The unsigned 32 bits at record offset {@code offset} of a little-endian word read at offset {@code word}. */
    static long u32(long bits, int word, int offset) {
        return Integer.toUnsignedLong(i32(bits, word, offset));
    }

    /** Six bytes in network order: a MAC address (read as eight, so two more bytes must follow in the buffer). */
    static long mac(ByteBuffer b, int index) {
        return net64(b, index) >>> 16;
    }
}
