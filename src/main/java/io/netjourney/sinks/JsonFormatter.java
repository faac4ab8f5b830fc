package io.netjourney.sinks;

import io.netjourney.capture.Drop;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.capture.Packet;
import io.netjourney.capture.PacketEvent;
import io.netjourney.capture.QuotedHeader;
import io.netjourney.capture.RouteDecision;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.journey.Answer;
import io.netjourney.journey.DropClass;
import io.netjourney.journey.TracedHop;
import io.netjourney.journey.Translation;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON object per crossing, one per line, for jq. Field names are stable snake_case; numbers are JSON
 * numbers, addresses and 64-bit pointers strings. <b>A field that does not apply or is unknown is omitted,
 * never null</b> (so {@code .icmp.seq // empty} and {@code select(.tcp)} work). Fields, in output order:
 * <table>
 * <caption>crossing fields</caption>
 * <tr><td>ts_ns</td><td>number</td><td>kernel monotonic clock (bpf_ktime_get_ns), ns</td></tr>
 * <tr><td>cpu</td><td>number</td><td>CPU the hook ran on</td></tr>
 * <tr><td>hook</td><td>string</td><td>tracepoint: net_dev_queue, netif_rx, netif_receive_skb_entry, ...</td></tr>
 * <tr><td>dir</td><td>string</td><td>"tx" (device sends) or "rx" (device receives)</td></tr>
 * <tr><td>skb</td><td>string</td><td>skb address, "0xffff888100000000"</td></tr>
 * <tr><td>netns</td><td>number</td><td>network namespace inode</td></tr>
 * <tr><td>netns_name</td><td>string</td><td>namespace name; omitted when unknown or names are off</td></tr>
 * <tr><td>netns_cookie</td><td>number</td><td>namespace cookie, unique per boot; omitted when 0</td></tr>
 * <tr><td>ifindex</td><td>number</td><td></td></tr>
 * <tr><td>ifname</td><td>string</td><td></td></tr>
 * <tr><td>kind</td><td>string</td><td>veth, bridge, loopback, physical, tunnel, vlan, other</td></tr>
 * <tr><td>link_kind</td><td>string</td><td>the driver's kind ("veth", "wireguard", ...); omitted when none</td></tr>
 * <tr><td>master_ifindex</td><td>number</td><td>bridge of a bridge port; omitted when 0</td></tr>
 * <tr><td>len</td><td>number</td><td>skb length in bytes</td></tr>
 * <tr><td>mark</td><td>number</td><td>skb mark</td></tr>
 * <tr><td>ethertype</td><td>string</td><td>"0x0800"</td></tr>
 * <tr><td>vlan</td><td>number</td><td>outermost VLAN id; only for tagged frames</td></tr>
 * <tr><td>flags</td><td>array</td><td>of "vlan", "fragment", "no_l2", "truncated", "no_l4", "ip6_ext",
 *     "no_mac", "quoted"; omitted when empty</td></tr>
 * <tr><td>src_mac, dst_mac</td><td>string</td><td>"02:00:00:00:00:01" (ARP: sender/target hardware
 *     address); omitted with no_mac or no_l2</td></tr>
 * <tr><td>proto</td><td>string</td><td>tcp, udp, icmp, icmp6, arp, gre, sctp, ..., "ip-proto-N",
 *     "ip6-proto-N"; omitted for other ethertypes</td></tr>
 * <tr><td>l4_proto</td><td>number</td><td>IP protocol number; IP only</td></tr>
 * <tr><td>src, dst</td><td>string</td><td>"198.51.100.1", "2001:db8::1" (ARP: sender/target protocol
 *     address)</td></tr>
 * <tr><td>ttl</td><td>number</td><td>TTL or hop limit; IP only</td></tr>
 * <tr><td>ip_id</td><td>number</td><td>IPv4 identification; IPv4 only</td></tr>
 * <tr><td>flow_label</td><td>number</td><td>IPv6 only</td></tr>
 * <tr><td>sport, dport</td><td>number</td><td>TCP/UDP ports</td></tr>
 * <tr><td>tcp</td><td>object</td><td>{"flags":"S.","seq":123,"ack":456}; TCP only</td></tr>
 * <tr><td>icmp</td><td>object</td><td>{"type":8,"code":0,"name":"echo-request","id":17146,"seq":1} for ICMP
 *     and ICMPv6 (name omitted for unknown types, id and seq for non-echo types)</td></tr>
 * <tr><td>arp</td><td>object</td><td>{"op":1,"name":"request"}</td></tr>
 * <tr><td>packet, flow</td><td>number</td><td>packet and flow ids from the journey assembler, from 1</td></tr>
 * <tr><td>direction</td><td>string</td><td>"request" or "reply" within the flow</td></tr>
 * <tr><td>hop</td><td>number</td><td>position along the packet's branch, from 0</td></tr>
 * <tr><td>ordinal</td><td>number</td><td>the packet's crossings (and drops) in arrival order, from 0</td></tr>
 * <tr><td>branch</td><td>number</td><td>0 for the trunk, 1, 2, ... for each copy of the packet (a bridge
 *     flooding, a clone) in the order they split off</td></tr>
 * <tr><td>follows</td><td>number</td><td>the ordinal of the crossing this one follows; omitted on the first</td></tr>
 * <tr><td>delta_ns</td><td>number</td><td>since the crossing it follows; omitted on the first</td></tr>
 * <tr><td>nat</td><td>object</td><td>{"src_before","dst_before","text"}: the address translation since the
 *     crossing it follows (DNAT, SNAT)</td></tr>
 * <tr><td>quoted</td><td>object</td><td>what an ICMP/ICMPv6 error quotes of the packet it answers:
 *     {"proto","l4_proto","src","dst","sport","dport"} for TCP/UDP, {"proto","l4_proto","src","dst","icmp":{"type",
 *     "code","name","id","seq"}} for ICMP, with "ip_id" (IPv4) or "flow_label" (IPv6); ports and icmp omitted
 *     when the quote ends before the transport header</td></tr>
 * <tr><td>answers</td><td>object</td><td>on every crossing of an ICMP error that joined the flow it quotes:
 *     {"packet":3,"error":"port unreachable","from":"198.51.100.3","netns":4026532258,"netns_name":"nj-ctr2"},
 *     the answered packet (omitted when no retained packet matched the quote), the error in words, its source
 *     address and the namespace where it was generated</td></tr>
 * </table>
 * Transport fields (sport, dport, tcp, icmp) need the transport header: they are omitted for truncated
 * headers and non-first fragments. At exit, {@link Summary#toJson()} prints {@code {"summary":{...}}}.
 */
public final class JsonFormatter implements LineFormatter {
    /** Top-level field names of a crossing object, in output order (see the class comment for types). */
    public static final List<String> FIELDS = List.of("ts_ns", "cpu", "hook", "dir", "skb", "netns", "netns_name",
            "netns_cookie", "ifindex", "ifname", "kind", "link_kind", "master_ifindex", "len", "mark", "ethertype",
            "vlan", "flags", "src_mac", "dst_mac", "proto", "l4_proto", "src", "dst", "ttl", "ip_id", "flow_label",
            "sport", "dport", "tcp", "icmp", "arp", "drop", "route", "packet", "flow", "direction", "hop", "ordinal",
            "branch", "follows", "delta_ns", "nat", "quoted", "answers");

    private static final String[] FLAG_NAMES = {"vlan", "fragment", "no_l2", "truncated", "no_l4", "ip6_ext",
        "no_mac", "quoted"};

    private final Names names;

    /** Without namespace names. */
    public JsonFormatter() {
        this(Names.NONE);
    }

    public JsonFormatter(Names names) {
        this.names = names;
    }

    @Override
    public String format(TracedHop hop) {
        HopEvent e = hop.event();
        JsonBuilder json = new JsonBuilder()
                .field("ts_ns", e.timestampNs())
                .field("cpu", e.cpu())
                .field("hook", e.hook().tracepoint())
                .field("dir", direction(e))
                .field("skb", "0x" + Long.toHexString(e instanceof PacketEvent packet ? packet.skb() : 0))
                .field("netns", e.netnsInode())
                .field("netns_name", names.netnsName(e.netnsInode()).orElse(null));
        optional(json, "netns_cookie", e.netnsCookie());
        json.field("ifindex", Integer.toUnsignedLong(e.ifindex()))
                .field("ifname", e.ifname())
                .field("kind", e.deviceKind().label())
                .field("link_kind", e.linkKind().isEmpty() ? null : e.linkKind());
        optional(json, "master_ifindex", Integer.toUnsignedLong(e.masterIfindex()));
        json.field("len", Integer.toUnsignedLong(e.length()))
                .field("mark", Integer.toUnsignedLong(e.packet().mark()))
                .field("ethertype", Addresses.ethertype(e.ethertype()));
        if (e.hasFlag(Packet.FLAG_VLAN)) {
            json.field("vlan", e.vlanId());
        }
        json.field("flags", flagNames(e.flags()));
        if (!e.hasFlag(Packet.FLAG_NO_MAC) && !e.hasFlag(Packet.FLAG_NO_L2)) {
            json.field("src_mac", Addresses.mac(e.sourceMac())).field("dst_mac", Addresses.mac(e.destinationMac()));
        }
        json.field("proto", Protocols.name(e));
        if (e.isIp()) {
            json.field("l4_proto", e.l4Protocol());
        }
        if (e.isIp() || e.isArp()) {
            addresses(json, e);
        }
        if (e.isIp()) {
            ip(json, e);
        }
        if (e.isArp()) {
            json.beginObject("arp").field("op", e.arpOp()).field("name", Protocols.arpOp(e.arpOp())).endObject();
        }
        if (e instanceof Drop drop) {
            json.beginObject("drop").field("reason", drop.reasonText()).field("reason_code", drop.reason())
                    .field("location", drop.locationName()).field("hint", Verdicts.hint(drop))
                    .field("expected", DropClass.of(drop).expected()).endObject();
        } else if (e instanceof RouteDecision route) {
            json.beginObject("route").field("table", Integer.toUnsignedLong(route.table()))
                    .field("result", Verdicts.routeResult(route)).field("error", route.error())
                    .field("gateway", route.gateway() == null ? null : Addresses.ip(route.gateway()));
            if (route.inputIfindex() != 0) {
                json.field("iif", route.inputIfindex());
            }
            json.endObject();
        }
        json.field("packet", hop.packetId())
                .field("flow", hop.flowId())
                .field("direction", hop.direction().label())
                .field("hop", hop.hopIndex());
        if (hop.ordinal() >= 0 && hop.packetId() != 0) {
            json.field("ordinal", hop.ordinal()).field("branch", hop.branch());
            if (hop.parent() >= 0) {
                json.field("follows", hop.parent());
            }
        }
        if (hop.deltaNs() >= 0) {
            json.field("delta_ns", hop.deltaNs());
        }
        if (hop.translation() != null) {
            Translation nat = hop.translation();
            json.beginObject("nat").field("src_before", nat.sourceBefore().toString())
                    .field("dst_before", nat.destinationBefore().toString()).field("text", nat.toString())
                    .endObject();
        }
        if (e.quoted() != null) {
            quoted(json, e.quoted());
        }
        if (hop.answers() != null) {
            answer(json.beginObject("answers"), hop.answers(), names).endObject();
        }
        return json.build();
    }

    /** The fields of an answer ("packet" omitted when not known), also used by the report. */
    static JsonBuilder answer(JsonBuilder json, Answer a, Names names) {
        if (a.packetId() != 0) {
            json.field("packet", a.packetId());
        }
        return json.field("error", Verdicts.error(a)).field("from", Addresses.ip(a.from()))
                .field("netns", a.netnsInode()).field("netns_name", names.netnsName(a.netnsInode()).orElse(null));
    }

    private static void quoted(JsonBuilder json, QuotedHeader q) {
        json.beginObject("quoted");
        String proto = Protocols.ipProtocol(q.l4Protocol(), q.isIpv6());
        json.field("proto", proto).field("l4_proto", q.l4Protocol()).field("src", Addresses.ip(q.source()))
                .field("dst", Addresses.ip(q.destination()));
        if (q.isIpv6()) {
            json.field("flow_label", q.flowLabel());
        } else {
            json.field("ip_id", q.ipId());
        }
        if (q.hasPorts()) {
            json.field("sport", q.sourcePort()).field("dport", q.destinationPort());
        } else if (q.hasTransportHeader() && (proto.equals("icmp") || proto.equals("icmp6"))) {
            json.beginObject("icmp").field("type", q.icmpType()).field("code", q.icmpCode())
                    .field("name", Protocols.icmpName(q.isIpv6(), q.icmpType(), q.icmpCode()));
            if (q.isEcho()) {
                json.field("id", q.icmpId()).field("seq", q.icmpSeq());
            }
            json.endObject();
        }
        json.endObject();
    }

    /** A netfilter verdict: {"netfilter":{...}} with the packet's addresses and protocol beside it. */
    @Override
    public String format(NetfilterVerdict v) {
        JsonBuilder json = new JsonBuilder().beginObject("netfilter")
                .field("netns", v.netnsInode())
                .field("netns_name", names.netnsName(v.netnsInode()).orElse(null))
                .field("family", v.family()).field("table", v.table()).field("chain", v.chain())
                .field("rule", v.isPolicy() ? null : v.rule()).field("policy", v.isPolicy() ? v.verdict() : null)
                .field("verdict", v.verdict())
                .field("device", v.device().isEmpty() ? null : v.device())
                .endObject();
        HopEvent p = v.packet();
        if (p != null) {
            json.field("proto", Protocols.name(p));
            addresses(json, p);
        }
        return json.build();
    }

    /** "tx", "rx", or for verdicts "drop" and "route". */
    private static String direction(HopEvent e) {
        if (e instanceof Drop) {
            return "drop";
        }
        if (e instanceof RouteDecision) {
            return "route";
        }
        return e.hook().direction() == Hook.Direction.TX ? "tx" : "rx";
    }

    @Override
    public String summary(Summary summary) {
        return summary.toJson();
    }

    private static void addresses(JsonBuilder json, HopEvent e) {
        if (e.source() != null) {
            json.field("src", Addresses.ip(e.source()));
        }
        if (e.destination() != null) {
            json.field("dst", Addresses.ip(e.destination()));
        }
    }

    private static void ip(JsonBuilder json, HopEvent e) {
        json.field("ttl", e.ttl());
        if (e.isIpv4()) {
            json.field("ip_id", e.ipId());
        } else {
            json.field("flow_label", e.flowLabel());
        }
        if (!e.hasTransportHeader()) {
            return;
        }
        if (e.isTcp() || e.isUdp()) {
            json.field("sport", e.sourcePort()).field("dport", e.destinationPort());
        }
        if (e.isTcp()) {
            json.beginObject("tcp")
                    .field("flags", Protocols.tcpFlags(e.tcpFlags()))
                    .field("seq", e.tcpSeq())
                    .field("ack", e.tcpAck())
                    .endObject();
        } else if (e.isIcmp() || e.isIcmpv6()) {
            json.beginObject("icmp")
                    .field("type", e.icmpType())
                    .field("code", e.icmpCode())
                    .field("name", Protocols.icmpName(e));
            if (e.isEcho()) {
                json.field("id", e.icmpId()).field("seq", e.icmpSeq());
            }
            json.endObject();
        }
    }

    private static void optional(JsonBuilder json, String name, long value) {
        if (value != 0) {
            json.field(name, value);
        }
    }

    private static List<String> flagNames(int flags) {
        List<String> set = new ArrayList<>();
        for (int bit = 0; bit < FLAG_NAMES.length; bit++) {
            if ((flags & 1 << bit) != 0) {
                set.add(FLAG_NAMES[bit]);
            }
        }
        return set;
    }
}
