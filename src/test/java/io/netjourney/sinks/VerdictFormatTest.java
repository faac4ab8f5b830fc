package io.netjourney.sinks;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.capture.RouteDecision;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Drops and routing decisions in text lines, JSON and trace files. */
class VerdictFormatTest {
    static final long CTR2 = 4026532314L;
    static final Names NAMES = inode -> inode == CTR2 ? Optional.of("nj-ctr2") : Optional.empty();

    static Drop netfilterDrop() {
        Drop e = hop().netns(CTR2).dev(2, "eth0", "veth").from("198.51.100.2").to("198.51.100.3")
                .icmp(8, 0, 17146, 1).drop(12, 0xffffffff81a00000L).buildDrop();
        return e.named("NETFILTER_DROP", "nft_do_chain+0x46f");
    }

    @Test
    void aDropSaysWhyWhereAndWhatToLookAt() {
        String line = new TextFormatter(NAMES, false).format(new TracedHop(netfilterDrop(), 1, 1,
                PacketDirection.REQUEST, 3, 1_000));
        assertEquals("[     nj-ctr2]             eth0 request dropped: NETFILTER_DROP in nj-ctr2 at nft_do_chain+0x46f"
                + " (a firewall rule (nftables/iptables) dropped it) | #17146.001 198.51.100.2 -> 198.51.100.3", line);
    }

    @Test
    void aRootPingsNoSocketDropIsExplainedAsHarmless() {
        String line = new TextFormatter().format(rootPingReplyDrop());
        assertTrue(line.contains("dropped (expected): NO_SOCKET in 4026531840 at ping_rcv+0xb3 (no datagram ping "
                + "socket: harmless when ping runs as root"), line);
    }

    @Test
    void anExpectedDropSaysSoInJson() {
        String json = new JsonFormatter().format(rootPingReplyDrop());
        assertTrue(json.contains("\"hint\":\"no datagram ping socket: harmless when ping runs as root, its raw "
                + "socket got its own copy\",\"expected\":true}"), json);
    }

    /** iputils' root ping: the reply's copy for the datagram socket that does not exist, freed at ping_rcv. */
    private static TracedHop rootPingReplyDrop() {
        Drop e = hop().icmp(0, 0, 1, 1).drop(3, 1).buildDrop();
        e = e.named("NO_SOCKET", "ping_rcv+0xb3");
        return new TracedHop(e, 1, 1, PacketDirection.REPLY, 4, 1);
    }

    @Test
    void anUnnamedDropShowsTheNumber() {
        HopEvent e = hop().drop(77, 0).build();
        assertTrue(new TextFormatter().format(new TracedHop(e, 1, 1, PacketDirection.REQUEST, 1, 1))
                .contains("dropped: reason 77 in 4026531840 |"));
    }

    @Test
    void routesSayTheTableAndTheChoiceOrTheFailure() {
        HopEvent found = hop().netns(CTR2).dev(3, "nj-r-f", "veth").udp(5000, 53).route(254, 0, 2, "198.51.100.66")
                .build();
        assertEquals("[     nj-ctr2]           nj-r-f   route table main: via 198.51.100.66 dev nj-r-f | udp "
                + "198.51.100.1 -> 198.51.100.2", new TextFormatter(NAMES, false).format(route(found)));
        HopEvent none = hop().dev(0, "", "").udp(5000, 53).route(254, -RouteDecision.EAGAIN, 1, null).build();
        assertTrue(new TextFormatter().format(route(none)).contains("route table main: no route |"));
        HopEvent unreachable = hop().route(254, -101, 1, null).build();
        assertTrue(new TextFormatter().format(route(unreachable)).contains("network unreachable"));
        assertEquals(false, Verdicts.decisive(hop().route(255, -RouteDecision.EAGAIN, 1, null).buildRoute()),
                "a miss in the local table on the way to main is not shown");
    }

    @Test
    void jsonCarriesDropAndRouteObjects() {
        String drop = new JsonFormatter(NAMES).format(new TracedHop(netfilterDrop(), 1, 1, PacketDirection.REQUEST,
                3, 1_000));
        assertTrue(drop.contains("\"hook\":\"kfree_skb\",\"dir\":\"drop\""), drop);
        assertTrue(drop.contains("\"drop\":{\"reason\":\"NETFILTER_DROP\",\"reason_code\":12,\"location\":"
                + "\"nft_do_chain+0x46f\",\"hint\":\"a firewall rule (nftables/iptables) dropped it\","
                + "\"expected\":false}"), drop);
        String route = new JsonFormatter().format(route(hop().udp(1, 2).route(254, 0, 2, "198.51.100.66").build()));
        assertTrue(route.contains("\"dir\":\"route\""), route);
        assertTrue(route.contains("\"route\":{\"table\":254,\"result\":\"found\",\"error\":0,\"gateway\":"
                + "\"198.51.100.66\",\"iif\":2}"), route);
    }

    @Test
    void dropNamesTravelInTheTraceFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceFileWriter writer = new TraceFileWriter(bytes, Names.NONE)) {
            writer.writeHop(netfilterDrop());
        }
        try (TraceFileReader reader = new TraceFileReader(new ByteArrayInputStream(bytes.toByteArray()), "t")) {
            Drop v = (Drop) reader.read();
            assertEquals("NETFILTER_DROP", v.reasonName());
            assertEquals("nft_do_chain+0x46f", v.locationName());
            assertEquals(0xffffffff81a00000L, v.location());
        }
    }

    @Test
    void aNetfilterVerdictNamesTheTableChainAndRule() {
        Crossing packet = hop().netns(CTR2).dev(0, "eth0", "").icmp(8, 0, 26878, 1).buildCrossing();
        NetfilterVerdict v = new NetfilterVerdict(CTR2, "inet", "filter", "input", "icmp type echo-request drop",
                "drop", "eth0", packet);
        assertEquals("[     nj-ctr2]             eth0 netfilter inet filter input: rule \"icmp type echo-request "
                + "drop\" verdict drop | #26878.001 198.51.100.1 -> 198.51.100.2",
                new TextFormatter(NAMES, false).format(v));
        String json = new JsonFormatter(NAMES).format(v);
        assertTrue(json.startsWith("{\"netfilter\":{\"netns\":4026532314,\"netns_name\":\"nj-ctr2\",\"family\":"
                + "\"inet\",\"table\":\"filter\",\"chain\":\"input\",\"rule\":\"icmp type echo-request drop\","
                + "\"verdict\":\"drop\",\"device\":\"eth0\"}"), json);
    }

    @Test
    void netfilterVerdictsTravelInTheTraceFileInOrder() throws IOException {
        Crossing packet = hop().netns(CTR2).icmp(8, 0, 26878, 1).buildCrossing();
        NetfilterVerdict v = new NetfilterVerdict(CTR2, "inet", "filter", "input", "icmp type echo-request drop",
                "drop", "eth0", packet);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceFileWriter writer = new TraceFileWriter(bytes, Names.NONE)) {
            writer.writeHop(hop().at(1).build());
            writer.writeNetfilter(v);
            writer.writeNetfilter(v);
            writer.writeHop(hop().at(2).build());
        }
        try (TraceFileReader reader = new TraceFileReader(new ByteArrayInputStream(bytes.toByteArray()), "t")) {
            assertEquals(1, reader.readEntry().hop().timestampNs());
            assertEquals(v, reader.readEntry().netfilter());
            assertEquals(v, reader.readEntry().netfilter());
            assertEquals(2, reader.readEntry().hop().timestampNs());
            assertEquals(null, reader.readEntry());
        }
        try (TraceFileReader reader = new TraceFileReader(new ByteArrayInputStream(bytes.toByteArray()), "t")) {
            assertEquals(1, reader.read().timestampNs());
            assertEquals(2, reader.read().timestampNs(), "read() skips netfilter verdicts");
            assertEquals(null, reader.read());
        }
    }

    private static TracedHop route(HopEvent e) {
        return new TracedHop(e, 0, 0, PacketDirection.REQUEST, -1, -1);
    }
}
