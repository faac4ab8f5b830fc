package io.netjourney.cli;

import io.netjourney.bpf.RingConsumer;
import io.netjourney.capture.Names;
import io.netjourney.capture.names.NamespaceNames;
import io.netjourney.filter.Filter;
import io.netjourney.journey.CountedFlows;
import io.netjourney.session.LiveSource;
import io.netjourney.session.Session;
import io.netjourney.session.SessionOptions;
import io.netjourney.sinks.CountsFormatter;
import io.netjourney.sinks.ReportFormatter;
import io.netjourney.sinks.TraceFileWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Trace live: print each device crossing of each matching packet.",
        description = {
            "One line per crossing: [netns] interface request|reply what source -> destination. "
                + "Needs root. The filter runs in the kernel; without one, all IPv4 and IPv6 traffic is traced. "
                + "Stops on Ctrl-C, SIGTERM, -c or --duration, then prints a summary with the events lost "
                + "(to stderr; with --json as a last object on stdout)."},
        footer = {"", "Examples:",
            "  sudo netjourney trace 'host 172.17.0.2 and icmp'",
            "  sudo netjourney trace -n -c 20 tcp port 80",
            "  sudo netjourney trace -n 'netns nj-ctr1 and not arp'",
            "  sudo netjourney trace 'container web and ifname eth0'",
            "  sudo netjourney trace --json icmp6 | jq .ifname",
            "  sudo netjourney trace -w ping.njt --duration 10s icmp",
            "  netjourney show -n ping.njt"})
final class TraceCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Mixin
    StopOptions stop = new StopOptions();

    @Option(names = {"-w", "--write"}, paramLabel = "FILE",
            description = "Also record every crossing to a trace file (replay with 'netjourney show FILE'), with this "
                    + "machine's namespace names. '-' writes the trace to stdout and prints no lines, for a pipe: "
                    + "ssh HOST sudo netjourney trace -w - icmp | netjourney show -n -")
    Path writeFile;

    @Option(names = "--netfilter", description = "Also show which nftables/iptables-nft table, chain and rule "
            + "gave each packet its verdict, from nftables' own tracing: adds a table (netjourney_trace) that "
            + "marks packets for tracing in the root and every named namespace (/run/netns), removed on exit; "
            + "every packet there is traced while it runs. Needs nft.")
    boolean netfilter;

    @Option(names = "--report", description = "Print no line per crossing; when the capture ends (-c, --duration, "
            + "Ctrl-C), print an mtr-style report per flow: each hop of its request and reply paths with packets "
            + "seen, loss and the latency into the hop (as 'netjourney report' does for a file; with --json one "
            + "object per flow).")
    boolean report;

    @Option(names = {"-q", "--quiet"}, description = "Print no line per crossing, only the summary (with --json, "
            + "only the summary object); -w still records everything. For counting and for benchmarks.")
    boolean quiet;

    @Option(names = "--sample", paramLabel = "N", description = "For floods no event stream can carry: the kernel "
            + "counts every matching packet (per flow, direction and interface: packets, bytes, drops by reason, and "
            + "the time from the packet's first crossing) and sends the crossings of 1 in N packets, every crossing "
            + "of a chosen packet (an echo request and its reply together). The counts are printed when the capture "
            + "ends (with --json as objects); -c counts and -w records the crossings sent. --sample 1 counts and "
            + "sends everything.")
    Integer sample;

    @Option(names = "--consumer", paramLabel = "KIND", defaultValue = "mapped", converter = ConsumerKindConverter.class,
            description = "How events leave the kernel's ring buffer: mapped (the default) reads the ring's memory "
                    + "in place; libbpf calls back into Java per event (slower; kept for comparison).")
    RingConsumer.Kind consumer;

    @Parameters(paramLabel = "FILTER", arity = "0..*",
            description = "tcpdump-style filter: icmp, icmp6, tcp, udp, arp, ip, ip6, [src|dst] host ADDR, "
                    + "[src|dst] net CIDR, [src|dst] port N, netns NAME|INODE (a name as -n shows it: nj-ctr1, "
                    + "host, docker:web), container NAME (docker:NAME, podman:NAME, ...), ifname NAME (in any "
                    + "namespace), combined with and, or, not and parentheses. Names are looked up when the "
                    + "capture starts.")
    List<String> filterWords;

    @Override
    public Integer call() throws IOException {
        Filter filter = FilterArguments.parse(filterWords);
        if (sample != null && sample < 1) {
            throw new UserError("--sample takes a number of 1 or more (1 in N packets sent): " + sample,
                    UserError.USAGE);
        }
        Names shownNames = output.names();
        boolean toStdout = writeFile != null && writeFile.toString().equals("-");
        // a recording always carries this machine's names: a trace replayed elsewhere or later still reads well
        Names recorded = shownNames instanceof NamespaceNames ? shownNames : NamespaceNames.inBackground();
        TraceFileWriter recording = writeFile == null ? null
                : toStdout ? new TraceFileWriter(System.out, recorded)
                : TraceFileWriter.create(writeFile, recorded);
        PrintStream out = toStdout ? System.err : Stdout.buffered();
        try {
            Tracer tracer = output.tracer(shownNames, out, recording, stop.count);
            if (quiet || toStdout) {
                tracer.printNothing();
            }
            if (report) {
                tracer.reportAtTheEnd();
            }
            SessionOptions options = SessionOptions.defaults().withFilter(filter).withConsumer(consumer)
                    .withRoutes(output.routes || recording != null) // recorded even when not shown
                    .withNetfilter(netfilter).withDuration(stop.duration)
                    .withSampling(sample == null ? 0 : sample);
            Foreground foreground = new Foreground(System.err);
            foreground.whenLost(sample == null
                    ? "narrow the filter, or count in the kernel and send fewer: --sample 100"
                    : "narrow the filter, or send fewer: a larger --sample");
            foreground.run(new LiveSource(recorded), options, tracer, end -> {
                if (report) {
                    ReportFormatter formatter = new ReportFormatter(shownNames);
                    tracer.reports().forEach(r -> out.println(output.json ? formatter.json(r) : formatter.text(r)));
                }
                if (sample != null) {
                    printCounts(out, shownNames, end);
                }
                output.printSummary(out, tracer, end.counters());
            });
        } finally {
            if (recording != null) {
                recording.close();
            }
        }
        return 0;
    }

    private void printCounts(PrintStream out, Names names, Session.End end) {
        CountsFormatter formatter = new CountsFormatter(names);
        List<CountedFlows.Flow> flows = CountedFlows.of(end.counts());
        if (output.json) {
            flows.forEach(flow -> formatter.json(flow).forEach(out::println));
            return;
        }
        out.println(CountsFormatter.heading(sample));
        if (flows.isEmpty()) {
            out.println("  nothing matched");
        }
        flows.forEach(flow -> out.print(formatter.text(flow)));
    }
}
