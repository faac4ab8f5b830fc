package io.netjourney.cli;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Names;
import io.netjourney.capture.names.NamespaceNames;
import io.netjourney.filter.FilterParser;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabException;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.PingResult;
import io.netjourney.session.LiveSource;
import io.netjourney.session.SessionOptions;
import io.netjourney.sinks.TextFormatter;
import java.io.PrintStream;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "See journeys in seconds: the built-in lab, traced while it pings.",
        description = "No Docker needed: builds the built-in lab (see 'netjourney lab'), traces it, pings host -> "
            + "container, container -> container and across the router in IPv4 and IPv6, prints each echo's "
            + "journey with namespace names, then removes the lab. Needs root.")
final class DemoCommand implements Callable<Integer> {
    private static final String LAB_FILTER = "(icmp or icmp6) and (net 198.51.100.0/24 or net 2001:db8::/32)";
    private static final long SETTLE_MS = 300;

    @Option(names = "--keep", description = "Leave the lab up afterwards (remove it with 'netjourney lab down').")
    boolean keep;

    @Option(names = {"-v", "--verbose"}, description = "Also show hook, length and the time between crossings.")
    boolean verbose;

    @Option(names = "--inodes", description = "Show namespace inodes instead of names.")
    boolean inodes;

    @Override
    public Integer call() throws java.io.IOException {
        PrintStream out = Stdout.buffered();
        Lab lab = new Lab();
        AtomicInteger failedPings = new AtomicInteger();
        try {
            out.println("Building the lab: " + String.join(", ", Demo.namespaces(lab)));
            lab.up();
            Names names = inodes ? Names.NONE : NamespaceNames.inBackground();
            Tracer tracer = new Tracer(e -> e instanceof Crossing && e.isEcho(),
                    new TextFormatter(names, verbose), out, null, 0);
            AtomicBoolean pingsDone = new AtomicBoolean();
            Thread pinger = new Thread(() -> {
                try {
                    runPings(lab, out, failedPings);
                } finally {
                    pingsDone.set(true);
                }
            }, "netjourney-demo-pings");
            SessionOptions options = SessionOptions.defaults().withFilter(FilterParser.parse(labFilter(lab)))
                    .withRoutes(false);
            new Foreground(System.err).onStarted(pinger::start).stopWhen(pingsDone::get)
                    .run(new LiveSource(names), options, tracer, end -> {
                        tracer.flush();
                        out.println();
                        out.println(tracer.summaryLine(end.counters()));
                        out.flush();
                    });
        } catch (LabException e) {
            throw new UserError(e.getMessage(), UserError.FAILURE);
        } finally {
            if (!keep) {
                tearDown(lab);
            }
        }
        if (failedPings.get() > 0) {
            System.err.println("netjourney: " + failedPings.get() + " demo ping(s) got no answer");
            return UserError.FAILURE;
        }
        return 0;
    }

    /** The lab's pings, in the lab's namespaces only: the same addresses elsewhere on the machine are not shown. */
    static String labFilter(Lab lab) {
        StringJoiner namespaces = new StringJoiner(" or ", "(", ")");
        for (LabNode node : LabNode.values()) {
            namespaces.add("netns " + lab.namespaceInode(node));
        }
        return LAB_FILTER + " and " + namespaces;
    }

    private static void runPings(Lab lab, PrintStream out, AtomicInteger failed) {
        for (Demo.Ping ping : Demo.PINGS) {
            out.println();
            out.println("== ping " + lab.namespace(ping.from()) + " -> " + lab.namespace(ping.to()) + " ("
                    + ping.address() + "): " + ping.what());
            out.flush();
            PingResult result = lab.ping(ping.from(), ping.address(), 1);
            if (!result.success()) {
                failed.incrementAndGet();
                System.err.println("netjourney: ping from " + lab.namespace(ping.from()) + " to " + ping.address()
                        + " failed:\n" + result.output());
            }
            sleep(SETTLE_MS);
        }
    }

    private static void tearDown(Lab lab) {
        try {
            lab.down();
        } catch (LabException e) {
            System.err.println("netjourney: could not remove the lab: " + e.getMessage()
                    + " (try 'netjourney lab down')");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
