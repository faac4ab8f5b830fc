package io.netjourney.sinks;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/** Printable forms of addresses, shared by the text and JSON lines. */
final class Addresses {
    private Addresses() {
    }

    /** "198.51.100.1", "2001:db8::1" (RFC 5952), or "?" when the kernel gave none. */
    static String ip(InetAddress address) {
        return address == null ? "?" : InetAddresses.toAddrString(address);
    }

    /** "198.51.100.1:80", "[2001:db8::1]:80". */
    static String endpoint(InetAddress address, int port) {
        String ip = ip(address);
        return (address instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** "02:00:00:00:00:01" from the 48 bits of {@code mac}. */
    static String mac(long mac) {
        StringBuilder out = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (out.length() > 0) {
                out.append(':');
            }
            int octet = (int) (mac >>> shift) & 0xFF;
            out.append(Character.forDigit(octet >> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
        }
        return out.toString();
    }

    /** "0x0800": an ethertype as four hex digits. */
    static String ethertype(int ethertype) {
        return String.format(Locale.ROOT, "0x%04x", ethertype);
    }
}
