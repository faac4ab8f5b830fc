package io.netjourney.session;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.capture.KernelCount;
import io.netjourney.capture.Names;
import io.netjourney.capture.names.NamespaceNames;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.capture.netfilter.NftTracer;
import io.netjourney.filter.Filter;
import io.netjourney.filter.KernelFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A live capture: the BPF programs with the filter compiled into them, and with {@link SessionOptions#netfilter()}
 * nftables' tracing in this namespace and every named one, whose verdicts arrive from reader threads and are
 * delivered from the session's thread.
 */
public final class LiveSource implements Source {
    /** Long enough for the first scan of names on a busy machine; never while capturing. */
    private static final java.time.Duration FIRST_SCAN_WAIT = java.time.Duration.ofSeconds(2);
    /** How long the end waits for the ring to be read out: a full ring of a flood takes well under a second. */
    private static final long DRAIN_LIMIT_MS = 5_000;

    private final Names names;
    private final Queue<NetfilterVerdict> verdicts = new ConcurrentLinkedQueue<>();
    private final List<String> warnings = new ArrayList<>();
    private CaptureSession capture;
    private NftTracer nft;
    private Delivery delivery;
    private boolean exact = true;
    private boolean counting;
    /** The counters read just before the programs were unloaded. */
    private volatile CaptureStats closedWith;
    private volatile List<KernelCount> countedWhenClosed;

    /** @param names this machine's namespace names (shown, and recorded in trace files) */
    public LiveSource(Names names) {
        this.names = names;
    }

    @Override
    public void open(SessionOptions options, Delivery to) {
        delivery = to;
        if (names instanceof NamespaceNames machine) {
            try {
                machine.awaitFirstScan(FIRST_SCAN_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Filter filter = options.filter() == null ? Filter.ALL_IP : options.filter();
        KernelFilter kernel = KernelFilter.compile(filter);
        exact = kernel.exact();
        kernel.warning().ifPresent(warnings::add);
        if (options.netfilter()) {
            nft = NftTracer.start(NftTracer.Namespace.thisAndNamed(), verdicts::add);
        }
        int sampleEvery = options.sampleEvery();
        if (sampleEvery > 0 && !exact) {
            // the kernel would count packets the filter, applied in Java, then rejects
            if (!options.autoSample()) {
                throw new CaptureException("--sample needs a filter the kernel can apply whole, and this one is too "
                        + "long for it: shorten the filter, or trace without --sample");
            }
            warnings.add("no counting or sampling in the kernel: the filter is applied in Java; a flood may lose "
                    + "events");
            sampleEvery = 0;
        }
        counting = sampleEvery > 0;
        capture = CaptureSession.start(CaptureSession.Options.of(kernel.program()).withConsumer(options.consumer())
                .withHooks(options.hooks()).withSampling(sampleEvery), to::event);
        warnings.addAll(capture.warnings());
    }

    @Override
    public boolean filtersInJava() {
        return !exact;
    }

    @Override
    public boolean pump(int timeoutMs) {
        capture.poll(timeoutMs);
        for (NetfilterVerdict v = verdicts.poll(); v != null; v = verdicts.poll()) {
            delivery.netfilter(v);
        }
        return true;
    }

    @Override
    public CaptureStats counters() {
        if (closedWith != null) {
            return closedWith;
        }
        return capture == null ? CaptureStats.EMPTY : capture.stats();
    }

    @Override
    public boolean countsInKernel() {
        return counting;
    }

    @Override
    public List<KernelCount> counts() {
        if (countedWhenClosed != null) {
            return countedWhenClosed;
        }
        return capture == null ? List.of() : capture.counts();
    }

    @Override
    public void setSampling(int every) {
        if (capture != null && counting && countedWhenClosed == null) {
            capture.setSampling(every);
        }
    }

    @Override
    public void resetCounts() {
        if (capture != null && counting && countedWhenClosed == null) {
            capture.resetCounts();
        }
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public List<Hook> hooks() {
        return capture == null ? List.of() : capture.attachedHooks();
    }

    @Override
    public Names names() {
        return names;
    }

    @Override
    public void close() {
        try {
            if (capture != null) {
                capture.drain(DRAIN_LIMIT_MS);
            }
        } finally {
            if (capture != null) {
                closedWith = capture.stats();
                try {
                    countedWhenClosed = capture.counts();
                } finally {
                    capture.close();
                }
            }
            if (nft != null) {
                nft.close();
            }
        }
    }
}
