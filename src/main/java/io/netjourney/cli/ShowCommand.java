package io.netjourney.cli;

import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.filter.Filter;
import io.netjourney.sinks.TraceFileReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Replay a trace file recorded with 'trace -w' (no root needed).",
        description = "Runs the recorded crossings through the same journey assembly and output as live capture. "
            + "An optional FILTER narrows what is shown.",
        footer = {"", "Example:", "  netjourney show -n ping.njt icmp and host 198.51.100.2"})
final class ShowCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Option(names = {"-c", "--count"}, paramLabel = "COUNT", description = "Stop after COUNT crossings.")
    long count;

    @Mixin
    TraceFileArguments input;

    @Override
    public Integer call() throws IOException {
        Filter filter = input.filter();
        PrintStream out = Stdout.buffered();
        try (TraceFileReader reader = input.open()) {
            Names names = output.names ? reader.names() : Names.NONE;
            Tracer tracer = output.tracer(filter == null ? null : filter::matches, names, out, null, count);
            Predicate<HopEvent> matches = filter == null ? null : filter::matches;
            for (TraceFileReader.Entry entry = reader.readEntry(); entry != null && !tracer.done();
                    entry = reader.readEntry()) {
                if (entry.hop() != null) {
                    tracer.accept(entry.hop());
                } else {
                    tracer.accept(entry.netfilter(), matches);
                }
            }
            tracer.flush();
            reader.warning().ifPresent(w -> System.err.println("netjourney: " + w));
            output.printSummary(out, tracer, new CaptureStats(reader.hops(), reader.lostEvents(), 0, reader.hops()));
        }
        return 0;
    }
}
