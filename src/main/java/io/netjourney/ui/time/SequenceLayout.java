package io.netjourney.ui.time;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.journey.DropClass;
import io.netjourney.journey.FlowDetail;
import io.netjourney.journey.FlowEvent;
import io.netjourney.journey.FlowPaths;
import io.netjourney.journey.FlowReport;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.sinks.Protocols;
import io.netjourney.sinks.Verdicts;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.model.Micros;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * A flow's crossings as a sequence diagram (Wireshark's Flow Graph, with interfaces for hosts): one column per
 * interface in path order, one row per crossing or drop in time order, the newest at the bottom. A crossing that
 * follows one on another interface is an arrow from that interface's column to its own, numbered with its hop on
 * the packet's branch (the Statistics tab's hop: the n-th crossing from 1) and labelled with the Δt into it; a
 * packet's first crossing is a start mark; a crossing that follows one on the same interface a step on that
 * column; a drop a red end on the column of the interface its packet crossed last, with the reason. Times count
 * from the flow's first event and are never negative.
 *
 * <p>Only the newest {@code maxPackets} packets are laid out (a flood's flow retains thousands of crossings); the
 * {@link #caption()} says what is shown. Pure geometry and text: sizes come from a {@link TextWidth}, so that no
 * label is cut, and the view only draws what is here.
 */
public final class SequenceLayout {
    /** Packets drawn by default: the newest of the flow's retained ones. */
    public static final int DEFAULT_MAX_PACKETS = 40;

    static final double ROW_HEIGHT = 30;
    static final double HEADER_HEIGHT = 44;
    static final double PAD = 10;
    /** From a column's line to a label placed beside it (start mark, drop, same-interface step). */
    static final double BESIDE = 14;
    /** Space kept between two column headers, and on both sides of an arrow's label. */
    static final double GAP = 16;

    /** The fonts the view draws with; widths are measured in them. */
    public enum Font { NAME, NAMESPACE, LABEL, TIME }

    /** The width of a text in one of the view's fonts, in pixels. */
    @FunctionalInterface
    public interface TextWidth {
        double of(String text, Font font);
    }

    /**
     * One interface.
     *
     * @param index       from 0, left to right, in path order
     * @param interfaceId the diagram's id for it ({@link DiagramGraph#idOf(long, int)})
     * @param x           its line's position
     * @param width       the width its header needs (its name and namespace, whole), centred on {@code x}
     */
    public record Column(int index, String interfaceId, String name, String namespace, double x, double width) {
    }

    /** What a row draws. */
    public enum Kind {
        /** A packet's first crossing (or the first retained): a mark on its column. */
        START,
        /** A crossing that follows one on another interface: an arrow between their columns. */
        ARROW,
        /** A crossing that follows one on the same interface: a step on that column. */
        STEP,
        /** A drop: a red (dimmed when expected) end on the column of the crossing it followed. */
        DROP
    }

    /**
     * One crossing or drop.
     *
     * @param index      from 0, top to bottom
     * @param y          the row's line (arrows and marks are drawn on it, their label above)
     * @param offsetNs   time since the flow's first event, never negative
     * @param time       {@code offsetNs} as text, seconds
     * @param from       the column of the crossing it follows (START: its own)
     * @param to         the column where it happened
     * @param hop        its hop number on the packet's branch, from 1; 0 for a drop
     * @param label      beside or above the mark: "2 · 3.0 µs", "1", "NO_SOCKET (expected)"; a label beside its
     *                   column may run across the lines of the columns right of it, nothing else is in its row
     * @param labelX     where that label starts; {@code labelWidth} its width
     * @param comment    the row's note at the right: the packet on its first row, the drop's detail on a drop
     * @param tooltip    everything about it
     * @param expected   for a drop: whether it is normal operation (dimmed, not red)
     */
    public record Row(int index, double y, long offsetNs, String time, long packetId, PacketDirection direction,
                      Kind kind, int from, int to, int hop, String label, double labelX, double labelWidth,
                      String comment, String tooltip, boolean expected) {
    }

    private final List<Column> columns;
    private final List<Row> rows;
    private final double timeWidth;
    private final double commentX;
    private final double width;
    private final double height;
    private final String caption;

    private SequenceLayout(List<Column> columns, List<Row> rows, double timeWidth, double commentX, double width,
            String caption) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.timeWidth = timeWidth;
        this.commentX = commentX;
        this.width = width;
        this.height = rows.size() * ROW_HEIGHT;
        this.caption = caption;
    }

    /** Nothing selected. */
    public static final SequenceLayout EMPTY = new SequenceLayout(List.of(), List.of(), 0, 0, 0,
            "Select a flow to see its crossings over time");

    /**
     * Lays out the newest {@code maxPackets} packets of a flow.
     *
     * @param namespaces a namespace's label from its inode
     */
    public static SequenceLayout of(FlowDetail detail, LongFunction<String> namespaces, TextWidth measure,
            int maxPackets) {
        long flowId = detail.flow().flowId();
        List<FlowEvent> own = new ArrayList<>(detail.events().size());
        TreeSet<Long> packetIds = new TreeSet<>();
        for (FlowEvent e : detail.events()) {
            TracedHop hop = e.hop();
            boolean packetEvent = hop.event() instanceof Crossing || hop.event() instanceof Drop;
            if (e.netfilter() == null && packetEvent && hop.flowId() == flowId && hop.packetId() != 0) {
                own.add(e);
                packetIds.add(hop.packetId());
            }
        }
        int packetsTotal = packetIds.size();
        while (packetIds.size() > maxPackets) {
            packetIds.pollFirst();
        }
        List<FlowEvent> shown = new ArrayList<>(own.size());
        for (FlowEvent e : own) {
            if (packetIds.contains(e.hop().packetId())) {
                shown.add(e);
            }
        }
        return new Builder(detail, namespaces, measure).build(shown, caption(packetIds.size(), packetsTotal,
                shown.size(), own.size()));
    }

    private static String caption(int packets, int packetsTotal, int events, int eventsTotal) {
        if (packetsTotal == 0) {
            return "No crossings of this flow retained";
        }
        if (packets == packetsTotal) {
            return String.format(Locale.ROOT, "%,d %s, %,d %s · times from the flow's first event · newest at the "
                    + "bottom", packets, packets == 1 ? "packet" : "packets", events, events == 1 ? "event" : "events");
        }
        return String.format(Locale.ROOT, "Showing the newest %,d of %,d packets (%,d of %,d events; the hop table "
                + "has them all) · times from the flow's first event · newest at the bottom", packets, packetsTotal,
                events, eventsTotal);
    }

    /** Interfaces, left to right. */
    public List<Column> columns() {
        return columns;
    }

    /** Crossings and drops, top to bottom. */
    public List<Row> rows() {
        return rows;
    }

    /** The width of the time column at the left; columns start after it. */
    public double timeWidth() {
        return timeWidth;
    }

    /** Where the rows' comments start, right of every column and label. */
    public double commentX() {
        return commentX;
    }

    /** The whole diagram's width, comments included. */
    public double width() {
        return width;
    }

    /** The rows' height (the header is drawn above, {@link #headerHeight()} tall). */
    public double height() {
        return height;
    }

    public double headerHeight() {
        return HEADER_HEIGHT;
    }

    public double rowHeight() {
        return ROW_HEIGHT;
    }

    /** What is shown: how many packets and events, and that older ones are left out. */
    public String caption() {
        return caption;
    }

    /** "0.000123": seconds with µs, for the time column. */
    static String seconds(long ns) {
        long micros = ns / 1_000;
        String fraction = Long.toString(1_000_000 + micros % 1_000_000);
        return micros / 1_000_000 + "." + fraction.substring(1);
    }

    /** Builds one layout: columns first (in path order), then rows, then the columns' positions from the labels. */
    private static final class Builder {
        private final FlowDetail detail;
        private final LongFunction<String> namespaces;
        private final TextWidth measure;
        private final List<FlowReport.Place> places = new ArrayList<>();
        private final Map<FlowReport.Place, Integer> placeIndex = new HashMap<>();

        Builder(FlowDetail detail, LongFunction<String> namespaces, TextWidth measure) {
            this.detail = detail;
            this.namespaces = namespaces;
            this.measure = measure;
        }

        SequenceLayout build(List<FlowEvent> events, String caption) {
            orderColumns(events);
            int n = places.size();
            double[] headerWidth = new double[n];
            for (int i = 0; i < n; i++) {
                FlowReport.Place place = places.get(i);
                headerWidth[i] = Math.max(measure.of(place.ifname(), Font.NAME),
                        measure.of(namespaces.apply(place.netnsInode()), Font.NAMESPACE)) + PAD;
            }
            // the space between neighbouring columns: their headers side by side, an arrow's label between its columns
            double[] gap = new double[Math.max(0, n - 1)];
            for (int i = 0; i + 1 < n; i++) {
                gap[i] = headerWidth[i] / 2 + headerWidth[i + 1] / 2 + GAP;
            }
            List<Pending> pending = rows(events);
            for (Pending row : pending) {
                if (row.kind == Kind.ARROW) {
                    widen(gap, Math.min(row.from, row.to), Math.max(row.from, row.to), row.labelWidth + 2 * GAP);
                }
            }
            double timeWidth = Math.max(measure.of("t (s)", Font.TIME), pending.stream()
                    .mapToDouble(r -> measure.of(r.time, Font.TIME)).max().orElse(0)) + 2 * PAD;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i == 0 ? timeWidth + Math.max(headerWidth[0] / 2, GAP) : x[i - 1] + gap[i - 1];
            }
            List<Column> columns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                FlowReport.Place place = places.get(i);
                columns.add(new Column(i, DiagramGraph.idOf(place.netnsInode(), place.ifindex()), place.ifname(),
                        namespaces.apply(place.netnsInode()), x[i], headerWidth[i]));
            }
            List<Row> rows = new ArrayList<>(pending.size());
            // right of every column's header and every label: a label beside its column may cross the lines of
            // the columns after it (nothing else is drawn in its row), never the comments
            double commentX = n == 0 ? timeWidth : x[n - 1] + headerWidth[n - 1] / 2;
            for (int i = 0; i < pending.size(); i++) {
                Row row = pending.get(i).place(i, x);
                rows.add(row);
                commentX = Math.max(commentX, row.labelX() + row.labelWidth());
            }
            commentX += GAP;
            double commentWidth = pending.stream().mapToDouble(r -> measure.of(r.comment, Font.LABEL)).max()
                    .orElse(0);
            return new SequenceLayout(columns, rows, timeWidth, commentX, commentX + commentWidth + PAD, caption);
        }

        /** Makes the gaps between columns {@code a} and {@code b} add up to at least {@code need}. */
        private static void widen(double[] gap, int a, int b, double need) {
            double span = 0;
            for (int i = a; i < b; i++) {
                span += gap[i];
            }
            if (span < need && b > a) {
                double more = (need - span) / (b - a);
                for (int i = a; i < b; i++) {
                    gap[i] += more;
                }
            }
        }

        /**
         * Path order: the request path's interfaces, then the reply path's walked backwards (so that it reads as the
         * way back), then any other interface a shown packet crossed, each placed right after the interface it came
         * from.
         */
        private void orderColumns(List<FlowEvent> events) {
            FlowReport.Place previous = null;
            for (TracedHop hop : detail.request().path()) {
                previous = add(FlowPaths.placeOf(hop), previous);
            }
            List<TracedHop> reply = detail.reply().path();
            previous = null;
            for (int i = reply.size() - 1; i >= 0; i--) {
                FlowReport.Place place = FlowPaths.placeOf(reply.get(i));
                previous = add(place, previous);
            }
            Map<Long, Map<Integer, FlowReport.Place>> crossed = new HashMap<>();
            for (FlowEvent e : events) {
                if (e.hop().event() instanceof Crossing) {
                    Map<Integer, FlowReport.Place> packet = crossed.computeIfAbsent(e.hop().packetId(),
                            id -> new HashMap<>());
                    packet.put(e.hop().ordinal(), e.place());
                    add(e.place(), packet.get(e.hop().parent()));
                }
            }
            placeIndex.clear();
            for (int i = 0; i < places.size(); i++) {
                placeIndex.put(places.get(i), i);
            }
        }

        /** Adds a new interface after {@code after} (at the end when that is null); returns it. */
        private FlowReport.Place add(FlowReport.Place place, FlowReport.Place after) {
            if (placeIndex.containsKey(place)) {
                return place;
            }
            int at = after == null || !places.contains(after) ? places.size() : places.indexOf(after) + 1;
            places.add(at, place);
            placeIndex.put(place, at);
            return place;
        }

        private List<Pending> rows(List<FlowEvent> events) {
            Map<Long, Map<Integer, Integer>> columnOf = new HashMap<>();
            List<Pending> rows = new ArrayList<>(events.size());
            for (FlowEvent e : events) {
                TracedHop hop = e.hop();
                Map<Integer, Integer> packet = columnOf.computeIfAbsent(hop.packetId(), id -> new HashMap<>());
                int to = placeIndex.get(e.place());
                long offset = Math.max(0, e.timestampNs() - detail.firstSeenNs());
                String time = seconds(offset);
                String tooltip;
                if (hop.event() instanceof Drop drop) {
                    boolean expected = DropClass.of(drop).expected();
                    String label = drop.reasonText() + (expected ? " (expected)" : "");
                    String why = Verdicts.whereAndWhy(drop).strip();
                    tooltip = Verdicts.dropped(drop) + " " + why + "\n" + hop.direction().label() + " at "
                            + where(e.place()) + ", +" + time + " s";
                    // an expected drop's plain-language reason is in its tooltip: the comment keeps to where
                    String comment = expected && drop.locationName() != null ? "at " + drop.locationName() : why;
                    rows.add(new Pending(hop, offset, time, Kind.DROP, to, to, 0, label, measured(label), comment,
                            tooltip, expected));
                    continue;
                }
                packet.put(hop.ordinal(), to);
                Integer from = packet.get(hop.parent());
                int number = hop.hopIndex() + 1;
                String delta = hop.deltaNs() < 0 ? "" : Micros.format(Micros.of(hop.deltaNs())) + " µs";
                tooltip = "hop " + number + " · " + describe(hop) + " · " + addresses(hop.event()) + "\n"
                        + hop.event().hook().tracepoint() + " on " + where(e.place()) + ", +" + time + " s"
                        + (delta.isEmpty() ? "" : ", " + delta + " after the crossing before it");
                Kind kind = from == null ? Kind.START : from == to ? Kind.STEP : Kind.ARROW;
                String label = delta.isEmpty() || kind == Kind.START ? Integer.toString(number)
                        : number + " · " + delta;
                String comment = kind == Kind.START ? describe(hop) : "";
                rows.add(new Pending(hop, offset, time, kind, from == null ? to : from, to, number, label,
                        measured(label), comment, tooltip, false));
            }
            return rows;
        }

        private double measured(String label) {
            return measure.of(label, Font.LABEL);
        }

        private String where(FlowReport.Place place) {
            return place.ifname() + " in " + namespaces.apply(place.netnsInode());
        }

        /** "request · icmp seq 3": the packet, on its first row (its addresses are the flow's, in the tooltip). */
        private static String describe(TracedHop hop) {
            HopEvent e = hop.event();
            StringBuilder text = new StringBuilder(hop.direction().label());
            String protocol = Protocols.name(e);
            if (protocol != null) {
                text.append(" · ").append(protocol);
            }
            if (e.hasTransportHeader() && e.isEcho()) {
                text.append(" seq ").append(e.icmpSeq());
            } else if (e.hasTransportHeader() && e.isTcp()) {
                text.append(" [").append(Protocols.tcpFlags(e.tcpFlags())).append(']');
            }
            return text.toString();
        }

        /** "198.51.100.1 → 198.51.100.2", or "" without addresses. */
        private static String addresses(HopEvent e) {
            return e.source() == null || e.destination() == null ? ""
                    : e.source().getHostAddress() + " → " + e.destination().getHostAddress();
        }
    }

    /** A row before the columns have their positions. */
    private record Pending(TracedHop hop, long offsetNs, String time, Kind kind, int from, int to, int number,
                           String label, double labelWidth, String comment, String tooltip, boolean expected) {

        Row place(int index, double[] x) {
            double y = index * ROW_HEIGHT + ROW_HEIGHT * 0.62;
            double labelX = kind == Kind.ARROW ? (x[from] + x[to]) / 2 - labelWidth / 2 : x[to] + BESIDE;
            return new Row(index, y, offsetNs, time, hop.packetId(), hop.direction(), kind, from, to, number, label,
                    labelX, labelWidth, comment, tooltip, expected);
        }
    }
}
