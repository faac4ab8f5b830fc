package io.netjourney.capture.netfilter;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.names.CommandResult;
import io.netjourney.capture.names.CommandRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Netfilter verdicts from nftables' own tracing, for kernels where kprobes are not an option: in each given
 * namespace a table of ours ({@value #TABLE}) marks packets with {@code meta nftrace set 1} at the start of
 * prerouting and output, and {@code nft monitor trace} reports which table, chain and rule decided. This changes
 * the firewall, so it is opt-in; the table is removed on close, and one left by a crashed run is replaced at the
 * next start. Every IP packet in those namespaces is traced: the caller filters the verdicts.
 */
public final class NftTracer implements AutoCloseable {
    static final String TABLE = "netjourney_trace";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    /** A namespace to trace: its inode and how to enter it ({@code null} path: this process's own). */
    public record Namespace(long inode, Path path) {
        private static final Path RUN_NETNS = Path.of("/run/netns");

        /** This process's namespace and every named one (/run/netns). */
        public static List<Namespace> thisAndNamed() {
            List<Namespace> namespaces = new ArrayList<>();
            namespaces.add(new Namespace(inode(Path.of("/proc/self/ns/net")), null));
            if (Files.isDirectory(RUN_NETNS)) {
                try (DirectoryStream<Path> named = Files.newDirectoryStream(RUN_NETNS)) {
                    for (Path path : named) {
                        namespaces.add(new Namespace(inode(path), path));
                    }
                } catch (IOException e) {
                    throw new CaptureException("cannot list " + RUN_NETNS + ": " + e.getMessage(), "", e);
                }
            }
            return namespaces;
        }

        private static long inode(Path path) {
            try {
                return ((Number) Files.getAttribute(path, "unix:ino")).longValue();
            } catch (IOException e) {
                throw new CaptureException("cannot read namespace " + path + ": " + e.getMessage(), "", e);
            }
        }
    }

    private final CommandRunner runner = new CommandRunner(COMMAND_TIMEOUT);
    private final List<Namespace> namespaces;
    private final List<Process> monitors = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    private NftTracer(List<Namespace> namespaces) {
        this.namespaces = List.copyOf(namespaces);
    }

    /**
     * Installs the tracing table in each namespace and starts reading its traces; verdicts go to {@code sink} from
     * reader threads.
     */
    public static NftTracer start(List<Namespace> namespaces, Consumer<NetfilterVerdict> sink) {
        if (CommandRunner.which("nft").isEmpty()) {
            throw new CaptureException("--netfilter needs the nft command: apt-get install nftables");
        }
        NftTracer tracer = new NftTracer(namespaces);
        try {
            for (Namespace ns : tracer.namespaces) {
                tracer.install(ns);
                tracer.monitor(ns, sink);
            }
        } catch (RuntimeException e) {
            tracer.close();
            throw e;
        }
        return tracer;
    }

    private void install(Namespace ns) {
        nft(ns, "delete table inet " + TABLE, false); // a crashed run's leftover
        nft(ns, "add table inet " + TABLE, true);
        for (String[] chain : new String[][] {{"pre", "prerouting"}, {"out", "output"}}) {
            nft(ns, "add chain inet " + TABLE + " " + chain[0] + " { type filter hook " + chain[1]
                    + " priority -500; policy accept; }", true);
            nft(ns, "add rule inet " + TABLE + " " + chain[0] + " meta nftrace set 1", true);
        }
    }

    private void monitor(Namespace ns, Consumer<NetfilterVerdict> sink) {
        Process process;
        try {
            process = new ProcessBuilder(command(ns, List.of("nft", "monitor", "trace")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new CaptureException("cannot start nft monitor trace: " + e.getMessage(), "", e);
        }
        monitors.add(process);
        NftTraceParser parser = new NftTraceParser(ns.inode(), TABLE);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    parser.accept(line).ifPresent(sink);
                }
            } catch (IOException e) {
                // the monitor ended: closing
            }
        }, "netjourney-nft-" + ns.inode());
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }

    private void nft(Namespace ns, String statement, boolean mustWork) {
        List<String> command = new ArrayList<>(List.of("nft"));
        command.addAll(List.of(statement.split(" (?![^{]*})")));
        CommandResult result = runner.run(command(ns, command));
        if (mustWork && !result.ok()) {
            throw new CaptureException("nft " + statement + " failed in namespace " + ns.inode() + ": "
                    + result.stderr().trim());
        }
    }

    private static List<String> command(Namespace ns, List<String> command) {
        if (ns.path() == null) {
            return command;
        }
        List<String> entered = new ArrayList<>(List.of("nsenter", "--net=" + ns.path()));
        entered.addAll(command);
        return entered;
    }

    /** Stops the monitors and removes our table from every namespace. */
    @Override
    public void close() {
        for (Process monitor : monitors) {
            monitor.destroy();
        }
        for (Namespace ns : namespaces) {
            if (ns.path() == null || Files.exists(ns.path())) {
                nft(ns, "delete table inet " + TABLE, false);
            }
        }
        for (Thread reader : readers) {
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
