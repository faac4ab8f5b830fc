package io.netjourney.journey;

import io.netjourney.capture.HopEvent;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The chatter of a link rather than traffic someone sends: IGMP, IPv6 neighbour discovery and multicast listener
 * messages, and anything to a link-local multicast group (224.0.0.0/24, ff02::/16). Views may hide such flows.
 */
public final class LinkLocal {
    private static final int IGMP = 2;
    /** ICMPv6 MLD query/report/done (130–132), router/neighbour discovery and redirect (133–137), MLDv2 (143). */
    private static final int MLD_FIRST = 130;
    private static final int ND_LAST = 137;
    private static final int MLDV2_REPORT = 143;

    private LinkLocal() {
    }

    /** Whether a flow that started with {@code first} is link chatter. */
    public static boolean isChatter(HopEvent first) {
        if (first == null || !first.isIp()) {
            return false;
        }
        if (first.isIpv4() && first.l4Protocol() == IGMP) {
            return true;
        }
        if (first.isIcmpv6() && first.hasTransportHeader()) {
            int type = first.icmpType();
            if (type >= MLD_FIRST && type <= ND_LAST || type == MLDV2_REPORT) {
                return true;
            }
        }
        return linkLocalMulticast(first.destination());
    }

    private static boolean linkLocalMulticast(InetAddress destination) {
        byte[] b = destination == null ? null : destination.getAddress();
        if (destination instanceof Inet4Address) {
            return (b[0] & 0xff) == 224 && b[1] == 0 && b[2] == 0;
        }
        if (destination instanceof Inet6Address) {
            return (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x02;
        }
        return false;
    }
}
