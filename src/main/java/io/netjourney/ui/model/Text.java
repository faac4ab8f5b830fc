package io.netjourney.ui.model;

import com.google.common.net.InetAddresses;
import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.RouteDecision;
import io.netjourney.journey.DropClass;
import io.netjourney.sinks.Protocols;
import io.netjourney.sinks.Verdicts;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;

/** Short texts for the flows list and hop table, built from one crossing. */
final class Text {
    private static final HexFormat MAC = HexFormat.ofDelimiter(":");

    private Text() {
    }

    /** The command line's words: "icmp", "icmp6", "tcp", "udp", "arp", "igmp", "gre", ...; "other" for non-IP. */
    static String protocol(HopEvent e) {
        String name = Protocols.name(e);
        return name == null ? "other" : name;
    }

    /** "route: table main via 198.51.100.66 dev nj-h-r", "route: table main: network unreachable": as the CLI. */
    static String routing(RouteDecision route) {
        return "route: " + Verdicts.routeText(route);
    }

    static String source(HopEvent e) {
        return e.isIp() || e.isArp() ? endpoint(e.source(), hasPorts(e) ? e.sourcePort() : 0) : mac(e.sourceMac());
    }

    static String destination(HopEvent e) {
        return e.isIp() || e.isArp() ? endpoint(e.destination(), hasPorts(e) ? e.destinationPort() : 0)
                : mac(e.destinationMac());
    }

    /** The source's address alone (a MAC address where not IP or ARP). */
    static String sourceHost(HopEvent e) {
        return e.isIp() || e.isArp() ? endpoint(e.source(), 0) : mac(e.sourceMac());
    }

    /** The destination's address alone (a MAC address where not IP or ARP). */
    static String destinationHost(HopEvent e) {
        return e.isIp() || e.isArp() ? endpoint(e.destination(), 0) : mac(e.destinationMac());
    }

    /**
     * A flow under its conversation: "#17 :40000 → :80" (TCP/UDP, the request's ports), "#3 id 4711" (an echo), else
     * "#5". {@code reply} says that {@code first} went the reply's way.
     */
    static String flowLabel(long flowId, HopEvent first, boolean reply) {
        String number = "#" + flowId;
        if (hasPorts(first)) {
            int from = reply ? first.destinationPort() : first.sourcePort();
            int to = reply ? first.sourcePort() : first.destinationPort();
            return number + " :" + from + " → :" + to;
        }
        if (first.hasTransportHeader() && first.isEcho()) {
            return number + " id " + first.icmpId();
        }
        return number;
    }

    /** "198.51.100.1:40000 → 198.51.100.2:80". */
    static String route(HopEvent e) {
        return source(e) + " → " + destination(e);
    }

    /**
     * "seq 3" for an ICMP/ICMPv6 echo, "port unreachable" (the command line's words) for an ICMP error, "[S.]" for
     * TCP (tcpdump's letters, "[none]"), else "".
     */
    static String info(HopEvent e) {
        if (e instanceof Drop drop) {
            return Verdicts.dropped(drop) + Verdicts.whereAndWhy(drop);
        }
        if (e instanceof RouteDecision route) {
            return routing(route);
        }
        if (!e.hasTransportHeader()) {
            return "";
        }
        if (e.isEcho()) {
            return "seq " + e.icmpSeq();
        }
        if (e.isIcmpError()) {
            return Protocols.icmpError(e.isIcmpv6(), e.icmpType(), e.icmpCode());
        }
        return e.isTcp() ? "[" + Protocols.tcpFlags(e.tcpFlags()) + "]" : "";
    }

    /**
     * {@link #info} in brief: a drop that is normal operation without the hint that says why it is (its location
     * stays: "dropped (expected): NO_SOCKET at ping_rcv+0xb3"); anything else whole.
     */
    static String briefInfo(HopEvent e) {
        if (e instanceof Drop drop && DropClass.of(drop).expected()) {
            return Verdicts.dropped(drop) + (drop.locationName() != null ? " at " + drop.locationName() : "");
        }
        return info(e);
    }

    private static boolean hasPorts(HopEvent e) {
        return e.hasTransportHeader() && (e.isTcp() || e.isUdp());
    }

    private static String endpoint(InetAddress address, int port) {
        if (address == null) {
            return "?";
        }
        String host = InetAddresses.toAddrString(address);
        if (port == 0) {
            return host;
        }
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    /** "02:00:00:00:00:01" from the 48 bits of {@code mac}. */
    private static String mac(long mac) {
        byte[] octets = new byte[6];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = (byte) (mac >>> (40 - 8 * i));
        }
        return MAC.formatHex(octets);
    }
}
