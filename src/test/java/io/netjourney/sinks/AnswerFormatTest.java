package io.netjourney.sinks;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopEventBuilder;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Names;
import io.netjourney.capture.names.Json;
import io.netjourney.journey.FlowReport;
import io.netjourney.journey.JourneyAssembler;
import io.netjourney.journey.TracedHop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ICMP errors in the flow they answer: text lines, JSON and the report say what they answered. */
class AnswerFormatTest {
    private static final long CTR1 = 4026532245L;
    private static final long CTR2 = 4026532314L;
    private static final long ROUTER = 4026532400L;
    private static final Names NAMES = Traced.names(Map.of(CTR1, "nj-ctr1", CTR2, "nj-ctr2", ROUTER, "nj-router"));

    private final JourneyAssembler assembler = new JourneyAssembler();

    private static HopEventBuilder at(long ts, long skb, long netns, Hook hook) {
        return hop().at(ts).skb(skb).netns(netns).netnsCookie(netns).dev(2, "eth0", "veth").hook(hook);
    }

    /** A datagram from nj-ctr1 to a closed port in nj-ctr2 and the port unreachable back: the four crossings. */
    private List<TracedHop> portUnreachable() {
        HopEvent datagram = at(1_000, 0xffff888100001000L, CTR1, Hook.NET_DEV_QUEUE).from("198.51.100.2")
                .to("198.51.100.3").udp(40000, 9).ipId(0x1111).build();
        return List.of(assembler.accept(datagram),
                assembler.accept(at(2_000, 0xffff888100001000L, CTR2, Hook.NETIF_RX).from("198.51.100.2")
                        .to("198.51.100.3").udp(40000, 9).ipId(0x1111).build()),
                assembler.accept(at(3_000, 0xffff888100002000L, CTR2, Hook.NET_DEV_QUEUE).from("198.51.100.3")
                        .to("198.51.100.2").ipId(9).error(3, 3, datagram).build()),
                assembler.accept(at(4_000, 0xffff888100002000L, CTR1, Hook.NETIF_RX).from("198.51.100.3")
                        .to("198.51.100.2").ipId(9).error(3, 3, datagram).build()));
    }

    @Test
    void theErrorsFirstLineSaysWhichPacketItAnsweredAndWhereItCameFrom() {
        List<TracedHop> hops = portUnreachable();
        TextFormatter text = new TextFormatter(NAMES, false);
        assertEquals("[     nj-ctr2]             eth0   reply icmp port-unreachable 198.51.100.3 -> 198.51.100.2"
                + "  (packet 1 answered: port unreachable from 198.51.100.3 at nj-ctr2)", text.format(hops.get(2)));
        assertEquals("[     nj-ctr1]             eth0   reply icmp port-unreachable 198.51.100.3 -> 198.51.100.2",
                text.format(hops.get(3)), "said once, where the error was made");
        assertTrue(new TextFormatter().format(hops.get(2)).endsWith(
                "(packet 1 answered: port unreachable from 198.51.100.3 at 4026532314)"), "inodes without names");
        assertFalse(text.format(hops.get(0)).contains("answered"));
    }

    @Test
    void aTimeExceededInIpv6ReadsTheSame() {
        HopEvent echo = at(1_000, 0xffff888100003000L, CTR1, Hook.NET_DEV_QUEUE).from("2001:db8:1::2")
                .to("2001:db8:3::2").icmp6(128, 300, 1).ttl(1).build();
        assembler.accept(echo);
        TracedHop exceeded = assembler.accept(at(2_000, 0xffff888100004000L, ROUTER, Hook.NET_DEV_QUEUE)
                .from("2001:db8:2::2").to("2001:db8:1::2").error(3, 0, echo).build());
        assertEquals("[   nj-router]             eth0   reply icmp6 time-exceeded 2001:db8:2::2 -> 2001:db8:1::2"
                + "  (packet 1 answered: time exceeded from 2001:db8:2::2 at nj-router)",
                new TextFormatter(NAMES, false).format(exceeded));
    }

    @Test
    void jsonCarriesTheQuotedHeaderAndTheAnswerOnEveryCrossingOfTheError() {
        List<TracedHop> hops = portUnreachable();
        JsonFormatter json = new JsonFormatter(NAMES);
        for (TracedHop hop : hops.subList(2, 4)) {
            Map<String, Object> o = Json.object(Json.parse(json.format(hop)));
            assertEquals(Map.of("packet", 1L, "error", "port unreachable", "from", "198.51.100.3", "netns", CTR2,
                    "netns_name", "nj-ctr2"), o.get("answers"));
            assertEquals(Map.of("proto", "udp", "l4_proto", 17L, "src", "198.51.100.2", "dst", "198.51.100.3",
                    "ip_id", 0x1111L, "sport", 40000L, "dport", 9L), o.get("quoted"));
            assertEquals(List.of("quoted"), o.get("flags"));
            assertEquals(1L, o.get("flow"));
        }
        Map<String, Object> datagram = Json.object(Json.parse(json.format(hops.get(0))));
        assertFalse(datagram.containsKey("answers") || datagram.containsKey("quoted"));
    }

    @Test
    void theReportListsTheAnswersOfTheFlow() {
        portUnreachable();
        FlowReport report = FlowReport.of(assembler).get(0);
        ReportFormatter formatter = new ReportFormatter(NAMES);
        String text = formatter.text(report);
        assertTrue(text.startsWith("flow 1 udp 198.51.100.2:40000 -> 198.51.100.3:9: 1 request, 0 replies"), text);
        assertTrue(text.endsWith("  packet 1 answered: port unreachable from 198.51.100.3 at nj-ctr2"
                + System.lineSeparator()), text);
        Map<String, Object> json = Json.object(Json.parse(formatter.json(report)));
        assertEquals(List.of(Map.of("packet", 1L, "error", "port unreachable", "from", "198.51.100.3", "netns", CTR2,
                "netns_name", "nj-ctr2")), json.get("answers"));
    }

    @Test
    void errorWordsComeFromOneVocabulary() {
        assertEquals("port unreachable", Protocols.icmpError(false, 3, 3));
        assertEquals("host unreachable", Protocols.icmpError(false, 3, 1));
        assertEquals("frag needed", Protocols.icmpError(false, 3, 4));
        assertEquals("time exceeded", Protocols.icmpError(false, 11, 0));
        assertEquals("time exceeded code 1", Protocols.icmpError(false, 11, 1));
        assertEquals("parameter problem", Protocols.icmpError(false, 12, 0));
        assertEquals("port unreachable", Protocols.icmpError(true, 1, 4));
        assertEquals("packet too big", Protocols.icmpError(true, 2, 0));
        assertEquals("time exceeded", Protocols.icmpError(true, 3, 0));
        assertEquals("parameter problem code 1", Protocols.icmpError(true, 4, 1));
    }
}
