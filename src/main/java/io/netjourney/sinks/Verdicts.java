package io.netjourney.sinks;

import io.netjourney.capture.Drop;
import io.netjourney.capture.RouteDecision;
import io.netjourney.journey.Answer;
import io.netjourney.journey.DropClass;
import java.util.Map;

/**
 * How drops, routing decisions and ICMP errors' answers read, in text and JSON: reason hints, table names, lookup
 * results, "answered: port unreachable from 198.51.100.3 at nj-ctr2".
 */
public final class Verdicts {
    static final int TABLE_DEFAULT = 253;
    /** RT_TABLE_LOCAL: tried first when policy rules exist; a miss there only means "try the next table". */
    static final int TABLE_LOCAL = 255;

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("NETFILTER_DROP", "a firewall rule (nftables/iptables) dropped it"),
            Map.entry("NO_SOCKET", "nothing listens on that port"),
            Map.entry("IP_NOPROTO", "no handler for that IP protocol"),
            Map.entry("NEIGH_FAILED", "the next hop did not answer ARP/neighbour discovery"),
            Map.entry("NEIGH_QUEUEFULL", "too many packets waited for address resolution"),
            Map.entry("IP_NOROUTE", "no route to the destination"),
            Map.entry("IP_OUTNOROUTES", "no route to the destination"),
            Map.entry("IP_INADDRERRORS", "invalid destination address"),
            Map.entry("IP_RPFILTER", "reverse path filter: the source is not routed back through this interface"),
            Map.entry("OTHERHOST", "the frame was addressed to another host's MAC address"),
            Map.entry("PKT_TOO_SMALL", "packet shorter than its headers"),
            Map.entry("TCP_CSUM", "bad TCP checksum"),
            Map.entry("UDP_CSUM", "bad UDP checksum"),
            Map.entry("SOCKET_FILTER", "a socket filter rejected it"),
            Map.entry("SOCKET_RCVBUFF", "the socket's receive buffer was full"),
            Map.entry("QDISC_DROP", "the queueing discipline dropped it (queue full or policy)"),
            Map.entry("FULL_RING", "the device's ring was full"),
            Map.entry("DEV_READY", "the device was down"),
            Map.entry("TC_INGRESS", "a tc ingress filter dropped it"),
            Map.entry("TC_EGRESS", "a tc egress filter dropped it"),
            Map.entry("XDP", "an XDP program dropped it"),
            Map.entry("IPV6DISABLED", "IPv6 is disabled on the interface"),
            Map.entry("UNHANDLED_PROTO", "no handler for that protocol"),
            Map.entry("BRIDGE_INGRESS_STP_STATE", "the bridge port is not forwarding (STP)"),
            Map.entry("NOT_SPECIFIED", "the kernel gave no reason"));

    private Verdicts() {
    }

    /** A short plain-language hint for a drop reason, or null. */
    public static String hint(String reasonName) {
        return reasonName == null ? null : HINTS.get(reasonName);
    }

    /** A routing decision in words: "table main: via 198.51.100.66 dev nj-h-r", "table main: network unreachable". */
    public static String routeText(RouteDecision route) {
        StringBuilder text = new StringBuilder("table ").append(table(route.table())).append(": ");
        if (route.found()) {
            if (route.gateway() != null) {
                text.append("via ").append(Addresses.ip(route.gateway())).append(' ');
            }
            text.append("dev ").append(TextFormatter.printable(route.ifname()));
        } else {
            text.append(routeResult(route));
        }
        return text.toString();
    }

    /** "main", "local", "default" or the number. */
    public static String table(int id) {
        switch (id) {
            case 254:
                return "main";
            case 255:
                return "local";
            case TABLE_DEFAULT:
                return "default";
            default:
                return Integer.toString(id);
        }
    }

    /** The lookup's outcome: "found", "not in this table", "no route", "unreachable", ... */
    public static String routeResult(RouteDecision route) {
        if (route.found()) {
            return "found";
        }
        if (route.notInTable()) {
            return route.table() == TABLE_LOCAL ? "not in this table" : "no route";
        }
        switch (-route.error()) {
            case 101:
                return "network unreachable";
            case 113:
                return "host unreachable";
            case 13:
                return "prohibited";
            case 22:
                return "blackhole";
            default:
                return "error " + route.error();
        }
    }

    /**
     * Whether a route line is worth a line of its own: a result, not the miss in the local table that policy
     * routing tries first. Without policy rules the kernel looks in main only, so a miss there is final.
     */
    public static boolean decisive(RouteDecision route) {
        return !(route.notInTable() && route.table() == TABLE_LOCAL);
    }

    /** The hint for a drop: why it is normal when it is expected ({@link DropClass}), else what its reason means. */
    public static String hint(Drop drop) {
        DropClass dropClass = DropClass.of(drop);
        return dropClass.expected() ? dropClass.why() : hint(drop.reasonName());
    }

    /** A drop's first words: "dropped: NETFILTER_DROP", "dropped (expected): OTHERHOST" (see {@link DropClass}). */
    public static String dropped(Drop drop) {
        return (DropClass.of(drop).expected() ? "dropped (expected): " : "dropped: ") + drop.reasonText();
    }

    /** Where in the kernel and why, after {@link #dropped}: " at nft_do_chain+0x46f (a firewall rule … dropped it)". */
    public static String whereAndWhy(Drop drop) {
        StringBuilder text = new StringBuilder();
        if (drop.locationName() != null) {
            text.append(" at ").append(drop.locationName());
        }
        String hint = hint(drop);
        if (hint != null) {
            text.append(" (").append(hint).append(')');
        }
        return text.toString();
    }

    /**
     * What an ICMP error did to the packet it answers: "answered: port unreachable from 198.51.100.3 at nj-ctr2",
     * "answered: time exceeded from 198.51.100.66 at nj-router".
     *
     * @param netns the name (or inode) of the namespace the error came from ({@link Answer#netnsInode()})
     */
    public static String answered(Answer answer, String netns) {
        return "answered: " + error(answer) + " from " + Addresses.ip(answer.from()) + " at " + netns;
    }

    /** The error of an answer: "port unreachable", "time exceeded", "packet too big", ... */
    public static String error(Answer answer) {
        return Protocols.icmpError(answer.ipv6(), answer.type(), answer.code());
    }
}
