package io.netjourney.capture.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines of `nft monitor trace` captured in the lab (an nft rule dropping a ping in a container). */
class NftTraceParserTest {

    @Test
    void theDroppingRuleIsFoundWithItsPacketAndOurOwnTableIsSkipped() throws Exception {
        NftTraceParser parser = new NftTraceParser(4026532314L, "njt");
        List<NetfilterVerdict> verdicts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/netfilter/monitor-trace.txt"))) {
            parser.accept(line).ifPresent(verdicts::add);
        }
        assertEquals(1, verdicts.size(), "our table's continue/policy lines are not verdicts: " + verdicts);
        NetfilterVerdict drop = verdicts.get(0);
        assertEquals("inet filter input", drop.where());
        assertEquals("icmp type echo-request drop", drop.rule());
        assertEquals("drop", drop.verdict());
        assertEquals("eth0", drop.device());
        HopEvent packet = drop.packet();
        assertEquals("/198.51.100.2", packet.source().toString());
        assertEquals("/198.51.100.3", packet.destination().toString());
        assertTrue(packet.isIcmp());
        assertEquals(8, packet.icmpType());
        assertEquals(26878, packet.icmpId());
        assertEquals(1, packet.icmpSeq());
        assertEquals(4026532314L, packet.netnsInode());
    }

    @Test
    void aPolicyVerdictAndTransportPortsAreRead() {
        NftTraceParser parser = new NftTraceParser(1, "netjourney_trace");
        parser.accept("trace id 01 ip filter INPUT packet: iif \"eth0\" ip saddr 198.51.100.2 ip daddr "
                + "198.51.100.3 ip protocol tcp tcp sport 40000 tcp dport 80 tcp flags == syn");
        NetfilterVerdict v = parser.accept("trace id 01 ip filter INPUT policy drop ").orElseThrow();
        assertTrue(v.isPolicy());
        assertEquals("ip filter INPUT", v.where());
        assertEquals(80, v.packet().destinationPort());
        assertTrue(v.packet().isTcp());
        assertTrue(parser.accept("trace id 02 ip filter INPUT rule tcp dport 22 accept (verdict accept)")
                .orElseThrow().packet() == null, "a verdict whose packet line was not seen has no packet");
        assertTrue(parser.accept("garbage").isEmpty());
    }
}
