package io.netjourney.sinks;

import io.netjourney.capture.CaptureStats;
import static io.netjourney.capture.HopEventBuilder.hop;
import static io.netjourney.sinks.Traced.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Packet;
import io.netjourney.capture.names.Json;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonFormatterTest {
    private static final JsonFormatter JSON = new JsonFormatter();

    private static Map<String, Object> json(TracedHop hop) {
        return json(JSON, hop);
    }

    private static Map<String, Object> json(JsonFormatter formatter, TracedHop hop) {
        String line = formatter.format(hop);
        assertFalse(line.contains("\n"), line);
        Map<String, Object> object = Json.object(Json.parse(line));
        List<String> keys = new ArrayList<>(object.keySet());
        List<String> documented = new ArrayList<>(JsonFormatter.FIELDS);
        documented.retainAll(keys);
        assertEquals(documented, keys, "fields are documented and in the documented order");
        return object;
    }

    @Test
    void icmpEchoCrossing() {
        HopEvent e = hop().at(123_456_789L).cpu(1).skb(0xffff888100000a00L).netns(4026531957L).netnsCookie(7)
                .dev(5, "vetha373ab6", "veth").master(3).mark(0x2a).build();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ts_ns", 123_456_789L);
        expected.put("cpu", 1L);
        expected.put("hook", "net_dev_queue");
        expected.put("dir", "tx");
        expected.put("skb", "0xffff888100000a00");
        expected.put("netns", 4026531957L);
        expected.put("netns_name", "nj-host");
        expected.put("netns_cookie", 7L);
        expected.put("ifindex", 5L);
        expected.put("ifname", "vetha373ab6");
        expected.put("kind", "veth");
        expected.put("link_kind", "veth");
        expected.put("master_ifindex", 3L);
        expected.put("len", 98L);
        expected.put("mark", 42L);
        expected.put("ethertype", "0x0800");
        expected.put("src_mac", "02:00:00:00:00:01");
        expected.put("dst_mac", "02:00:00:00:00:02");
        expected.put("proto", "icmp");
        expected.put("l4_proto", 1L);
        expected.put("src", "198.51.100.1");
        expected.put("dst", "198.51.100.2");
        expected.put("ttl", 64L);
        expected.put("ip_id", 1L);
        expected.put("icmp", Map.of("type", 8L, "code", 0L, "name", "echo-request", "id", 17146L, "seq", 1L));
        expected.put("packet", 3L);
        expected.put("flow", 2L);
        expected.put("direction", "request");
        expected.put("hop", 1L);
        expected.put("ordinal", 1L);
        expected.put("branch", 0L);
        expected.put("follows", 0L);
        expected.put("delta_ns", 1500L);
        JsonFormatter named = new JsonFormatter(Traced.names(Map.of(4026531957L, "nj-host")));
        assertEquals(expected, json(named, new TracedHop(e, 3, 2, PacketDirection.REQUEST, 1, 1500)));
    }

    @Test
    void absentThingsAreOmitted() {
        HopEvent e = hop().netnsCookie(0).dev(1, "lo", "").deviceType(772).hook(Hook.NETIF_RX)
                .flags(Packet.FLAG_NO_MAC).build();
        Map<String, Object> o = json(request(e));
        assertEquals("rx", o.get("dir"));
        assertEquals("loopback", o.get("kind"));
        assertEquals(List.of("no_mac"), o.get("flags"));
        for (String absent : List.of("netns_name", "netns_cookie", "link_kind", "master_ifindex", "vlan",
                "src_mac", "dst_mac", "flow_label", "sport", "dport", "tcp", "arp", "delta_ns")) {
            assertFalse(o.containsKey(absent), absent);
        }
        assertFalse(o.containsValue(null));
    }

    @Test
    void tcpOverIpv6() {
        HopEvent e = hop().icmp6(128, 0, 0).tcp(43210, 80, 0x12, 123, 4294967295L).from("2001:db8::1")
                .to("2001:db8::2").flowLabel(0xABCDE).ttl(63).build();
        Map<String, Object> o = json(request(e));
        assertEquals("0x86dd", o.get("ethertype"));
        assertEquals("tcp", o.get("proto"));
        assertEquals(6L, o.get("l4_proto"));
        assertEquals("2001:db8::1", o.get("src"));
        assertEquals("2001:db8::2", o.get("dst"));
        assertEquals(63L, o.get("ttl"));
        assertEquals(0xABCDEL, o.get("flow_label"));
        assertFalse(o.containsKey("ip_id"));
        assertEquals(43210L, o.get("sport"));
        assertEquals(80L, o.get("dport"));
        assertEquals(Map.of("flags", "S.", "seq", 123L, "ack", 4294967295L), o.get("tcp"));
        assertFalse(o.containsKey("icmp"));
    }

    @Test
    void icmpErrorsAndTruncatedHeaders() {
        Map<String, Object> unreachable = json(request(hop().icmp(3, 3, 0, 0).build()));
        assertEquals(Map.of("type", 3L, "code", 3L, "name", "port-unreachable"), unreachable.get("icmp"));
        Map<String, Object> unknown = json(request(hop().icmp(42, 1, 0, 0).build()));
        assertEquals(Map.of("type", 42L, "code", 1L), unknown.get("icmp"));
        Map<String, Object> truncated = json(request(hop().udp(1, 2).flags(Packet.FLAG_TRUNCATED).build()));
        assertEquals(List.of("truncated"), truncated.get("flags"));
        assertEquals("udp", truncated.get("proto"));
        assertFalse(truncated.containsKey("sport"));
    }

    @Test
    void arpAndOtherEthertypes() {
        HopEvent arp = hop().arp(2, "198.51.100.2", "198.51.100.1").macs(0x020000000002L, 0x020000000001L)
                .flags(Packet.FLAG_VLAN).vlanTci(0x0064).build();
        Map<String, Object> o = json(request(arp));
        assertEquals("arp", o.get("proto"));
        assertEquals(Map.of("op", 2L, "name", "reply"), o.get("arp"));
        assertEquals("198.51.100.2", o.get("src"));
        assertEquals("02:00:00:00:00:02", o.get("src_mac"));
        assertEquals(100L, o.get("vlan"));
        assertFalse(o.containsKey("ttl"));
        assertFalse(o.containsKey("l4_proto"));

        Map<String, Object> lldp = json(request(hop().ethertype(0x88CC).build()));
        assertEquals("0x88cc", lldp.get("ethertype"));
        assertFalse(lldp.containsKey("proto"));
        assertFalse(lldp.containsKey("ttl"));
        assertFalse(lldp.containsKey("src"));
    }

    @Test
    void weirdNamesAreEscaped() {
        String ifname = "a\"b\\c\n\t\u0001\u007fé☃";
        String netnsName = "ctr \"x\"\r\u001f/ü";
        HopEvent e = hop().dev(9, ifname, "veth").build();
        JsonFormatter named = new JsonFormatter(inode -> Optional.of(netnsName));
        String line = named.format(request(e));
        assertTrue(line.contains("\"ifname\":\"a\\\"b\\\\c\\n\\t\\u0001\\u007fé☃\""), line);
        Map<String, Object> o = json(named, request(e));
        assertEquals(ifname, o.get("ifname"));
        assertEquals(netnsName, o.get("netns_name"));
    }

    @Test
    void summaryObject() {
        String line = JSON.summary(new Summary(2, 6, 1, new CaptureStats(9, 3, 4, 1, 9), 45_000));
        assertEquals("{\"summary\":{\"packets\":2,\"crossings\":6,\"flows\":1,\"lost_events\":3,"
                + "\"filtered\":4,\"no_device\":1,\"duration_ns\":45000}}", line);
        assertEquals(Map.of("summary", Map.of("packets", 2L, "crossings", 6L, "flows", 1L, "lost_events", 3L,
                "filtered", 4L, "no_device", 1L, "duration_ns", 45_000L)), Json.parse(line));
    }
}
