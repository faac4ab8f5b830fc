package io.netjourney.session;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.KernelCount;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.journey.ConversationView;
import io.netjourney.journey.FlowView;
import io.netjourney.journey.JourneyConfig;
import io.netjourney.journey.JourneyModel;
import io.netjourney.journey.JourneySnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

/**
 * Runs a {@link JourneyModel} on a thread of its own, so a front end's UI thread never assembles, stores or
 * computes anything: events come in through an {@link EventQueue}, commands (reset, load, select) through
 * methods that return at once, and what changed goes out as immutable {@link JourneySnapshot}s, at most
 * {@value #PUBLISH_MS} ms apart while events flow and at once after a command. A snapshot not yet taken is merged
 * with the next one, so a consumer that reads less often loses nothing.
 *
 * <p>Each {@link #reset} or {@link #load} starts a new model under a new generation; a snapshot carries its
 * generation, and {@link #take(long)} hands out only those of the generation asked for, so what an older model
 * published never reaches a view that was cleared.
 */
public final class ModelWorker implements AutoCloseable {
    static final long PUBLISH_MS = 100;
    /** While events flow, the selected flow's detail goes out at most this often (at once after a command). */
    static final long DETAIL_MS = 250;
    private static final int BATCH = 4_096;

    /** A snapshot and the generation of the model that made it. */
    private record Published(long generation, JourneySnapshot snapshot) {
    }

    private final JourneyConfig config;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Published> pending = new AtomicReference<>();
    private final List<HopEvent> batch = new ArrayList<>(BATCH);
    private volatile boolean closed;
    private volatile long selected;
    private volatile String failure;
    // owned by the worker thread
    private JourneyModel model;
    private long generation;
    private EventQueue queue;
    private boolean detailWanted;
    private boolean unpublished;
    private long lastPublishNs;
    private long lastDetailNs;

    public ModelWorker() {
        this(JourneyConfig.forViews());
    }

    public ModelWorker(JourneyConfig config) {
        this.config = config;
        this.model = new JourneyModel(config);
        thread = new Thread(this::run, "netjourney-model");
        thread.setDaemon(true);
        thread.start();
    }

    /** A new, empty model fed from {@code source} (null: none) from now on, under {@code newGeneration}. */
    public void reset(long newGeneration, EventQueue source) {
        command(() -> {
            model = new JourneyModel(config);
            generation = newGeneration;
            queue = source;
            pending.set(null);
            unpublished = true;
            detailWanted = true;
        });
    }

    /** A netfilter verdict from a live capture, for the model of {@code forGeneration} (dropped if replaced). */
    public void netfilter(long forGeneration, NetfilterVerdict verdict) {
        command(() -> {
            if (generation == forGeneration) {
                model.acceptNetfilter(verdict);
                unpublished = true;
            }
        });
    }

    /** A new model holding a recorded trace (its events in order, and its netfilter verdicts), fed by nothing else. */
    public void load(long newGeneration, List<HopEvent> events, List<NetfilterVerdict> netfilter) {
        command(() -> {
            model = new JourneyModel(config);
            generation = newGeneration;
            queue = null;
            pending.set(null);
            events.forEach(this::accept);
            netfilter.forEach(model::acceptNetfilter);
            unpublished = true;
            detailWanted = true;
        });
    }

    /**
     * The kernel's counts so far ({@link Session#counts()}) for the model of {@code ofGeneration}: its conversations'
     * packets seen become these exact counts (see {@link JourneyModel#kernelCounts}).
     */
    public void kernelCounts(long ofGeneration, List<KernelCount> counts) {
        command(() -> {
            if (generation == ofGeneration) {
                model.kernelCounts(counts);
                unpublished = true;
            }
        });
    }

    /** The flow whose detail snapshots carry (0: none); its detail follows at once. */
    public void select(long flowId) {
        selected = flowId;
        command(() -> detailWanted = true);
    }

    /** The latest snapshot of this generation not yet taken, or null; one of an older generation is discarded. */
    public JourneySnapshot take(long ofGeneration) {
        Published published = pending.getAndSet(null);
        return published == null || published.generation() != ofGeneration ? null : published.snapshot();
    }

    private void command(Runnable command) {
        commands.add(command);
        LockSupport.unpark(thread);
    }

    /** What went wrong on the worker thread, if anything did (it carries on with the next events). */
    public String failure() {
        return failure;
    }

    private void run() {
        while (!closed) {
            try {
                step();
            } catch (RuntimeException e) {
                failure = e.toString();
            }
        }
    }

    private void step() {
        {
            boolean commanded = false;
            for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
                command.run();
                commanded = true;
            }
            int drained = 0;
            if (queue != null) {
                batch.clear();
                drained = queue.drainTo(batch, BATCH);
                for (int i = 0; i < drained; i++) {
                    accept(batch.get(i));
                }
                unpublished |= drained > 0;
            }
            long now = System.nanoTime();
            if (commanded || unpublished && now - lastPublishNs >= PUBLISH_MS * 1_000_000) {
                publish();
                lastPublishNs = now;
            }
            if (drained == 0 && commands.isEmpty()) {
                LockSupport.parkNanos(10_000_000);
            }
        }
    }

    /** One event into the model; one it cannot place is said ({@link #failure()}) and the next ones go on. */
    private void accept(HopEvent event) {
        try {
            model.accept(event);
        } catch (RuntimeException e) {
            failure = e + " (an event of " + event.timestampNs() + " ns)";
        }
    }

    private void publish() {
        long now = System.nanoTime();
        boolean detailDue = now - lastDetailNs >= DETAIL_MS * 1_000_000;
        JourneySnapshot fresh = model.snapshot(selected, detailWanted, detailDue);
        if (fresh.selected() != null) {
            lastDetailNs = now;
        }
        detailWanted = false;
        // a detail held back goes out once due, also when no further event comes
        unpublished = model.detailHeldBack();
        long current = generation;
        pending.getAndUpdate(old -> old == null || old.generation() != current ? new Published(current, fresh)
                : new Published(current, merge(old.snapshot(), fresh)));
    }

    /** One snapshot saying what two consecutive ones said. */
    static JourneySnapshot merge(JourneySnapshot older, JourneySnapshot newer) {
        Merged<FlowView> flows = Merged.of(older.changed(), older.removed(), newer.changed(), newer.removed(),
                FlowView::flowId);
        Merged<ConversationView> conversations = Merged.of(older.conversations(), older.conversationsRemoved(),
                newer.conversations(), newer.conversationsRemoved(), ConversationView::conversationId);
        return new JourneySnapshot(newer.counters(), flows.changed(), flows.removed(), newer.topology(),
                newer.selected() != null ? newer.selected() : older.selected(), newer.recent(),
                conversations.changed(), conversations.removed());
    }

    /** What changed and what was removed over two consecutive snapshots, by id; the newer state of each wins. */
    private record Merged<T>(List<T> changed, List<Long> removed) {
        static <T> Merged<T> of(List<T> olderChanged, List<Long> olderRemoved, List<T> newerChanged,
                List<Long> newerRemoved, ToLongFunction<T> id) {
            Map<Long, T> changed = new LinkedHashMap<>();
            for (T item : olderChanged) {
                changed.put(id.applyAsLong(item), item);
            }
            for (T item : newerChanged) {
                changed.put(id.applyAsLong(item), item);
            }
            Set<Long> removed = new LinkedHashSet<>(olderRemoved);
            removed.removeAll(changed.keySet());
            for (Long gone : newerRemoved) {
                changed.remove(gone);
                removed.add(gone);
            }
            List<T> items = new ArrayList<>(changed.values());
            items.sort(Comparator.comparingLong(id));
            return new Merged<>(items, new ArrayList<>(removed));
        }
    }

    /** Stops the thread (what it holds is dropped). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
