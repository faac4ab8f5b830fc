package io.netjourney.ui.feed;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.filter.Filter;
import io.netjourney.filter.KernelFilter;
import io.netjourney.session.EventQueue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A live capture on its own thread: loads and attaches the BPF programs and hands what matches the filter to an
 * {@link EventQueue} (the model assembles it on its own thread) and to the recorder; never touches the scene graph.
 * Counters are read by the window once a second.
 */
public final class LiveFeed implements Capture {
    private static final int POLL_MS = 50;

    private final Thread thread;
    private final CompletableFuture<CaptureSession> started = new CompletableFuture<>();
    private volatile boolean stopping;
    private volatile CaptureStats stats = CaptureStats.EMPTY;
    private volatile List<Hook> attached = List.of();
    private volatile List<String> warnings = List.of();
    private volatile String failure;

    private LiveFeed(KernelFilter filter, EventQueue queue, EventRecorder recorder) {
        Filter javaFilter = filter.exact() ? null : filter.filter();
        thread = new Thread(() -> run(filter, event -> {
            if (javaFilter == null || javaFilter.matches(event)) {
                recorder.add(event);
                queue.offer(event);
            }
        }), "netjourney-capture");
        thread.setDaemon(true);
    }

    /**
     * Starts capturing; returns once the programs are attached.
     *
     * @throws CaptureException with a message for the user when capture cannot start
     */
    public static LiveFeed start(KernelFilter filter, EventQueue queue, EventRecorder recorder) {
        LiveFeed feed = new LiveFeed(filter, queue, recorder);
        feed.thread.start();
        try {
            feed.started.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CaptureException) {
                throw (CaptureException) e.getCause();
            }
            throw new CaptureException("capture failed to start: " + e.getCause(), "", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            feed.close();
            throw new CaptureException("interrupted while starting the capture");
        }
        return feed;
    }

    private void run(KernelFilter filter, Consumer<HopEvent> sink) {
        CaptureSession session;
        try {
            session = CaptureSession.start(CaptureSession.Options.of(filter.config()), sink);
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            return;
        }
        attached = session.attachedHooks();
        warnings = session.warnings();
        started.complete(session);
        long nextStats = 0;
        try {
            while (!stopping) {
                session.poll(POLL_MS);
                if (System.nanoTime() >= nextStats) {
                    stats = session.stats();
                    nextStats = System.nanoTime() + 500_000_000L;
                }
            }
            session.poll(0);
            stats = session.stats();
        } catch (RuntimeException e) {
            failure = e.getMessage();
        } finally {
            session.close();
        }
    }

    /** Kernel and decoder counters, refreshed twice a second. */
    @Override
    public CaptureStats stats() {
        return stats;
    }

    @Override
    public List<Hook> attachedHooks() {
        return attached;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String failure() {
        return failure;
    }

    public boolean isRunning() {
        return thread.isAlive() && !stopping;
    }

    /** Stops polling, detaches and unloads; waits for the capture thread. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
