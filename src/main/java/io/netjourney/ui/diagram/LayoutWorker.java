package io.netjourney.ui.diagram;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javafx.application.Platform;

/**
 * Computes diagram layouts off the FX thread (ELK takes 0.1–0.4 s at 60 interfaces, seconds on its first run) and
 * hands each result to the FX thread with the graph it belongs to. Requests coalesce: while one layout runs, only
 * the newest graph asked for meanwhile is laid out next; the ones in between are skipped.
 */
final class LayoutWorker {
    private static final Executor THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "diagram-layout");
        t.setDaemon(true);
        return t;
    });

    static {
        THREAD.execute(() -> DiagramLayout.of(warmUpGraph()));
    }

    private final AtomicReference<DiagramGraph> pending = new AtomicReference<>();
    private final BiConsumer<DiagramGraph, DiagramLayout> onFxThread;

    LayoutWorker(BiConsumer<DiagramGraph, DiagramLayout> onFxThread) {
        this.onFxThread = onFxThread;
    }

    /** Two namespaces joined by a veth: loads and exercises ELK's classes before the first real graph arrives. */
    private static DiagramGraph warmUpGraph() {
        DiagramGraph.Interface a = new DiagramGraph.Interface(DiagramGraph.idOf(1, 2), 1, 2, "eth0", "veth", null);
        DiagramGraph.Interface b = new DiagramGraph.Interface(DiagramGraph.idOf(2, 2), 2, 2, "eth0", "veth", null);
        return new DiagramGraph(List.of(new DiagramGraph.Namespace(1, "a"), new DiagramGraph.Namespace(2, "b")),
                List.of(a, b), List.of(new DiagramGraph.Link(a.id(), b.id())));
    }

    void request(DiagramGraph graph) {
        if (pending.getAndSet(graph) == null) {
            THREAD.execute(this::layOutNewest);
        }
    }

    private void layOutNewest() {
        DiagramGraph graph = pending.getAndSet(null);
        if (graph != null) {
            DiagramLayout layout = DiagramLayout.of(graph);
            Platform.runLater(() -> onFxThread.accept(graph, layout));
        }
    }
}
