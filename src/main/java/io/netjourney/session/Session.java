package io.netjourney.session;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.KernelCount;
import io.netjourney.capture.Names;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.filter.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One capture or replay, the same for the command line and the window: a {@link Source} pumped on a thread of its
 * own into a {@link Sink}, with the session's filter applied in Java where the kernel could not apply it, one set of
 * counters, and stop conditions (a duration, the sink saying it is done, {@link #stop()}, and with {@link
 * SessionOptions#stopOnSignal()} Ctrl-C, SIGTERM or SIGHUP). When it ends, the source is closed and the sink told,
 * always, also when a signal ends the process. Each session carries the generation its front end gave it, so a front
 * end can discard what arrives from a session it has already replaced.
 */
public final class Session implements AutoCloseable {
    private static final int POLL_MS = 50;
    private static final long COUNTERS_EVERY_NS = 500_000_000L;
    private static final long LOST_REPORT_EVERY_NS = 1_000_000_000L;
    /** How long a signal waits for the session to end and its sink to write out the summary. */
    private static final long SIGNAL_WAIT_S = 10;

    /** Where a session's events go; called from the session's thread only. */
    public interface Sink {
        void event(HopEvent event);

        default void netfilter(NetfilterVerdict verdict) {
        }

        /** After each batch of events: write out what is buffered. */
        default void flush() {
        }

        /** The kernel's running total of lost events grew (at most once a second). */
        default void lost(long total) {
        }

        /** Whether the sink has what it wants (a count reached): the session then ends. */
        default boolean done() {
            return false;
        }

        /** The session ended and its source is closed; runs before a signal lets the JVM exit. */
        default void ended(End end) {
        }
    }

    /**
     * How a session ended.
     *
     * @param counters the final counters
     * @param warnings what the user should know, also what only the end told (a file cut short)
     * @param failure  why it stopped by itself (the capture failed, the file could not be read), or null
     * @param signal   whether a signal stopped it
     * @param counts   what the kernel counted while it counted (empty when it did not)
     */
    public record End(CaptureStats counters, List<String> warnings, String failure, boolean signal,
                      List<KernelCount> counts) {
    }

    private final long generation;
    private final Source source;
    private final SessionOptions options;
    private final Sink sink;
    private final Thread thread;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread onSignal = new Thread(this::stopForSignal, "netjourney-signal");
    private volatile boolean stopping;
    private volatile boolean signalled;
    private volatile CaptureStats counters = CaptureStats.EMPTY;
    private volatile List<String> warnings = List.of();
    private volatile List<Hook> hooks = List.of();
    private volatile String failure;
    private volatile int samplingAsked = -1;
    private volatile boolean countsResetAsked;
    private volatile int sampleEvery;
    private volatile List<KernelCount> counts = List.of();
    /** Whether a front end reads {@link #counts()} while the session runs: only then are they read periodically. */
    private volatile boolean countsWanted;
    // owned by the session's thread
    private Filter javaFilter;
    private long filteredInJava;

    private Session(long generation, Source source, SessionOptions options, Sink sink) {
        this.generation = generation;
        this.source = source;
        this.options = options;
        this.sink = sink;
        this.thread = new Thread(this::run, "netjourney-session");
        this.thread.setDaemon(true);
    }

    /**
     * Opens the source on the session's thread and returns once it is open (programs attached, file header read);
     * events flow from then on.
     *
     * @param generation the front end's number for this session, see {@link #generation()}
     * @throws CaptureException    with a message for the user when a live capture cannot start
     * @throws IOException         ({@link io.netjourney.sinks.TraceFileException} with a message for the user) when
     *                             recorded frames cannot be read
     */
    public static Session start(long generation, Source source, SessionOptions options, Sink sink)
            throws IOException {
        Session session = new Session(generation, source, options, sink);
        if (options.stopOnSignal()) {
            // in place before loading starts: a signal during start-up still ends with the sink told
            Runtime.getRuntime().addShutdownHook(session.onSignal);
        }
        session.thread.start();
        try {
            session.opened.get();
        } catch (ExecutionException e) {
            session.removeSignalHook();
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CaptureException("the session failed to start: " + cause, "", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
            throw new CaptureException("interrupted while starting");
        }
        return session;
    }

    private void run() {
        try {
            source.open(options, new Delivery());
        } catch (IOException | RuntimeException | Error e) {
            // an Error too (a native library missing a symbol, no memory): start() must not wait forever
            try {
                source.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            ended.countDown();
            opened.completeExceptionally(e);
            return;
        }
        javaFilter = source.filtersInJava() ? options.filter() : null;
        sampleEvery = source.countsInKernel() ? options.sampleEvery() : 0;
        hooks = source.hooks();
        warnings = source.warnings();
        opened.complete(null);
        try {
            pumpUntilStopped();
        } catch (IOException | UncheckedIOException | CaptureException e) {
            failure = e.getMessage();
        } catch (RuntimeException | Error e) {
            failure = e.toString();
        } finally {
            finish();
        }
    }

    private void pumpUntilStopped() throws IOException {
        long deadline = options.duration() == null ? Long.MAX_VALUE : System.nanoTime() + options.duration().toNanos();
        long nextCounters = 0;
        long nextLostReport = System.nanoTime() + LOST_REPORT_EVERY_NS;
        long reportedLost = 0;
        AutoSampling auto = options.autoSample() && source.countsInKernel() ? new AutoSampling() : null;
        while (!stopping && !sink.done() && System.nanoTime() < deadline) {
            boolean more = source.pump(POLL_MS);
            sink.flush();
            long now = System.nanoTime();
            int asked = samplingAsked;
            if (auto != null && auto.due(now)) {
                int every = auto.after(source.counters(), now);
                if (every != sampleEvery && asked < 0) {
                    asked = every;
                }
            }
            if (asked >= 0) {
                samplingAsked = -1;
                source.setSampling(asked);
                sampleEvery = asked;
            }
            if (countsResetAsked) {
                countsResetAsked = false;
                source.resetCounts();
                counts = countsWanted ? source.counts() : List.of();
            }
            if (now >= nextCounters || !more) {
                counters = withJavaFiltered(source.counters());
                if (sampleEvery > 0 && countsWanted) {
                    counts = source.counts(); // the whole map: two syscalls an entry
                }
                nextCounters = now + COUNTERS_EVERY_NS;
            }
            if (now >= nextLostReport && counters.lost() > reportedLost) {
                reportedLost = counters.lost();
                sink.lost(reportedLost);
                nextLostReport = now + LOST_REPORT_EVERY_NS;
            }
            if (!more) {
                return;
            }
        }
    }

    /** Closes the source (a live one delivers what is still in its ring first), then tells the sink. */
    private void finish() {
        try {
            source.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e.getMessage();
            }
        }
        try {
            try {
                counters = withJavaFiltered(source.counters());
                warnings = source.warnings();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e.getMessage();
                }
            }
            sink.flush();
            if (counters.lost() > 0) {
                sink.lost(counters.lost());
            }
            List<KernelCount> counted = List.of();
            try {
                counted = source.counts();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = "could not read the kernel's counts: " + e.getMessage();
                }
            }
            sink.ended(new End(counters, warnings, failure, signalled, counted));
        } finally {
            ended.countDown();
            if (!signalled) {
                removeSignalHook();
            }
        }
    }

    private CaptureStats withJavaFiltered(CaptureStats kernel) {
        return new CaptureStats(kernel.submitted(), kernel.lost(), kernel.filtered() + filteredInJava,
                kernel.noDevice(), kernel.decoded(), kernel.sampledOut(), kernel.countsFull());
    }

    /** The session's filter where the kernel did not apply it, then the sink. */
    private final class Delivery implements Source.Delivery {
        @Override
        public void event(HopEvent event) {
            if (javaFilter != null && !javaFilter.matches(event)) {
                filteredInJava++;
                return;
            }
            sink.event(event);
        }

        @Override
        public void netfilter(NetfilterVerdict verdict) {
            // nftables traces every packet of a namespace: the filter always applies here
            Filter filter = options.filter();
            if (verdict.packet() != null && (filter == null || filter.matches(verdict.packet()))) {
                sink.netfilter(verdict);
            }
        }
    }

    private void stopForSignal() {
        signalled = true;
        stop();
        try {
            ended.await(SIGNAL_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeSignalHook() {
        if (!options.stopOnSignal()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook is what runs
        }
    }

    /** Asks the session to end; returns at once. Safe from any thread, also a signal handler; idempotent. */
    public void stop() {
        stopping = true;
    }

    /** Waits until the session has ended and its sink was told; false if it had not within {@code limit}. */
    public boolean awaitEnd(Duration limit) throws InterruptedException {
        return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the session has ended (a file replayed, a duration passed, a stop). */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /** Stops and waits (a few seconds at most) until it has ended. Idempotent. */
    @Override
    public void close() {
        stop();
        try {
            ended.await(SIGNAL_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks the kernel to count every matching packet and deliver the events of 1 in {@code every} packets from now
     * on (0: stop counting, deliver everything); applied by the session's thread within a poll. Safe from any thread.
     */
    public void setSampling(int every) {
        if (every < 0) {
            throw new IllegalArgumentException("sample every must be 0 or more: " + every);
        }
        samplingAsked = every;
    }

    /**
     * Asks the kernel to forget what it counted (a front end cleared its view): {@link #counts()} is empty at once and
     * counts again from within a poll. Safe from any thread.
     */
    public void resetCounts() {
        counts = List.of();
        countsResetAsked = true;
    }

    /** 0 when the kernel does not count, else the N of "1 in N packets delivered" (as last applied). */
    public int sampleEvery() {
        return sampleEvery;
    }

    /**
     * What the kernel counted per flow direction and place, refreshed twice a second while it counts from the first
     * call on (a command line that reads them only at the end, in {@link End#counts()}, costs no reads meanwhile).
     */
    public List<KernelCount> counts() {
        countsWanted = true;
        return counts;
    }

    /** The front end's number for this session: what arrives from an older one is to be discarded. */
    public long generation() {
        return generation;
    }

    /** Submitted, lost, filtered (in the kernel and here), without a device, decoded; refreshed twice a second. */
    public CaptureStats counters() {
        return counters;
    }

    public List<String> warnings() {
        return warnings;
    }

    public List<Hook> hooks() {
        return hooks;
    }

    /** Why the session stopped by itself, or null. */
    public String failure() {
        return failure;
    }

    public Names names() {
        return source.names();
    }
}
