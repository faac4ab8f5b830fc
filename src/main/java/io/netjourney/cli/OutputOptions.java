package io.netjourney.cli;

import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Names;
import io.netjourney.capture.names.NamespaceNames;
import io.netjourney.sinks.JsonFormatter;
import io.netjourney.sinks.LineFormatter;
import io.netjourney.sinks.TextFormatter;
import io.netjourney.sinks.TraceFileWriter;
import java.io.PrintStream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How crossings are printed; shared by trace, show and demo. */
final class OutputOptions {
    @Option(names = {"-n", "--names"},
            description = "Show namespace names instead of inodes: nj-ctr1 (/run/netns), host, a container's "
                    + "(docker:web1, podman:web1, nerdctl:web1, pod:NAMESPACE/NAME, lxc:NAME, machine:NAME), or the "
                    + "process holding it (pid 1234 (sshd)).")
    boolean names;

    @Option(names = "--json", description = "One JSON object per crossing (stable snake_case fields), "
            + "and a final {\"summary\":...} object.")
    boolean json;

    @Option(names = {"-r", "--routes"}, description = "Also show each routing decision (the FIB lookup: table, "
            + "gateway and output device, or why none) as a line of its own. Drops are shown as --drops says.")
    boolean routes;

    @Option(names = "--drops", paramLabel = "real|all", defaultValue = "real", converter = DropsConverter.class,
            description = "Which drops to show: real (the default), packets that did not get where they were "
                    + "going; or all, also the drops that are normal operation, marked '(expected)': a root ping's "
                    + "raw socket took the reply, multicast or broadcast nobody listens to, a closing socket's "
                    + "queue, a copy flooded to the wrong port. Trace files keep every drop either way.")
    Drops drops = Drops.REAL;

    /** --drops. */
    enum Drops { REAL, ALL }

    /** Which drops to show, from the command line's words. */
    static final class DropsConverter implements ITypeConverter<Drops> {
        @Override
        public Drops convert(String value) {
            for (Drops drops : Drops.values()) {
                if (drops.name().equalsIgnoreCase(value)) {
                    return drops;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a choice for --drops: use real or all");
        }
    }

    /** The pipeline that prints what these options ask for. */
    Tracer tracer(Names namesToShow, PrintStream out, TraceFileWriter recording, long count) {
        Tracer tracer = new Tracer(null, formatter(namesToShow), out, recording, count, routes);
        if (drops == Drops.ALL) {
            tracer.showExpectedDrops();
        }
        return tracer;
    }

    @Option(names = {"-v", "--verbose"}, description = "Text lines also show hook, length, packet, flow, hop "
            + "and the time since the packet's previous crossing.")
    boolean verbose;

    /** Names for a live capture: looked up on this machine, when asked for. */
    Names names() {
        return names ? NamespaceNames.inBackground() : Names.NONE;
    }

    LineFormatter formatter(Names namesToShow) {
        return json ? new JsonFormatter(namesToShow) : new TextFormatter(namesToShow, verbose);
    }

    /** The summary goes to stdout as JSON (for jq), to stderr as text (keeps stdout to crossings). */
    void printSummary(PrintStream out, Tracer tracer, CaptureStats stats) {
        tracer.lostEvents(stats.lost());
        tracer.flush();
        if (json) {
            out.println(tracer.summaryLine(stats));
            out.flush();
        } else {
            System.err.println(tracer.summaryLine(stats));
        }
    }
}
