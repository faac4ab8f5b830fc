package io.netjourney.cli;

import io.netjourney.bpf.RingConsumer;
import io.netjourney.capture.CaptureException;
import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.filter.KernelFilter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.EnumSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Consumer;

/**
 * Runs a live capture into a {@link Tracer} until a stop condition, Ctrl-C or SIGTERM; always detaches and
 * reports lost events, live and at the end.
 */
final class LiveCapture {
    private static final int POLL_MS = 100;
    private static final long STATS_EVERY_NS = 1_000_000_000L;

    private final PrintStream err;
    private volatile boolean interrupted;
    private Runnable onAttached = () -> { };
    private final Queue<NetfilterVerdict> netfilter = new ConcurrentLinkedQueue<>();
    private Predicate<HopEvent> netfilterFilter = e -> true;
    private AutoCloseable alsoClose;
    private RingConsumer.Kind consumer = RingConsumer.Kind.MAPPED;
    private Set<Hook> hooks = EnumSet.allOf(Hook.class);

    LiveCapture(PrintStream err) {
        this.err = err;
    }

    /** Where netfilter verdicts arrive from (reader threads); printed by the capture loop. */
    Consumer<NetfilterVerdict> netfilterSink(Predicate<HopEvent> filter) {
        this.netfilterFilter = filter;
        return netfilter::add;
    }

    /**
     * Closed with the capture, before a signal lets the JVM exit (the netfilter tracing table must not outlive
     * a Ctrl-C).
     */
    void closeWithCapture(AutoCloseable resource) {
        this.alsoClose = resource;
    }

    /** How events are read from the kernel's ring buffer. */
    void useConsumer(RingConsumer.Kind kind) {
        this.consumer = kind;
    }

    /** Which hooks to attach (each costs the traced traffic something: attach only what is shown or kept). */
    void useHooks(Set<Hook> chosen) {
        this.hooks = chosen;
    }

    /** Runs once the hooks are attached, before the first poll (the demo starts its pings there). */
    void onAttached(Runnable action) {
        this.onAttached = action;
    }

    /**
     * Captures into the tracer until {@code stop} says so, the duration passes (if not null) or a signal
     * arrives; then detaches and hands the final counters to {@code onStopped} (the summary), which runs before
     * a signal lets the JVM exit.
     */
    void run(KernelFilter filter, Tracer tracer, Duration duration, BooleanSupplier stop,
            Consumer<CaptureStats> onStopped) {
        filter.warning().ifPresent(w -> err.println("netjourney: " + w));
        CaptureSession session;
        // the hook is in place before loading starts: a signal during start-up still ends with the summary
        CountDownLatch closed = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            interrupted = true;
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "netjourney-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            session = CaptureSession.start(CaptureSession.Options.of(filter.config()).withConsumer(consumer)
                    .withHooks(hooks),
                    tracer::accept);
        } catch (CaptureException e) {
            closeQuietly(alsoClose);
            closed.countDown();
            removeHook(onSignal);
            throw new UserError(e.getMessage(), UserError.FAILURE, e.detail());
        }
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        long nextStats = System.nanoTime() + STATS_EVERY_NS;
        long reportedLost = 0;
        CaptureStats stats = null;
        try {
            session.warnings().forEach(w -> err.println("netjourney: warning: " + w));
            onAttached.run();
            while (!interrupted && !tracer.done() && !stop.getAsBoolean() && System.nanoTime() < deadline) {
                session.poll(POLL_MS);
                for (NetfilterVerdict v = netfilter.poll(); v != null; v = netfilter.poll()) {
                    tracer.accept(v, netfilterFilter);
                }
                tracer.flush();
                if (System.nanoTime() >= nextStats) {
                    reportedLost = reportLost(session.stats(), reportedLost, tracer);
                    nextStats = System.nanoTime() + STATS_EVERY_NS;
                }
            }
            session.poll(0);
            tracer.flush();
            stats = session.stats();
            reportLost(stats, reportedLost, tracer);
        } catch (CaptureException e) {
            throw new UserError(e.getMessage(), UserError.FAILURE, e.detail());
        } finally {
            session.close();
            closeQuietly(alsoClose);
            try {
                if (stats != null) {
                    onStopped.accept(stats);
                }
            } finally {
                closed.countDown();
            }
            if (!interrupted) {
                removeHook(onSignal);
            }
        }
    }

    private void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            err.println("netjourney: " + e.getMessage());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already
        }
    }

    private long reportLost(CaptureStats stats, long reported, Tracer tracer) {
        if (stats.lost() > reported) {
            err.println("netjourney: " + stats.lost() + " events lost so far: the ring buffer was full "
                    + "(narrow the filter)");
            tracer.lostEvents(stats.lost());
        }
        return Math.max(reported, stats.lost());
    }
}
