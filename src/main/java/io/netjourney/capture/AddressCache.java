package io.netjourney.capture;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Interns the IP addresses of records: a fixed table per family of addresses seen before, keyed by their bits, so
 * that decoding a known address allocates nothing. The table keeps the latest address per slot, so its size bounds
 * it. Safe to share between threads: a slot holds an immutable entry. The addresses handed out are shared, so no
 * caller may ask them for a host name (that would be cached in the shared object).
 */
final class AddressCache {
    private record Entry(long high, long low, InetAddress address) {
    }

    private final Entry[] ipv4;
    private final Entry[] ipv6;

    /** Tables of {@code size} slots per family, a power of two. */
    AddressCache(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        ipv4 = new Entry[size];
        ipv6 = new Entry[size];
    }

    /** The IPv4 address whose bits (network order) are {@code address}. */
    InetAddress ipv4(int address) {
        long low = Integer.toUnsignedLong(address);
        int slot = TableSlot.of(0, low, ipv4.length);
        Entry entry = ipv4[slot];
        if (entry != null && entry.low == low) {
            return entry.address;
        }
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        InetAddress made = make(bytes);
        ipv4[slot] = new Entry(0, low, made);
        return made;
    }

    /**
     * The IPv6 address whose high and low 64 bits (network order) are given; an IPv4-mapped address stays an
     * {@link Inet6Address}, as the kernel recorded it.
     */
    InetAddress ipv6(long high, long low) {
        int slot = TableSlot.of(high, low, ipv6.length);
        Entry entry = ipv6[slot];
        if (entry != null && entry.high == high && entry.low == low) {
            return entry.address;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        InetAddress made = make(bytes);
        ipv6[slot] = new Entry(high, low, made);
        return made;
    }

    private static InetAddress make(byte[] bytes) {
        try {
            return bytes.length == 4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("address of " + bytes.length + " bytes", e);
        }
    }
}
