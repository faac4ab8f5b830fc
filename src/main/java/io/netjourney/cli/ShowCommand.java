package io.netjourney.cli;

import io.netjourney.capture.Names;
import io.netjourney.session.SessionOptions;
import io.netjourney.session.TraceSource;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Replay a trace file recorded with 'trace -w' (no root needed).",
        description = "Runs the recorded crossings through the same journey assembly and output as live capture. "
            + "An optional FILTER narrows what is shown. FILE '-' reads the trace from stdin, as written by "
            + "'trace -w -' (on another machine, through ssh).",
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
        PrintStream out = Stdout.buffered();
        TraceSource source = input.source();
        // names as the file records them, read as the replay goes (a NETNS_NAME frame precedes its first hop)
        Names names = output.names ? inode -> source.names().netnsName(inode) : Names.NONE;
        Tracer tracer = output.tracer(names, out, null, count);
        SessionOptions options = SessionOptions.defaults().withFilter(input.filter());
        new Foreground(System.err).run(source, options, tracer,
                end -> output.printSummary(out, tracer, end.counters()));
        return 0;
    }
}
