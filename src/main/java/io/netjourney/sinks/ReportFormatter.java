package io.netjourney.sinks;

import io.netjourney.capture.Names;
import io.netjourney.journey.Answer;
import io.netjourney.journey.FlowReport;
import io.netjourney.journey.PathStatistics;
import io.netjourney.journey.ProtocolNames;
import java.util.List;
import java.util.Locale;

/**
 * A flow's mtr-style report: a text table per direction (hop, namespace, interface, seen, loss, and the latency of
 * the step into the hop — last, average, best, worst, standard deviation — in µs) and a line per ICMP error that
 * answered one of its packets ("packet 3 answered: port unreachable from 198.51.100.3 at nj-ctr2"), or one JSON
 * object per flow.
 */
public final class ReportFormatter {
    private static final String ROW = "  %-8s %3s  %-14s %-16s %5s %6s  %8s %8s %8s %8s %8s";
    private static final String HEADER = String.format(Locale.ROOT, ROW, "", "hop", "namespace", "interface", "seen",
            "loss", "last", "avg", "best", "worst", "stdev");

    private final Names names;

    public ReportFormatter(Names names) {
        this.names = names;
    }

    /** "flow 3 icmp 198.51.100.2 -> 198.51.100.130: 3 requests, 3 replies (µs)" and the two tables. */
    public String text(FlowReport report) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "flow %d %s %s -> %s: %s, %s (latencies in µs)%n", report.flow().flowId(),
                ProtocolNames.of(report.flow().key()), report.flow().client(),
                report.flow().server(), count(report.requests(), "request"), count(report.replies(), "reply")));
        text.append(HEADER).append(System.lineSeparator());
        table(text, "request", report.request());
        table(text, "reply", report.reply());
        for (Answer answer : report.answers()) {
            text.append("  ").append(answer.packetId() == 0 ? "a packet" : "packet " + answer.packetId()).append(' ')
                    .append(Verdicts.answered(answer, namespace(answer.netnsInode()))).append(System.lineSeparator());
        }
        return text.toString();
    }

    private void table(StringBuilder text, String direction, List<PathStatistics.Hop<FlowReport.Place>> hops) {
        for (PathStatistics.Hop<FlowReport.Place> hop : hops) {
            text.append(String.format(Locale.ROOT, ROW + "%n", hop.hop() == 1 ? direction : "", hop.hop(),
                    namespace(hop.place()), hop.place().ifname(),
                    hop.seen(), hop.lastHop() ? "" : String.format(Locale.ROOT, "%.1f%%", hop.lossPercent()),
                    micros(hop.lastNs()), micros(hop.meanNs()), micros(hop.bestNs()), micros(hop.worstNs()),
                    micros(hop.stddevNs())));
        }
    }

    /** One object per flow: its endpoints, packet counts and per-hop statistics of both directions. */
    public String json(FlowReport report) {
        JsonBuilder json = new JsonBuilder().field("flow", report.flow().flowId())
                .field("proto", ProtocolNames.of(report.flow().key()))
                .field("client", report.flow().client().toString()).field("server", report.flow().server().toString())
                .field("packets", report.flow().packets()).field("requests", report.requests())
                .field("replies", report.replies());
        hops(json, "request", report.request());
        hops(json, "reply", report.reply());
        if (!report.answers().isEmpty()) {
            json.beginArray("answers");
            for (Answer answer : report.answers()) {
                JsonFormatter.answer(json.beginElement(), answer, names).endObject();
            }
            json.endArray();
        }
        return json.build();
    }

    private void hops(JsonBuilder json, String name, List<PathStatistics.Hop<FlowReport.Place>> hops) {
        json.beginArray(name);
        for (PathStatistics.Hop<FlowReport.Place> hop : hops) {
            json.beginElement().field("hop", hop.hop()).field("netns", hop.place().netnsInode())
                    .field("netns_name", names.netnsName(hop.place().netnsInode()).orElse(null))
                    .field("ifindex", hop.place().ifindex()).field("ifname", hop.place().ifname())
                    .field("seen", hop.seen()).field("lost", hop.lost()).field("samples", hop.samples());
            if (hop.samples() > 0) {
                json.field("last_us", hop.lastNs() / 1_000.0).field("avg_us", hop.meanNs() / 1_000)
                        .field("best_us", hop.bestNs() / 1_000.0).field("worst_us", hop.worstNs() / 1_000.0)
                        .field("stdev_us", hop.stddevNs() / 1_000);
            }
            json.endObject();
        }
        json.endArray();
    }

    private String namespace(FlowReport.Place place) {
        return namespace(place.netnsInode());
    }

    private String namespace(long inode) {
        return names.netnsName(inode).orElse(Long.toString(inode));
    }

    private static String micros(long ns) {
        return ns < 0 ? "-" : String.format(Locale.ROOT, "%.1f", ns / 1_000.0);
    }

    private static String micros(double ns) {
        return Double.isNaN(ns) ? "-" : String.format(Locale.ROOT, "%.1f", ns / 1_000);
    }

    private static String count(long n, String noun) {
        if (n == 1) {
            return n + " " + noun;
        }
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
