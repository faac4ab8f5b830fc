package io.netjourney.e2e;

import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Crossing;
import io.netjourney.filter.FilterParser;
import io.netjourney.filter.KernelFilter;
import io.netjourney.journey.JourneyAssembler;
import io.netjourney.journey.TracedHop;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A live capture for tests: real BPF on real hooks, polled by a background thread, crossings assembled into
 * journeys and kept when they happen in the given namespaces (other tests' labs may run meanwhile).
 */
final class LiveTrace implements AutoCloseable {
    private final CaptureSession session;
    private final JourneyAssembler assembler = new JourneyAssembler();
    private final List<TracedHop> hops = new ArrayList<>();
    private final Thread poller;
    private volatile boolean stop;
    private volatile RuntimeException failure;

    private final boolean verdicts;

    private LiveTrace(String filter, Predicate<Long> namespaces, boolean verdicts) {
        this.verdicts = verdicts;
        KernelFilter kernelFilter = KernelFilter.compile(FilterParser.parse(filter));
        session = CaptureSession.start(CaptureSession.Options.of(kernelFilter.program()), event -> {
            TracedHop hop = assembler.accept(event); // places routing decisions in their namespace first
            if ((this.verdicts || event instanceof Crossing) && namespaces.test(hop.event().netnsInode())) {
                synchronized (hops) {
                    hops.add(hop);
                }
            }
        });
        poller = new Thread(this::pollLoop, "test-capture");
        poller.start();
    }

    /** Device crossings only. */
    static LiveTrace start(String filter, Set<Long> namespaces) {
        return new LiveTrace(filter, namespaces::contains, false);
    }

    /** Crossings, drops and routing decisions. */
    static LiveTrace withVerdicts(String filter, Set<Long> namespaces) {
        return new LiveTrace(filter, namespaces::contains, true);
    }

    private void pollLoop() {
        try {
            while (!stop) {
                session.poll(50);
            }
            session.drain(5_000);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** The crossings seen so far. */
    List<TracedHop> hops() {
        synchronized (hops) {
            return List.copyOf(hops);
        }
    }

    /**
     * Waits until at least {@code count} device crossings arrived (or 3 s passed), then returns everything seen
     * (crossings, drops and routing decisions).
     */
    List<TracedHop> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (crossings() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(150); // anything beyond the expected count shows up too
        return hops();
    }

    private long crossings() {
        return hops().stream().filter(h -> h.event() instanceof Crossing).count();
    }

    void clear() {
        synchronized (hops) {
            hops.clear();
        }
    }

    CaptureStats stats() {
        return session.stats();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        poller.join(5_000);
        session.close();
        if (failure != null) {
            throw failure;
        }
    }
}
