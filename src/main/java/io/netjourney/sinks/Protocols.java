package io.netjourney.sinks;

import io.netjourney.capture.HopEvent;
import io.netjourney.journey.ProtocolNames;
import java.util.Map;

/**
 * Names of protocols, ICMP types and TCP flags, tcpdump-like; shared by the text and JSON lines. IP protocol numbers
 * are named by {@link ProtocolNames}.
 */
public final class Protocols {
    static final int ICMP_ECHO_REPLY = 0;
    static final int ICMP_UNREACHABLE = 3;
    static final int ICMP_ECHO_REQUEST = 8;
    static final int ICMP6_UNREACHABLE = 1;
    static final int ICMP6_ECHO_REQUEST = 128;
    static final int ICMP6_ECHO_REPLY = 129;
    static final int ARP_REQUEST = 1;
    static final int ARP_REPLY = 2;

    private static final Map<Integer, String> ICMP_TYPES = Map.ofEntries(
            Map.entry(0, "echo-reply"), Map.entry(3, "unreachable"), Map.entry(4, "source-quench"),
            Map.entry(5, "redirect"), Map.entry(8, "echo-request"), Map.entry(9, "router-advert"),
            Map.entry(10, "router-solicit"), Map.entry(11, "time-exceeded"), Map.entry(12, "parameter-problem"),
            Map.entry(13, "timestamp-request"), Map.entry(14, "timestamp-reply"));

    private static final Map<Integer, String> ICMP_UNREACHABLE_CODES = Map.ofEntries(
            Map.entry(0, "net-unreachable"), Map.entry(1, "host-unreachable"),
            Map.entry(2, "protocol-unreachable"), Map.entry(3, "port-unreachable"),
            Map.entry(4, "frag-needed"), Map.entry(5, "source-route-failed"), Map.entry(6, "net-unknown"),
            Map.entry(7, "host-unknown"), Map.entry(9, "net-prohibited"), Map.entry(10, "host-prohibited"),
            Map.entry(13, "admin-prohibited"));

    private static final Map<Integer, String> ICMP6_TYPES = Map.ofEntries(
            Map.entry(1, "unreachable"), Map.entry(2, "packet-too-big"), Map.entry(3, "time-exceeded"),
            Map.entry(4, "parameter-problem"), Map.entry(128, "echo-request"), Map.entry(129, "echo-reply"),
            Map.entry(130, "mld-query"), Map.entry(131, "mld-report"), Map.entry(132, "mld-done"),
            Map.entry(133, "router-solicit"), Map.entry(134, "router-advert"), Map.entry(135, "neighbor-solicit"),
            Map.entry(136, "neighbor-advert"), Map.entry(137, "redirect"), Map.entry(143, "mld2-report"));

    private static final Map<Integer, String> ICMP6_UNREACHABLE_CODES = Map.ofEntries(
            Map.entry(0, "no-route"), Map.entry(1, "admin-prohibited"), Map.entry(2, "beyond-scope"),
            Map.entry(3, "address-unreachable"), Map.entry(4, "port-unreachable"));

    /** TCP flag bits in tcpdump's print order, and its letters for them. */
    private static final int[] TCP_FLAG_BITS = {0x02, 0x01, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80};
    private static final char[] TCP_FLAG_LETTERS = {'S', 'F', 'R', 'P', '.', 'U', 'E', 'W'};

    private Protocols() {
    }

    /** The TCP flags as tcpdump prints them: "S", "S.", "P.", "F.", "R", or "none". */
    public static String tcpFlags(int bits) {
        StringBuilder out = new StringBuilder(8);
        for (int i = 0; i < TCP_FLAG_BITS.length; i++) {
            if ((bits & TCP_FLAG_BITS[i]) != 0) {
                out.append(TCP_FLAG_LETTERS[i]);
            }
        }
        return out.length() == 0 ? "none" : out.toString();
    }

    /**
     * The protocol word of a crossing: "tcp", "udp", "icmp", "icmp6", "arp", another IP protocol by name
     * ("gre", "sctp", ...) or "ip-proto-N" / "ip6-proto-N"; null for other ethertypes.
     */
    public static String name(HopEvent e) {
        if (e.isArp()) {
            return "arp";
        }
        if (!e.isIp()) {
            return null;
        }
        return ipProtocol(e.l4Protocol(), e.isIpv6());
    }

    /** An IP protocol number's word: "udp", "icmp6", "gre", ..., "ip-proto-N" / "ip6-proto-N". */
    static String ipProtocol(int number, boolean v6) {
        return ProtocolNames.ip(number, v6);
    }

    /**
     * "echo-request", "time-exceeded", ...; for unreachables the code's name when known ("port-unreachable",
     * "admin-prohibited"); null for unknown types.
     */
    static String icmpName(HopEvent e) {
        return icmpName(e.isIcmpv6(), e.icmpType(), e.icmpCode());
    }

    /** {@link #icmpName(HopEvent)} of an ICMP ({@code ipv6} false) or ICMPv6 type and code. */
    static String icmpName(boolean v6, int type, int code) {
        String typeName = (v6 ? ICMP6_TYPES : ICMP_TYPES).get(type);
        if (typeName != null && type == (v6 ? ICMP6_UNREACHABLE : ICMP_UNREACHABLE)) {
            return (v6 ? ICMP6_UNREACHABLE_CODES : ICMP_UNREACHABLE_CODES).getOrDefault(code, typeName);
        }
        return typeName;
    }

    /**
     * {@link #icmpName} with the code where the name does not say it: "port-unreachable", "echo-request",
     * "time-exceeded code 1", "unreachable code 8", "type 42 code 0".
     */
    static String icmpText(HopEvent e) {
        return icmpText(e.isIcmpv6(), e.icmpType(), e.icmpCode());
    }

    private static String icmpText(boolean v6, int type, int code) {
        String name = icmpName(v6, type, code);
        if (name == null) {
            return "type " + type + " code " + code;
        }
        boolean codeNamed = type == (v6 ? ICMP6_UNREACHABLE : ICMP_UNREACHABLE) && !name.equals("unreachable");
        return codeNamed || code == 0 ? name : name + " code " + code;
    }

    /**
     * An ICMP ({@code v6} false) or ICMPv6 error in words, the names above without their hyphens: "port unreachable",
     * "host unreachable", "time exceeded", "packet too big", "parameter problem", "unreachable code 8".
     */
    public static String icmpError(boolean v6, int type, int code) {
        return icmpText(v6, type, code).replace('-', ' ');
    }

    /** "request", "reply" or "op-N". */
    static String arpOp(int op) {
        switch (op) {
            case ARP_REQUEST:
                return "request";
            case ARP_REPLY:
                return "reply";
            default:
                return "op-" + op;
        }
    }
}
