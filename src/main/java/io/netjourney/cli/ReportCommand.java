package io.netjourney.cli;

import io.netjourney.bpf.RingConsumer;
import io.netjourney.capture.Names;
import io.netjourney.journey.FlowReport;
import io.netjourney.session.SessionOptions;
import io.netjourney.session.TraceSource;
import io.netjourney.sinks.ReportFormatter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "mtr-style statistics per flow and hop, from a trace file or a live capture.",
        description = {"For each flow: its request and reply paths hop by hop, with the packets seen at each hop, "
            + "the loss (seen here, never at the next hop) and the latency of the step into the hop (last, average, "
            + "best, worst, standard deviation, in µs). Statistics cover the packets the journey model retains (the "
            + "latest 200 of a flow; 10,000 flows). The window's Statistics tab computes the same.",
            "With FILE (an existing file, or a name ending in .njt), the flows of that trace file; no root needed. "
            + "Without, a live capture (root) until -c, --duration or Ctrl-C, then the report (as 'trace --report')."
            + " An optional FILTER narrows which crossings count."},
        footer = {"", "Examples:", "  netjourney report -n ping.njt icmp",
            "  sudo netjourney report -n --duration 10s icmp and host 198.51.100.2"})
final class ReportCommand implements Callable<Integer> {
    @Option(names = {"-n", "--names"}, description = "Namespace names (recorded in the file, or this machine's) "
            + "instead of inodes.")
    boolean names;

    @Option(names = "--json", description = "One JSON object per flow, with its per-hop statistics.")
    boolean json;

    @Mixin
    StopOptions stop = new StopOptions();

    @Parameters(paramLabel = "[FILE] FILTER", arity = "0..*",
            description = "A trace file (.njt), then the same filter language as trace; default: everything.")
    List<String> words;

    @Override
    public Integer call() throws IOException {
        if (words == null || words.isEmpty() || !namesAFile(words.get(0))) {
            return live();
        }
        if (stop.given()) {
            throw new UserError("-c and --duration are for a live capture, not for a trace file", UserError.USAGE);
        }
        TraceFileArguments input = new TraceFileArguments();
        input.file = Path.of(words.get(0));
        input.filterWords = words.subList(1, words.size());
        PrintStream out = Stdout.buffered();
        TraceSource source = input.source();
        Tracer tracer = new OutputOptions().tracer(Names.NONE, out, null, 0);
        tracer.reportAtTheEnd();
        SessionOptions options = SessionOptions.defaults().withFilter(input.filter());
        new Foreground(System.err).run(source, options, tracer, end -> {
            ReportFormatter formatter = new ReportFormatter(names ? source.names() : Names.NONE);
            List<FlowReport> reports = tracer.reports();
            for (FlowReport report : reports) {
                out.println(json ? formatter.json(report) : formatter.text(report));
            }
            if (reports.isEmpty() && !json) {
                System.err.println("netjourney: no flow in " + input.file
                        + (options.filter() == null ? "" : " matches the filter"));
            }
            out.flush();
        });
        return 0;
    }

    /** Whether the first word is the trace file rather than the filter's first word. */
    private static boolean namesAFile(String word) {
        return word.equals("-") || word.endsWith(".njt") || Files.isRegularFile(Path.of(word));
    }

    /** The live capture of 'trace --report': the same options, the report when it ends. */
    private int live() throws IOException {
        TraceCommand trace = new TraceCommand();
        trace.output = new OutputOptions();
        trace.output.names = names;
        trace.output.json = json;
        trace.stop = stop;
        trace.report = true;
        trace.consumer = RingConsumer.Kind.MAPPED;
        trace.filterWords = words;
        return trace.call();
    }
}
