package io.netjourney.journey;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP addresses as two longs (high and low 64 bits; IPv4 in the low 32 bits), so keys compare without objects. */
final class Addresses {
    private Addresses() {
    }

    static long high(byte[] address) {
        return address.length == 16 ? bytesToLong(address, 0) : 0;
    }

    static long low(byte[] address) {
        if (address.length == 16) {
            return bytesToLong(address, 8);
        }
        long value = 0;
        for (byte b : address) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    static byte[] bytes(InetAddress address) {
        return address == null ? new byte[0] : address.getAddress();
    }

    /** The address back as text: IPv4 or IPv6 depending on {@code ipv6}. */
    static String format(boolean ipv6, long high, long low) {
        byte[] bytes = new byte[ipv6 ? 16 : 4];
        if (ipv6) {
            longToBytes(high, bytes, 0);
            longToBytes(low, bytes, 8);
        } else {
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) (low >>> (24 - 8 * i));
            }
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static String formatMac(long mac) {
        StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(String.format("%02x", (mac >>> shift) & 0xFF));
        }
        return text.toString();
    }

    private static long bytesToLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static void longToBytes(long value, byte[] bytes, int offset) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }
}
