package io.netjourney.ui.model;

import io.netjourney.ui.diagram.Caption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The caption of an exported diagram, from what the window shows and where it came from. No clock of its own. */
public final class ExportCaption {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private ExportCaption() {
    }

    /**
     * What is shown (see {@link JourneyViewModel#shown()}).
     *
     * @param flow    the selected flow ("flow 3 · icmp 198.51.100.2 → 198.51.100.3"), or null for all flows
     * @param flows   how many flows are listed
     * @param firstNs the earliest event shown, kernel monotonic ns; {@link Long#MIN_VALUE} when nothing is
     * @param lastNs  the latest
     * @param startNs the first crossing of the capture or trace, that relative times count from
     */
    public record Shown(String flow, int flows, long firstNs, long lastNs, long startNs) {
    }

    /**
     * Where it comes from: a live capture (its filter, this host, and how far the wall clock is ahead of the kernel's
     * monotonic clock), or a trace file (its name).
     */
    public record Origin(String filter, String host, String file, OptionalLong wallAheadOfMonotonicNs) {
        public static Origin live(String filter, String host, long wallAheadOfMonotonicNs) {
            return new Origin(filter, host, null, OptionalLong.of(wallAheadOfMonotonicNs));
        }

        public static Origin file(String file) {
            return new Origin(null, null, file, OptionalLong.empty());
        }
    }

    public static Caption of(Shown shown, Origin origin, Instant exportedAt, ZoneId zone) {
        String title = shown.flow() != null ? shown.flow()
                : "all flows (" + shown.flows() + (shown.flows() == 1 ? " flow)" : " flows)");
        List<String> facts = new ArrayList<>();
        facts.add("time: " + span(shown, origin, zone));
        if (origin.file() != null) {
            facts.add("trace file: " + origin.file());
        } else {
            facts.add("filter: " + (origin.filter() == null || origin.filter().isBlank() ? "all IP traffic"
                    : origin.filter()));
            facts.add("host: " + origin.host());
        }
        facts.add("exported " + STAMP.format(exportedAt.atZone(zone)) + " by netjourney");
        return new Caption(title, facts);
    }

    private static String span(Shown shown, Origin origin, ZoneId zone) {
        if (shown.firstNs() == Long.MIN_VALUE || shown.lastNs() < shown.firstNs()) {
            return "nothing captured yet";
        }
        String length = " (" + duration(shown.lastNs() - shown.firstNs()) + ")";
        if (origin.wallAheadOfMonotonicNs().isPresent()) {
            long ahead = origin.wallAheadOfMonotonicNs().getAsLong();
            ZonedDateTime first = wall(shown.firstNs() + ahead, zone);
            ZonedDateTime last = wall(shown.lastNs() + ahead, zone);
            String day = DAY.format(first);
            String lastDay = DAY.format(last);
            return day + " " + TIME.format(first) + " to " + (lastDay.equals(day) ? "" : lastDay + " ")
                    + TIME.format(last) + " " + first.getZone().getDisplayName(java.time.format.TextStyle.SHORT,
                    Locale.ROOT) + length;
        }
        return String.format(Locale.ROOT, "+%.3f s to +%.3f s into the trace", (shown.firstNs() - shown.startNs())
                / 1e9, (shown.lastNs() - shown.startNs()) / 1e9) + length;
    }

    /** "412 µs", "12.3 ms", "2.130 s". */
    private static String duration(long ns) {
        if (ns < 1_000_000) {
            return ns / 1_000 + " µs";
        }
        return ns < 1_000_000_000 ? String.format(Locale.ROOT, "%.1f ms", ns / 1e6)
                : String.format(Locale.ROOT, "%.3f s", ns / 1e9);
    }

    private static ZonedDateTime wall(long epochNs, ZoneId zone) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L))
                .atZone(zone);
    }
}
