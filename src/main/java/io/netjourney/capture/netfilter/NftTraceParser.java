package io.netjourney.capture.netfilter;

import com.google.common.net.InetAddresses;
import io.netjourney.capture.Crossing;
import io.netjourney.capture.Device;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Packet;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines of {@code nft monitor trace} for one namespace. A trace starts with a "packet:" line giving the
 * packet's headers, then one line per rule that matched and the chain's policy; a rule with a terminal verdict,
 * or the policy, ends the packet's walk through that chain. Lines of our own tracing table are skipped.
 */
final class NftTraceParser {
    private static final Pattern LINE = Pattern.compile(
            "^trace id (\\w+) (\\S+) (\\S+) (\\S+) (packet: (.*)|rule (.*) \\(verdict (\\w+)[^)]*\\)|policy (\\w+))\\s*$");
    private static final Pattern FIELD = Pattern.compile(
            "(iif|oif) \"([^\"]*)\"|ip6? (saddr|daddr) (\\S+)|(?:ip protocol|ip6 nexthdr) (\\w[\\w-]*)"
                    + "|(tcp|udp) (sport|dport) (\\d+)|icmp(?:v6)? (type|id|sequence) ([\\w-]+)");
    private static final int MAX_TRACES = 4096;

    private final long netnsInode;
    private final String ownTable;
    private final Map<String, Traced> packets = new HashMap<>();

    /** A "packet:" line: the device it names and the packet as a crossing there, null without addresses. */
    private record Traced(String device, Crossing crossing) {
    }

    NftTraceParser(long netnsInode, String ownTable) {
        this.netnsInode = netnsInode;
        this.ownTable = ownTable;
    }

    /** The verdict a line reports, if it is one (not our own table's, not a "continue"). */
    Optional<NetfilterVerdict> accept(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches() || m.group(3).equals(ownTable)) {
            return Optional.empty();
        }
        String id = m.group(1);
        if (m.group(6) != null) {
            if (packets.size() > MAX_TRACES) {
                packets.clear();
            }
            packets.put(id, packet(m.group(6)));
            return Optional.empty();
        }
        String verdict = m.group(8) != null ? m.group(8) : m.group(9);
        if (verdict.equals("continue") || verdict.equals("jump") || verdict.equals("goto")
                || verdict.equals("return")) {
            return Optional.empty();
        }
        Traced packet = packets.getOrDefault(id, new Traced("", null));
        String rule = m.group(7) != null ? m.group(7) : "policy";
        return Optional.of(new NetfilterVerdict(netnsInode, m.group(2), m.group(3), m.group(4), rule, verdict,
                packet.device(), packet.crossing()));
    }

    private Traced packet(String fields) {
        Matcher f = FIELD.matcher(fields);
        String device = "";
        InetAddress source = null;
        InetAddress destination = null;
        int protocol = 0;
        int sport = 0;
        int dport = 0;
        int icmpType = 0;
        int icmpId = 0;
        int icmpSeq = 0;
        while (f.find()) {
            if (f.group(1) != null && device.isEmpty()) {
                device = f.group(2);
            } else if (f.group(3) != null) {
                InetAddress address = address(f.group(4));
                if (f.group(3).equals("saddr")) {
                    source = address;
                } else {
                    destination = address;
                }
            } else if (f.group(5) != null) {
                protocol = protocol(f.group(5));
            } else if (f.group(6) != null) {
                protocol = f.group(6).equals("tcp") ? Packet.PROTO_TCP : Packet.PROTO_UDP;
                int port = Integer.parseInt(f.group(8));
                if (f.group(7).equals("sport")) {
                    sport = port;
                } else {
                    dport = port;
                }
            } else if (f.group(9) != null) {
                int value = icmpValue(f.group(10));
                switch (f.group(9)) {
                    case "type":
                        icmpType = value;
                        break;
                    case "id":
                        icmpId = value;
                        break;
                    default:
                        icmpSeq = value;
                }
            }
        }
        if (source == null || destination == null) {
            return new Traced(device, null);
        }
        boolean v6 = source.getAddress().length == 16;
        if (protocol == 0 && fields.contains("icmpv6 ")) {
            protocol = Packet.PROTO_ICMPV6;
        }
        if (protocol == Packet.PROTO_ICMPV6 && (icmpType == 8 || icmpType == 0)) {
            icmpType = icmpType == 8 ? 128 : 129; // nft names ICMPv6 echoes like ICMP's
        }
        Packet packet = new Packet(0, 0, v6 ? Packet.ETHERTYPE_IPV6 : Packet.ETHERTYPE_IPV4, 0, Packet.FLAG_NO_MAC,
                source, destination, protocol, 0, 0, 0, sport, dport, 0, 0, 0, icmpType, 0, icmpId, icmpSeq, 0, 0, 0,
                null);
        // the crossing of the device the trace names, in the namespace whose firewall decided
        Device at = new Device(netnsInode, 0, 0, device, "", 1, 0);
        return new Traced(device, new Crossing(0, 0, Hook.NET_DEV_QUEUE, 0, at, packet, 0));
    }

    private static int protocol(String name) {
        switch (name) {
            case "icmp":
                return Packet.PROTO_ICMP;
            case "tcp":
                return Packet.PROTO_TCP;
            case "udp":
                return Packet.PROTO_UDP;
            case "ipv6-icmp":
            case "icmpv6":
                return Packet.PROTO_ICMPV6;
            default:
                return name.chars().allMatch(Character::isDigit) ? Integer.parseInt(name) : 0;
        }
    }

    private static final Map<String, Integer> ICMP_TYPES = Map.of("echo-reply", 0, "echo-request", 8,
            "destination-unreachable", 3, "time-exceeded", 11);

    private static int icmpValue(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        return ICMP_TYPES.getOrDefault(text, 0);
    }

    /** An address literal (never a name lookup); null for anything else. */
    private static InetAddress address(String text) {
        try {
            return InetAddresses.forString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
