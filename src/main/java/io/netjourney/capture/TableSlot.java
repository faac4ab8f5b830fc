package io.netjourney.capture;

/** The slot of a two-long key in a table of a power-of-two size, every bit of the key mixed into it. */
final class TableSlot {
    private TableSlot() {
    }

    static int of(long first, long second, int size) {
        long h = first * 0x9E3779B97F4A7C15L + second;
        h ^= h >>> 32;
        h *= 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        return (int) h & (size - 1);
    }
}
