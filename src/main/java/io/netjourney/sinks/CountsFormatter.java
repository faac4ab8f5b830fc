package io.netjourney.sinks;

import io.netjourney.capture.Drop;
import io.netjourney.capture.Names;
import io.netjourney.capture.PacketEvent;
import io.netjourney.journey.CountedFlows;
import io.netjourney.journey.DropClass;
import io.netjourney.journey.LatencyHistogram;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the kernel counted ({@code trace --sample}): per flow and direction a table of the places in path order with
 * packets, bytes and the time from a packet's first crossing to the place (median and 99th percentile, as the upper
 * bound of the histogram's power-of-two bucket: "<4.1 µs"), drops last with their reason; or one JSON object per
 * place.
 */
public final class CountsFormatter {
    private static final String COLUMNS = " %-5s %10s %12s %10s %10s";
    /** A direction's heading: its ends, then the columns' titles. */
    private static final String DIRECTION = "  %-36s" + COLUMNS;
    private static final String ROW = "    %-34s" + COLUMNS;

    private final Names names;

    public CountsFormatter(Names names) {
        this.names = names;
    }

    /**
     * The heading: "counted in the kernel: every matching packet, 1 in 10 sent as events; p50, p99: ..." (what the
     * latency columns are).
     */
    public static String heading(int sampleEvery) {
        return "counted in the kernel: every matching packet, "
                + (sampleEvery <= 1 ? "each sent as events" : "1 in " + sampleEvery + " sent as events")
                + "; p50, p99: time from the packet's first crossing to here (upper bound of a power-of-two bucket)";
    }

    /** A flow's lines: its key and packets, then a table per direction. */
    public String text(CountedFlows.Flow flow) {
        // the kernel counts no MAC addresses: a flow of frames without IP addresses is named by its ethertype alone
        String name = flow.directions().get(0).source() == null ? ends(flow.directions().get(0))
                : flow.key().toString();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %s%n", name,
                count(flow.packets(), "packet")));
        for (CountedFlows.Direction direction : flow.directions()) {
            text.append(String.format(Locale.ROOT, DIRECTION + "%n",
                    ends(direction),
                    "", "packets", "bytes", "p50", "p99"));
            for (CountedFlows.Place place : direction.places()) {
                text.append(String.format(Locale.ROOT, ROW + "%n", where(place.at()), what(place), place.packets(),
                        place.bytes(), since(place.sinceFirst(), 0.5), since(place.sinceFirst(), 0.99)));
                if (place.at() instanceof Drop drop) {
                    text.append("      ").append(Verdicts.dropped(drop)).append(Verdicts.whereAndWhy(drop))
                            .append(System.lineSeparator());
                }
            }
        }
        return text.toString();
    }

    /** One JSON object per place of each direction. */
    public List<String> json(CountedFlows.Flow flow) {
        List<String> lines = new ArrayList<>();
        for (CountedFlows.Direction direction : flow.directions()) {
            for (CountedFlows.Place place : direction.places()) {
                PacketEvent at = place.at();
                JsonBuilder json = new JsonBuilder().beginObject("count").field("flow", flow.key().toString())
                        .field("src", host(direction.source()))
                        .field("dst", host(direction.destination()))
                        .field("netns", at.netnsInode())
                        .field("netns_name", names.netnsName(at.netnsInode()).orElse(null))
                        .field("ifindex", at.ifindex()).field("ifname", at.ifname())
                        .field("hook", at.hook().tracepoint());
                if (at instanceof Drop drop) {
                    json.field("drop_reason", drop.reasonText()).field("drop_location", drop.locationName())
                            .field("expected", DropClass.of(drop).expected());
                }
                json.field("packets", place.packets()).field("bytes", place.bytes())
                        .field("since_first_p50_ns", place.sinceFirst().quantileNs(0.5))
                        .field("since_first_p99_ns", place.sinceFirst().quantileNs(0.99));
                lines.add(json.endObject().build());
            }
        }
        return lines;
    }

    /** "198.51.100.2 -> 198.51.100.3"; a frame without IP addresses is named by its ethertype. */
    private static String ends(CountedFlows.Direction direction) {
        if (direction.source() == null || direction.destination() == null) {
            int ethertype = direction.places().get(0).at().ethertype();
            return "ethertype " + Addresses.ethertype(ethertype) + " frames";
        }
        return direction.source().getHostAddress() + " -> " + direction.destination().getHostAddress();
    }

    private static String host(InetAddress address) {
        return address == null ? null : address.getHostAddress();
    }

    private String where(PacketEvent at) {
        String netns = "[" + names.netnsName(at.netnsInode()).orElse(Long.toString(at.netnsInode())) + "]";
        return at.ifname().isEmpty() ? netns : netns + " " + at.ifname();
    }

    private static String what(CountedFlows.Place place) {
        if (place.drop()) {
            return "drop";
        }
        return switch (place.at().hook().direction()) {
            case TX -> "tx";
            case RX -> "rx";
            case NONE -> place.at().hook().tracepoint();
        };
    }

    /** "0", "<4.1 µs", "<1.0 ms": the bucket's upper bound. */
    static String since(LatencyHistogram histogram, double q) {
        long ns = histogram.quantileNs(q);
        if (ns < 0) {
            return "-";
        }
        if (ns == 0) {
            return "0";
        }
        if (ns < 1_000) {
            return "<" + ns + " ns";
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "<%.1f µs", ns / 1e3);
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "<%.1f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "<%.1f s", ns / 1e9);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
