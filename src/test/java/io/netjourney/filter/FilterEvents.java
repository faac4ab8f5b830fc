package io.netjourney.filter;

import static io.netjourney.capture.HopEventBuilder.hop;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.Packet;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named events covering every case the filter primitives distinguish. */
final class FilterEvents {
    /** nj_hop.addr_family offset (HopRecord layout). */
    static final int HOP_ADDR_FAMILY = 117;

    static final HopEvent ICMP4 = hop().from("198.51.100.1").to("198.51.100.2").build();
    static final HopEvent TCP4 = hop().from("198.51.100.1").to("203.0.113.9").tcp(40000, 80, 0x02, 1, 0).build();
    static final HopEvent TCP4_REPLY = hop().from("203.0.113.9").to("198.51.100.1").tcp(80, 40000, 0x12, 7, 2)
            .build();
    static final HopEvent UDP4_DNS = hop().from("10.1.2.3").to("10.9.9.9").udp(5353, 53).build();
    static final HopEvent UDP6_DNS = hop().ethertype(Packet.ETHERTYPE_IPV6).from("2001:db8::1")
            .to("2001:db8:1::53").udp(5353, 53).build();
    static final HopEvent TCP6 = hop().ethertype(Packet.ETHERTYPE_IPV6).from("2001:db8:1::2").to("2001:db8::1")
            .tcp(443, 50000, 0x10, 1, 1).build();
    static final HopEvent ICMP6 = hop().icmp6(128, 7, 1).from("2001:db8::1").to("fe80::1").build();
    static final HopEvent ARP = hop().arp(1, "192.0.2.1", "192.0.2.254").build();
    static final HopEvent ARP_NON_IP = withoutAddresses(hop().arp(1, "0.0.0.0", "0.0.0.0").build());
    /** Non-first fragment: the kernel read no transport header, the port fields mean nothing. */
    static final HopEvent TCP4_FRAGMENT = hop().from("198.51.100.1").to("203.0.113.9").tcp(40000, 80, 0, 0, 0)
            .flags(Packet.FLAG_FRAGMENT | Packet.FLAG_NO_L4).build();
    static final HopEvent UDP6_FRAGMENT = hop().ethertype(Packet.ETHERTYPE_IPV6).from("2001:db8::1")
            .to("2001:db8:1::53").udp(5353, 53).flags(Packet.FLAG_FRAGMENT | Packet.FLAG_NO_L4
                    | Packet.FLAG_IP6_EXT).build();
    /** First fragment: transport header present. */
    static final HopEvent UDP4_FIRST_FRAGMENT = hop().from("10.1.2.3").to("10.9.9.9").udp(5353, 53)
            .flags(Packet.FLAG_FRAGMENT).build();
    static final HopEvent TCP4_TRUNCATED = hop().from("198.51.100.1").to("203.0.113.9").tcp(40000, 80, 0, 0, 0)
            .flags(Packet.FLAG_TRUNCATED).build();
    /** IPv4 header not in the linear data: ethertype known, no addresses, no protocol. */
    static final HopEvent IP4_TRUNCATED = withoutAddresses(hop().l4(0).flags(Packet.FLAG_TRUNCATED).build());
    static final HopEvent LLDP = withoutAddresses(hop().ethertype(0x88cc).l4(0).build());
    /** IPv4-mapped source on an IPv6 packet: decoding turns it into an Inet4Address. */
    static final HopEvent MAPPED6 = hop().ethertype(Packet.ETHERTYPE_IPV6).from("::ffff:192.0.2.1")
            .to("::ffff:192.0.2.2").udp(1000, 2000).build();
    static final HopEvent VLAN_TCP4 = hop().from("10.1.2.3").to("10.200.0.1").tcp(22, 61000, 0x18, 5, 6)
            .flags(Packet.FLAG_VLAN).vlanTci(100).build();

    static final Map<String, HopEvent> ALL = new LinkedHashMap<>();

    static {
        ALL.put("ICMP4", ICMP4);
        ALL.put("TCP4", TCP4);
        ALL.put("TCP4_REPLY", TCP4_REPLY);
        ALL.put("UDP4_DNS", UDP4_DNS);
        ALL.put("UDP6_DNS", UDP6_DNS);
        ALL.put("TCP6", TCP6);
        ALL.put("ICMP6", ICMP6);
        ALL.put("ARP", ARP);
        ALL.put("ARP_NON_IP", ARP_NON_IP);
        ALL.put("TCP4_FRAGMENT", TCP4_FRAGMENT);
        ALL.put("UDP6_FRAGMENT", UDP6_FRAGMENT);
        ALL.put("UDP4_FIRST_FRAGMENT", UDP4_FIRST_FRAGMENT);
        ALL.put("TCP4_TRUNCATED", TCP4_TRUNCATED);
        ALL.put("IP4_TRUNCATED", IP4_TRUNCATED);
        ALL.put("LLDP", LLDP);
        ALL.put("MAPPED6", MAPPED6);
        ALL.put("VLAN_TCP4", VLAN_TCP4);
    }

    private FilterEvents() {
    }

    /** The event as decoded from a record with addr_family 0: no source or destination. */
    static HopEvent withoutAddresses(HopEvent e) {
        byte[] record = HopRecord.encode(e);
        record[HOP_ADDR_FAMILY] = 0;
        return HopRecord.decode(ByteBuffer.wrap(record));
    }
}
