package io.netjourney.journey;

import io.netjourney.capture.Packet;
import java.util.Map;

/**
 * The one table of protocol words (tcpdump's): "icmp", "igmp", "tcp", "udp", "gre", "sctp", ...; the command line's
 * lines, the report and the window all name protocols through it.
 */
public final class ProtocolNames {
    private static final Map<Integer, String> IP_PROTOCOLS = Map.ofEntries(
            Map.entry(1, "icmp"), Map.entry(2, "igmp"), Map.entry(4, "ipip"), Map.entry(6, "tcp"),
            Map.entry(17, "udp"), Map.entry(41, "ipv6"), Map.entry(47, "gre"), Map.entry(50, "esp"),
            Map.entry(51, "ah"), Map.entry(58, "icmp6"), Map.entry(89, "ospf"), Map.entry(103, "pim"),
            Map.entry(112, "vrrp"), Map.entry(132, "sctp"), Map.entry(136, "udplite"));

    private ProtocolNames() {
    }

    /** An IP protocol number's word: "udp", "icmp6", "gre", ..., "ip-proto-N" / "ip6-proto-N". */
    public static String ip(int number, boolean v6) {
        String known = IP_PROTOCOLS.get(number);
        return known != null ? known : (v6 ? "ip6-proto-" : "ip-proto-") + number;
    }

    /** The word for what a flow key is keyed by: an IP protocol's, "arp", or "other" (neither IP nor ARP). */
    public static String of(FlowKey key) {
        if (key.ethertype() == Packet.ETHERTYPE_ARP) {
            return "arp";
        }
        boolean v6 = key.ethertype() == Packet.ETHERTYPE_IPV6;
        if (!v6 && key.ethertype() != Packet.ETHERTYPE_IPV4) {
            return "other";
        }
        return ip(key.protocol(), v6);
    }
}
