package io.netjourney.cli;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.filter.Filter;
import io.netjourney.journey.FlowReport;
import io.netjourney.journey.JourneyAssembler;
import io.netjourney.sinks.ReportFormatter;
import io.netjourney.sinks.TraceFileReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "mtr-style statistics per flow and hop from a trace file (no root needed).",
        description = {"For each flow of the file: its request and reply paths hop by hop, with the packets seen at "
            + "each hop, the loss (seen here, never at the next hop) and the latency of the step into the hop (last, "
            + "average, best, worst, standard deviation, in µs). Statistics cover the packets the journey model "
            + "retains (the latest 200 of a flow; 10,000 flows). The window's Statistics tab computes the same.",
            "An optional FILTER narrows which crossings count."},
        footer = {"", "Example:", "  netjourney report -n ping.njt icmp"})
final class ReportCommand implements Callable<Integer> {
    @Option(names = {"-n", "--names"}, description = "Namespace names recorded in the file instead of inodes.")
    boolean names;

    @Option(names = "--json", description = "One JSON object per flow, with its per-hop statistics.")
    boolean json;

    @Mixin
    TraceFileArguments input;

    @Override
    public Integer call() throws IOException {
        Filter filter = input.filter();
        PrintStream out = Stdout.buffered();
        JourneyAssembler assembler = new JourneyAssembler();
        try (TraceFileReader reader = input.open()) {
            for (TraceFileReader.Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                HopEvent hop = entry.hop();
                if (hop != null && (filter == null || filter.matches(hop))) {
                    assembler.accept(hop);
                }
            }
            reader.warning().ifPresent(w -> System.err.println("netjourney: " + w));
            ReportFormatter formatter = new ReportFormatter(names ? reader.names() : Names.NONE);
            List<FlowReport> reports = FlowReport.of(assembler);
            for (FlowReport report : reports) {
                out.println(json ? formatter.json(report) : formatter.text(report));
            }
            if (reports.isEmpty() && !json) {
                System.err.println("netjourney: no flow in " + input.file + (filter == null ? "" : " matches the filter"));
            }
            out.flush();
        }
        return 0;
    }
}
