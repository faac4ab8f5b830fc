package io.netjourney.cli;

import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Names;
import io.netjourney.capture.names.NamespaceNames;
import io.netjourney.sinks.JsonFormatter;
import io.netjourney.sinks.LineFormatter;
import io.netjourney.sinks.TextFormatter;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** How crossings are printed; shared by trace, show and demo. */
final class OutputOptions {
    @Option(names = {"-n", "--names"},
            description = "Show namespace names (nj-ctr1, host, a container's name, the owning process) "
                    + "instead of inodes.")
    boolean names;

    @Option(names = "--json", description = "One JSON object per crossing (stable snake_case fields), "
            + "and a final {\"summary\":...} object.")
    boolean json;

    @Option(names = {"-r", "--routes"}, description = "Also show each routing decision (the FIB lookup: table, "
            + "gateway and output device, or why none) as a line of its own. Drops are always shown.")
    boolean routes;

    @Option(names = {"-v", "--verbose"}, description = "Text lines also show hook, length, packet, flow, hop "
            + "and the time since the packet's previous crossing.")
    boolean verbose;

    /** Names for a live capture: looked up on this machine, when asked for. */
    Names names() {
        return names ? new NamespaceNames() : Names.NONE;
    }

    LineFormatter formatter(Names namesToShow) {
        return json ? new JsonFormatter(namesToShow) : new TextFormatter(namesToShow, verbose);
    }

    /** The summary goes to stdout as JSON (for jq), to stderr as text (keeps stdout to crossings). */
    void printSummary(PrintStream out, Tracer tracer, CaptureStats stats) {
        tracer.lostEvents(stats.lost());
        tracer.flush();
        if (json) {
            out.println(tracer.summaryLine());
            out.flush();
        } else {
            System.err.println(tracer.summaryLine());
        }
    }
}
