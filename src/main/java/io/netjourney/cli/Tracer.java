package io.netjourney.cli;

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
 * The one pipeline behind trace, show and demo: filter (when the kernel could not apply all of it) → journey
 * assembly → output lines and the optional trace file. Not thread-safe: fed by one thread.
 */
final class Tracer {
    private final Predicate<HopEvent> javaFilter;
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
     * @param javaFilter what to keep, checked here; null when the kernel's filter is all there is
     * @param recording  trace file to write every crossing to, or null
     * @param limit      crossings after which {@link #done()} is true; 0 for no limit
     */
    Tracer(Predicate<HopEvent> javaFilter, LineFormatter formatter, PrintStream out, TraceFileWriter recording, long limit) {
        this(javaFilter, formatter, out, recording, limit, false);
    }

    /** @param showRoutes print routing decisions too (they are always recorded) */
    Tracer(Predicate<HopEvent> javaFilter, LineFormatter formatter, PrintStream out, TraceFileWriter recording, long limit,
            boolean showRoutes) {
        this.javaFilter = javaFilter;
        this.formatter = formatter;
        this.out = out;
        this.recording = recording;
        this.limit = limit;
        this.showRoutes = showRoutes;
    }

    void accept(HopEvent event) {
        if (done() || javaFilter != null && !javaFilter.test(event)) {
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

    /** A netfilter verdict, printed when its packet matches the filter (the kernel did not filter it). */
    void accept(NetfilterVerdict verdict, Predicate<HopEvent> filter) {
        if (done() || verdict.packet() == null || filter != null && !filter.test(verdict.packet())) {
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

    String summaryLine() {
        return formatter.summary(summary.summary());
    }
}
