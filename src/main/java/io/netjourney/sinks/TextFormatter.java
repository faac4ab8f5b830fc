package io.netjourney.sinks;

import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.capture.Packet;
import io.netjourney.capture.RouteDecision;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.journey.Answer;
import io.netjourney.journey.TracedHop;
import java.util.Locale;

/**
 * One tcpdump/tracepkt-like line per crossing:
 * <pre>
 * [  4026531957]          docker0 request #17146.001 172.17.0.1 -&gt; 172.17.0.2
 * </pre>
 * that is {@code "[%12s] %16s %7s %s"}: the namespace (inode, or its name when names are on and one is
 * known, right-aligned like the inode; never cut), the interface (control characters in names shown as
 * {@code \xNN}), the packet's direction in its flow and
 * {@link #describe(HopEvent) what the packet is}. ICMP and ICMPv6 echoes print exactly as the 2017 tracepkt
 * did. The first crossing of an ICMP error that joined the flow it quotes ends with what it answered:
 * {@code "  (packet 3 answered: port unreachable from 198.51.100.3 at nj-ctr2)"}. The verbose form appends {@code "  (hook net_dev_queue len 98 packet 3 flow 1 hop 0 +12.345us)"}, the
 * time since the packet's previous crossing left out on its first.
 */
public final class TextFormatter implements LineFormatter {
    /** The line: namespace, interface, direction, description. */
    public static final String FORMAT = "[%12s] %16s %7s %s";

    private final Names names;
    private final boolean verbose;

    /** Inodes, no verbose columns: the tracepkt line. */
    public TextFormatter() {
        this(Names.NONE, false);
    }

    /**
     * @param names   namespace names to show instead of inodes ({@link Names#NONE} for inodes only)
     * @param verbose whether to append hook, length, packet/flow/hop and the time since the previous crossing
     */
    public TextFormatter(Names names, boolean verbose) {
        this.names = names;
        this.verbose = verbose;
    }

    @Override
    public String format(TracedHop hop) {
        HopEvent e = hop.event();
        String netns = names.netnsName(e.netnsInode()).map(TextFormatter::printable)
                .orElse(Long.toString(e.netnsInode()));
        // FORMAT by hand: String.format costs more than the rest of the pipeline
        StringBuilder line = new StringBuilder(96).append('[');
        padLeft(line, netns, 12).append("] ");
        padLeft(line, printable(e.ifname()), 16).append(' ');
        padLeft(line, e instanceof RouteDecision ? "route" : hop.direction().label(), 7).append(' ');
        if (e instanceof Drop drop) {
            line.append(drop(drop, netns)).append(" | ").append(describe(e));
        } else if (e instanceof RouteDecision route) {
            // a lookup for a received packet is made without its protocol
            line.append(Verdicts.routeText(route)).append(" | ")
                    .append(e.l4Protocol() == 0 ? "ip" : Protocols.name(e)).append(' ')
                    .append(Addresses.ip(e.source())).append(" -> ").append(Addresses.ip(e.destination()));
        } else {
            line.append(describe(e));
        }
        if (hop.translation() != null) {
            line.append("  (").append(hop.translation()).append(')');
        }
        if (hop.answers() != null && hop.ordinal() == 0) {
            line.append("  (").append(answered(hop.answers())).append(')');
        }
        if (verbose) {
            line.append("  (").append(details(hop)).append(')');
        }
        return line.toString();
    }

    /** "[     nj-ctr2]             eth0 netfilter inet filter input: rule "..." verdict drop | #1.001 a -> b". */
    @Override
    public String format(NetfilterVerdict v) {
        String netns = names.netnsName(v.netnsInode()).map(TextFormatter::printable)
                .orElse(Long.toString(v.netnsInode()));
        StringBuilder line = new StringBuilder(120).append('[');
        padLeft(line, netns, 12).append("] ");
        padLeft(line, printable(v.device()), 16).append(' ');
        line.append("netfilter ").append(v.where()).append(": ");
        line.append(v.isPolicy() ? "policy" : "rule \"" + printable(v.rule()) + "\"").append(" verdict ")
                .append(v.verdict());
        if (v.packet() != null) {
            line.append(" | ").append(describe(v.packet()));
        }
        return line.toString();
    }

    /** "packet 3 answered: port unreachable from 198.51.100.3 at nj-ctr2" (without "packet N" when not known). */
    private String answered(Answer answer) {
        String netns = names.netnsName(answer.netnsInode()).map(TextFormatter::printable)
                .orElse(Long.toString(answer.netnsInode()));
        String text = Verdicts.answered(answer, netns);
        return answer.packetId() == 0 ? text : "packet " + answer.packetId() + " " + text;
    }

    @Override
    public String summary(Summary summary) {
        return summary.toText();
    }

    /**
     * What the packet is, without where it is:
     * <ul>
     * <li>ICMP/ICMPv6 echo: {@code #17146.001 172.17.0.1 -> 172.17.0.2} (id.seq)</li>
     * <li>other ICMP: {@code icmp port-unreachable 198.51.100.2 -> 198.51.100.1},
     *     {@code icmp6 neighbor-solicit fe80::1 -> ff02::1:ff00:2}, unknown: {@code icmp type 42 code 0 ...}</li>
     * <li>TCP: {@code tcp 198.51.100.1:43210 -> 198.51.100.2:80 [S.] seq 123 ack 456} (ack only with the ACK
     *     flag; flags S F R P . U E W, {@code [none]} without any)</li>
     * <li>UDP: {@code udp 198.51.100.1:5353 -> 198.51.100.2:53}; IPv6 endpoints {@code [2001:db8::1]:80}</li>
     * <li>other IP protocols: {@code gre 198.51.100.1 -> 198.51.100.2}, {@code ip-proto-253 ...}</li>
     * <li>fragments: a first fragment adds {@code  frag id 4660} (IPv4) or {@code  frag} (IPv6); later
     *     fragments have no ports: {@code udp 198.51.100.1 -> 198.51.100.2 frag id 4660}</li>
     * <li>headers the kernel could not read: {@code tcp 198.51.100.1 -> 198.51.100.2 [truncated]}</li>
     * <li>ARP: {@code arp who-has 198.51.100.2 tell 198.51.100.1},
     *     {@code arp reply 198.51.100.2 is-at 02:00:00:00:00:02}, others {@code arp op-3 a -> b}</li>
     * <li>other ethertypes: {@code ethertype 0x88cc len 60}</li>
     * <li>tagged frames are prefixed with {@code vlan 100 }</li>
     * </ul>
     */
    public static String describe(HopEvent e) {
        String vlan = e.hasFlag(Packet.FLAG_VLAN) ? "vlan " + e.vlanId() + " " : "";
        if (e.isArp()) {
            return vlan + arp(e);
        }
        if (!e.isIp()) {
            return vlan + "ethertype " + Addresses.ethertype(e.ethertype()) + " len " + e.length();
        }
        return vlan + ip(e);
    }

    private static String ip(HopEvent e) {
        String proto = Protocols.name(e);
        String addresses = Addresses.ip(e.source()) + " -> " + Addresses.ip(e.destination());
        String fragment = !e.hasFlag(Packet.FLAG_FRAGMENT) ? "" : e.isIpv4() ? " frag id " + e.ipId() : " frag";
        if (e.hasFlag(Packet.FLAG_TRUNCATED)) {
            return proto + " " + addresses + fragment + " [truncated]";
        }
        if (!e.hasTransportHeader()) {
            return proto + " " + addresses + fragment;
        }
        if (e.isEcho()) {
            String seq = Integer.toString(e.icmpSeq());
            return "#" + e.icmpId() + "." + "000".substring(Math.min(3, seq.length())) + seq + " " + addresses
                    + fragment;
        }
        if (e.isIcmp() || e.isIcmpv6()) {
            return proto + " " + Protocols.icmpText(e) + " " + addresses + fragment;
        }
        if (e.isTcp()) {
            String ack = (e.tcpFlags() & Packet.TCP_FLAG_ACK) != 0 ? " ack " + e.tcpAck() : "";
            return "tcp " + ports(e) + " [" + Protocols.tcpFlags(e.tcpFlags()) + "] seq " + e.tcpSeq() + ack
                    + fragment;
        }
        if (e.isUdp()) {
            return "udp " + ports(e) + fragment;
        }
        return proto + " " + addresses + fragment;
    }

    private static String ports(HopEvent e) {
        return Addresses.endpoint(e.source(), e.sourcePort()) + " -> "
                + Addresses.endpoint(e.destination(), e.destinationPort());
    }

    private static String arp(HopEvent e) {
        String sender = Addresses.ip(e.source());
        String target = Addresses.ip(e.destination());
        switch (e.arpOp()) {
            case Protocols.ARP_REQUEST:
                return "arp who-has " + target + " tell " + sender;
            case Protocols.ARP_REPLY:
                return "arp reply " + sender + " is-at " + Addresses.mac(e.sourceMac());
            default:
                return "arp " + Protocols.arpOp(e.arpOp()) + " " + sender + " -> " + target;
        }
    }

    /**
     * "dropped: NETFILTER_DROP in nj-ctr2 at nf_hook_slow+0x9e (a firewall rule ... dropped it)"; a drop that is
     * normal operation reads "dropped (expected): ...".
     */
    private static String drop(Drop drop, String netns) {
        return Verdicts.dropped(drop) + " in " + netns + Verdicts.whereAndWhy(drop);
    }

    private static StringBuilder padLeft(StringBuilder out, String value, int width) {
        for (int i = value.length(); i < width; i++) {
            out.append(' ');
        }
        return out.append(value);
    }

    /** Control characters (C0, DEL, C1) as {@code \xNN}, so a name cannot break the line or the terminal. */
    static String printable(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            if (control && out == null) {
                out = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            if (control) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? name : out.toString();
    }

    private static String details(TracedHop hop) {
        HopEvent e = hop.event();
        String delta = hop.deltaNs() < 0 ? "" : String.format(Locale.ROOT, " +%.3fus", hop.deltaNs() / 1e3);
        String branch = hop.branch() > 0 ? " branch " + hop.branch() : "";
        return "hook " + e.hook().tracepoint() + " len " + e.length() + " packet " + hop.packetId() + " flow "
                + hop.flowId() + " hop " + hop.hopIndex() + branch + delta;
    }
}
