package io.netjourney.filter;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.RouteDecision;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The kernel's view of an event's addresses: nj_hop.addr_family and the saddr/daddr bytes.
 *
 * <p>The kernel records family 6 for every IPv6 packet, but decoding turns IPv4-mapped IPv6 addresses
 * (::ffff:a.b.c.d) into {@link Inet4Address}es; on an IPv6 event those are mapped back to 16 bytes.
 */
final class EventAddresses {
    private EventAddresses() {
    }

    /** nj_hop.addr_family: 4, 6, or 0 when the event carries no addresses. */
    static int family(HopEvent e) {
        InetAddress any = e.source() != null ? e.source() : e.destination();
        if (any == null) {
            return 0;
        }
        return e.isIpv6() || !(any instanceof Inet4Address) ? 6 : 4;
    }

    /** The address as the kernel stored it for the given family; all zero when absent. */
    static byte[] bytes(InetAddress address, int family) {
        byte[] bytes = new byte[family == 4 ? 4 : 16];
        if (address == null) {
            return bytes;
        }
        byte[] raw = address.getAddress();
        if (raw.length == bytes.length) {
            return raw;
        }
        if (raw.length == 4) {
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
            System.arraycopy(raw, 0, bytes, 12, 4);
        }
        return bytes;
    }

    /**
     * A routing decision for a received packet: the kernel made the lookup without protocol or ports, so
     * protocol and port tests pass it (as the kernel side does, see FilterCompiler.passWhenTransportUnknown).
     */
    static boolean transportUnknown(HopEvent e) {
        return e instanceof RouteDecision && e.l4Protocol() == 0;
    }
}
