package io.netjourney.journey;

import java.net.InetAddress;

/**
 * The bits of IP addresses as two longs (as {@link Addresses} reads them), remembered per address object: the
 * decoder shares one object per address it saw lately, so the bits of such an address are found again without
 * copying its bytes. A fixed table keeping the latest address per slot. Not thread-safe: one per assembler.
 */
final class AddressBits {
    private final InetAddress[] addresses;
    private final long[] highs;
    private final long[] lows;

    /** A table of {@code size} slots, a power of two. */
    AddressBits(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        addresses = new InetAddress[size];
        highs = new long[size];
        lows = new long[size];
    }

    /** The slot that now holds the bits of {@code address} (null: no address, all bits 0). */
    int slotOf(InetAddress address) {
        int slot = System.identityHashCode(address) & (addresses.length - 1);
        if (addresses[slot] != address) {
            byte[] bytes = Addresses.bytes(address);
            addresses[slot] = address;
            highs[slot] = Addresses.high(bytes);
            lows[slot] = Addresses.low(bytes);
        }
        return slot;
    }

    long high(int slot) {
        return highs[slot];
    }

    long low(int slot) {
        return lows[slot];
    }
}
