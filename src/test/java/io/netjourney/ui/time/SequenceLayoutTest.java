package io.netjourney.ui.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.journey.FlowDetail;
import io.netjourney.journey.FlowReport;
import io.netjourney.journey.JourneyConfig;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.PathStatistics;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.time.SequenceLayout.Column;
import io.netjourney.ui.time.SequenceLayout.Kind;
import io.netjourney.ui.time.SequenceLayout.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequence view's contents for known flows of the lab (see {@link LabFlows}). */
class SequenceLayoutTest {
    /** A fixed-pitch stand-in for the view's fonts: names 8 px a character, the rest 7. */
    static final SequenceLayout.TextWidth PITCH = (text, font) -> text.length()
            * (font == SequenceLayout.Font.NAME ? 8.0 : 7.0);

    private static SequenceLayout layout(LabFlows flows, int maxPackets) {
        FlowDetail detail = flows.model().detail(1);
        return SequenceLayout.of(detail, inode -> LabFlows.NAMES.getOrDefault(inode, Long.toString(inode)), PITCH,
                maxPackets);
    }

    private static SequenceLayout onePing() {
        return layout(new LabFlows().route(999_000).ping(1, 1_000_000), SequenceLayout.DEFAULT_MAX_PACKETS);
    }

    @Test
    void oneColumnPerInterfaceInPathOrderWithItsNamespace() {
        List<String> headers = onePing().columns().stream().map(c -> c.name() + " / " + c.namespace()).toList();
        assertEquals(List.of("nj-br0 / nj-host", "nj-veth1 / nj-host", "eth0 / nj-ctr1"), headers);
        assertEquals(DiagramGraph.idOf(LabFlows.CTR1, 2), onePing().columns().get(2).interfaceId());
    }

    @Test
    void onePingIsTheRequestThereAndTheReplyBackWithItsExpectedDrop() {
        List<String> rows = onePing().rows().stream().map(SequenceLayoutTest::describe).toList();
        assertEquals(List.of(
                "0.000001 request START 0->0 #1 '1' request · icmp seq 1",
                "0.000002 request ARROW 0->1 #2 '2 · 1.5 µs'",
                "0.000005 request ARROW 1->2 #3 '3 · 2.5 µs'",
                "0.000015 reply START 2->2 #1 '1' reply · icmp seq 1",
                "0.000018 reply ARROW 2->1 #2 '2 · 3.0 µs'",
                "0.000022 reply ARROW 1->0 #3 '3 · 4.0 µs'",
                "0.000023 reply DROP 0->0 #0 'NO_SOCKET (expected)' at ping_rcv+0x12"),
                rows);
        assertTrue(onePing().rows().get(6).expected(), "root ping's drop is dimmed, not red");
        assertEquals("dropped (expected): NO_SOCKET at ping_rcv+0x12 (no datagram ping socket: harmless when ping "
                + "runs as root, its raw socket got its own copy)\nreply at nj-br0 in nj-host, +0.000023 s",
                onePing().rows().get(6).tooltip());
        assertEquals("hop 2 · request · icmp seq 1 · 198.51.100.1 → 198.51.100.2\nnet_dev_queue on nj-veth1 in nj-host, "
                + "+0.000002 s, 1.5 µs after the crossing before it", onePing().rows().get(1).tooltip());
    }

    @Test
    void timesCountFromTheFlowsFirstEventARoutingDecisionBeforeTheFirstCrossing() {
        SequenceLayout layout = onePing();
        assertEquals(1_000, layout.rows().get(0).offsetNs(), "the route 1 µs before the first crossing is t = 0");
        assertTrue(layout.rows().stream().allMatch(r -> r.offsetNs() >= 0));
        for (int i = 1; i < layout.rows().size(); i++) {
            assertTrue(layout.rows().get(i).y() > layout.rows().get(i - 1).y(), "rows go down with time");
        }
    }

    @Test
    void aRealDropIsARedEndAtTheInterfaceWhereThePacketDied() {
        SequenceLayout layout = layout(new LabFlows().ping(1, 1_000_000).droppedPing(2, 2_000_000),
                SequenceLayout.DEFAULT_MAX_PACKETS);
        Row last = layout.rows().get(layout.rows().size() - 1);
        assertEquals(Kind.DROP, last.kind());
        assertEquals("NETFILTER_DROP", last.label());
        assertEquals(false, last.expected());
        assertEquals("eth0", layout.columns().get(last.to()).name());
        assertEquals(PacketDirection.REQUEST, last.direction());
        assertEquals("at nft_do_chain+0x4 (a firewall rule (nftables/iptables) dropped it)", last.comment());
        assertTrue(last.tooltip().startsWith("dropped: NETFILTER_DROP at nft_do_chain+0x4"), last.tooltip());
    }

    @Test
    void arrowNumbersAreTheStatisticsTabsHops() {
        LabFlows flows = new LabFlows().ping(1, 1_000_000).ping(2, 2_000_000);
        FlowDetail detail = flows.model().detail(1);
        SequenceLayout layout = layout(flows, SequenceLayout.DEFAULT_MAX_PACKETS);
        for (PacketDirection direction : PacketDirection.values()) {
            var path = direction == PacketDirection.REQUEST ? detail.request() : detail.reply();
            List<String> statistics = new ArrayList<>();
            for (PathStatistics.Hop<FlowReport.Place> hop : path.statistics()) {
                statistics.add(hop.hop() + "@" + DiagramGraph.idOf(hop.place().netnsInode(), hop.place().ifindex()));
            }
            List<String> drawn = new ArrayList<>();
            for (Row row : layout.rows()) {
                if (row.packetId() == path.reference().packetId() && row.kind() != Kind.DROP) {
                    drawn.add(row.hop() + "@" + layout.columns().get(row.to()).interfaceId());
                }
            }
            assertEquals(statistics, drawn, direction + ": the arrows' numbers are the Statistics tab's hops");
        }
    }

    @Test
    void noHeaderIsCutAndNoLabelOverlapsAnotherHeaderOrTheComments() {
        SequenceLayout layout = layout(new LabFlows().ping(1, 1_000_000).droppedPing(2, 2_000_000),
                SequenceLayout.DEFAULT_MAX_PACKETS);
        List<Column> columns = layout.columns();
        for (Column c : columns) {
            assertTrue(c.width() >= PITCH.of(c.name(), SequenceLayout.Font.NAME)
                    && c.width() >= PITCH.of(c.namespace(), SequenceLayout.Font.NAMESPACE), c.toString());
            assertTrue(c.x() - c.width() / 2 >= layout.timeWidth(), "right of the time column: " + c);
        }
        for (int i = 1; i < columns.size(); i++) {
            Column left = columns.get(i - 1);
            Column right = columns.get(i);
            assertTrue(left.x() + left.width() / 2 < right.x() - right.width() / 2, left + " overlaps " + right);
        }
        for (Row row : layout.rows()) {
            double end = row.labelX() + row.labelWidth();
            assertTrue(end < layout.commentX(), "label before the comments: " + describe(row));
            assertEquals(PITCH.of(row.label(), SequenceLayout.Font.LABEL), row.labelWidth(), 1e-9);
            if (row.kind() == Kind.ARROW) {
                double lo = Math.min(columns.get(row.from()).x(), columns.get(row.to()).x());
                double hi = Math.max(columns.get(row.from()).x(), columns.get(row.to()).x());
                assertTrue(row.labelX() > lo && end < hi, "an arrow's label between its columns: " + describe(row));
            } else {
                assertTrue(row.labelX() > columns.get(row.to()).x(), "a label beside its column: " + describe(row));
            }
        }
        Column last = columns.get(columns.size() - 1);
        assertTrue(layout.commentX() > last.x() + last.width() / 2, "comments right of the last header");
        assertTrue(layout.width() >= layout.commentX() + layout.rows().stream()
                .mapToDouble(r -> PITCH.of(r.comment(), SequenceLayout.Font.LABEL)).max().orElse(0));
    }

    @Test
    void aFloodsFlowDrawsOnlyItsNewestPacketsAndSaysSo() {
        LabFlows flows = new LabFlows(JourneyConfig.defaults().withMaxPacketsPerFlow(400));
        for (int seq = 1; seq <= 200; seq++) {
            flows.ping(seq, seq * 100_000L);
        }
        FlowDetail detail = flows.model().detail(1);
        long events = detail.events().stream().filter(e -> e.hop().packetId() != 0).count();
        assertEquals(1_400, events, "the fixture: 200 pings of 7 events");
        long[] ns = new long[300];
        SequenceLayout layout = null;
        for (int i = 0; i < ns.length; i++) {
            long started = System.nanoTime();
            layout = SequenceLayout.of(detail, inode -> LabFlows.NAMES.get(inode), PITCH,
                    SequenceLayout.DEFAULT_MAX_PACKETS);
            ns[i] = System.nanoTime() - started;
        }
        Arrays.sort(ns);
        System.out.printf("SequenceLayout of a flow of %,d events: median %.2f ms, best %.2f ms, worst %.2f ms (%d runs, the first "
                + "ones warming up)%n", events, ns[ns.length / 2] / 1e6, ns[0] / 1e6, ns[ns.length - 1] / 1e6, ns.length);
        assertEquals(140, layout.rows().size(), "the newest 40 packets: 20 pings of 7 events");
        assertTrue(layout.rows().stream().allMatch(r -> r.packetId() > 360), "only the newest packets");
        assertEquals("Showing the newest 40 of 400 packets (140 of 1,400 events; the hop table has them all) · times "
                + "from the flow's first event · newest at the bottom", layout.caption());
        assertEquals("0.018000", layout.rows().get(0).time(), "ping 181, 18 ms after the first");
    }

    @Test
    void everythingShownSaysHowMuch() {
        assertEquals("2 packets, 7 events · times from the flow's first event · newest at the bottom",
                onePing().caption());
        assertEquals(0, SequenceLayout.EMPTY.rows().size());
    }

    private static String describe(Row row) {
        return row.time() + " " + row.direction().label() + " " + row.kind() + " " + row.from() + "->" + row.to()
                + " #" + row.hop() + " '" + row.label() + "'" + (row.comment().isEmpty() ? "" : " " + row.comment());
    }
}
