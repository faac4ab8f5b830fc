package io.netjourney.cli;

import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.RouteDecision;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.journey.DropClass;
import io.netjourney.journey.FlowReport;
import io.netjourney.journey.JourneyAssembler;
import io.netjourney.journey.JourneyConfig;
import io.netjourney.journey.TracedHop;
import io.netjourney.sinks.LineFormatter;
import io.netjourney.sinks.SummaryCounter;
import io.netjourney.sinks.TraceFileWriter;
import io.netjourney.sinks.Verdicts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one sink behind trace, show, report and demo (fed by their {@link io.netjourney.session.Session}): journey
 * assembly → output lines and the optional trace file. Not thread-safe: fed by one thread.
 */
final class Tracer {
    private final Predicate<HopEvent> onlyThese;
    /** Lines need ids, directions and latencies, not the crossings themselves: none is kept, unless reported. */
    private JourneyAssembler assembler = new JourneyAssembler(JourneyConfig.defaults().withMaxHopsPerPacket(0));
    private final LineFormatter formatter;
    private final PrintStream out;
    private final TraceFileWriter recording;
    private final SummaryCounter summary = new SummaryCounter();
    private final long limit;
    private final boolean showRoutes;
    private long printed;
    private boolean quiet;
    private boolean showExpectedDrops;

    /**
     * @param onlyThese which events to show beyond the session's filter (the demo: echoes only); null for all
     * @param recording  trace file to write every crossing to, or null
     * @param limit      crossings after which {@link #done()} is true; 0 for no limit
     */
    Tracer(Predicate<HopEvent> onlyThese, LineFormatter formatter, PrintStream out, TraceFileWriter recording, long limit) {
        this(onlyThese, formatter, out, recording, limit, false);
    }

    /** @param showRoutes print routing decisions too (they are always recorded) */
    Tracer(Predicate<HopEvent> onlyThese, LineFormatter formatter, PrintStream out, TraceFileWriter recording, long limit,
            boolean showRoutes) {
        this.onlyThese = onlyThese;
        this.formatter = formatter;
        this.out = out;
        this.recording = recording;
        this.limit = limit;
        this.showRoutes = showRoutes;
    }

    void accept(HopEvent event) {
        if (done() || onlyThese != null && !onlyThese.test(event)) {
            return;
        }
        TracedHop hop = assembler.accept(event);
        summary.add(hop);
        // a lookup that only missed a table on the way to the one that decided is recorded, not printed; so is a
        // drop that is normal operation, unless asked for
        boolean shown = event instanceof RouteDecision route ? showRoutes && Verdicts.decisive(route)
                : showExpectedDrops || !DropClass.of(event).expected();
        if (shown) {
            if (!quiet) {
                out.println(formatter.format(hop));
            }
            printed++;
        }
        if (recording != null) {
            try {
                recording.writeHop(event);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Keeps the packets' crossings (the journey model's default retention) for {@link #reports()}, and prints no
     * line per crossing: the report is the output. Call before the first event.
     */
    void reportAtTheEnd() {
        assembler = new JourneyAssembler();
        quiet = true;
    }

    /** The mtr-style report of every flow retained so far. */
    List<FlowReport> reports() {
        return FlowReport.of(assembler);
    }

    /** Drops that are normal operation ({@link DropClass}) are printed too. */
    void showExpectedDrops() {
        showExpectedDrops = true;
    }

    /** Lines are counted (for the limit and the summary) but not printed. */
    void printNothing() {
        quiet = true;
    }

    /** A netfilter verdict on a packet that matched the session's filter. */
    void accept(NetfilterVerdict verdict) {
        if (done()) {
            return;
        }
        if (!quiet) {
            out.println(formatter.format(verdict));
        }
        if (recording != null) {
            try {
                recording.writeNetfilter(verdict);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    boolean done() {
        return limit > 0 && printed >= limit;
    }

    void lostEvents(long total) {
        summary.lostEvents(total);
        if (recording != null) {
            try {
                recording.writeLostTotal(total);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void flush() {
        out.flush();
        if (recording != null) {
            try {
                recording.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The summary line, with the session's final counters. */
    String summaryLine(CaptureStats counters) {
        return formatter.summary(summary.summary(counters));
    }
}
