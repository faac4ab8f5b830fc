package io.netjourney.ui;

import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.diagram.JourneyDiagram;
import io.netjourney.ui.feed.HopQueue;
import io.netjourney.ui.model.JourneyViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * Once per frame, moves what the capture thread queued into the view model as one batch, and starts a few
 * packet animations on the diagram (which throttles them further). The capture thread never touches the scene.
 * The batch is sized to a time budget per frame (from the measured cost per crossing), so a flood never stalls
 * the window: what does not fit waits in the queue, which is bounded and counts what it drops. What is shown
 * (rows, graph, counters) is published at most 10 times a second, the selected flow's details 4 times.
 */
final class FrameBatcher extends AnimationTimer {
    /** Crossings applied per frame at most: at 60 frames/s, 3M/s; the rest waits for the next frame. */
    static final int MAX_PER_FRAME = 50_000;
    private static final int MIN_PER_FRAME = 500;
    /** FX thread time per frame for applying crossings, leaving the rest of a 16.7 ms frame to layout and input. */
    private static final long BUDGET_NS = 6_000_000;
    /** Rows, graph and counters show new crossings at most this often. */
    private static final long PUBLISH_NS = 100_000_000;
    /** The selected flow's path, hop table and statistics follow new packets at most this often. */
    private static final long SELECTION_REFRESH_NS = 250_000_000;
    private static final int ANIMATIONS_PER_FRAME = 2;

    private HopQueue queue;
    private final JourneyViewModel model;
    private final JourneyDiagram diagram;
    private final List<TracedHop> batch = new ArrayList<>();
    private long lastFrameNs;
    private long worstFrameNs;
    private double nsPerCrossing = 5_000;
    private long lastSelectionFlushNs;
    private long lastPublishNs;
    private boolean unpublished;
    private long worstWorkNs;

    FrameBatcher(HopQueue queue, JourneyViewModel model, JourneyDiagram diagram) {
        this.queue = queue;
        this.model = model;
        this.diagram = diagram;
        model.setDeferSelectionUpdates(true);
    }

    /** Drains this queue from now on (a new capture's); what the old one holds is left behind. */
    void use(HopQueue newQueue) {
        this.queue = newQueue;
    }

    @Override
    public void handle(long now) {
        if (lastFrameNs != 0) {
            worstFrameNs = Math.max(worstFrameNs, now - lastFrameNs);
        }
        lastFrameNs = now;
        long workStarted = System.nanoTime();
        try {
            applyQueued(now);
        } finally {
            worstWorkNs = Math.max(worstWorkNs, System.nanoTime() - workStarted);
        }
    }

    private void applyQueued(long now) {
        batch.clear();
        int max = (int) Math.max(MIN_PER_FRAME, Math.min(MAX_PER_FRAME, BUDGET_NS / nsPerCrossing));
        if (queue.drainTo(batch, max) > 0) {
            long started = System.nanoTime();
            model.ingest(batch);
            double cost = (System.nanoTime() - started) / (double) batch.size();
            nsPerCrossing = 0.7 * nsPerCrossing + 0.3 * cost;
            unpublished = true;
            animate(batch);
        }
        if (unpublished && now - lastPublishNs >= PUBLISH_NS) {
            model.publish();
            unpublished = false;
            lastPublishNs = now;
        }
        if (now - lastSelectionFlushNs >= SELECTION_REFRESH_NS) {
            model.flushSelection();
            lastSelectionFlushNs = now;
        }
    }

    /** Animates the last packets of the batch whose crossings it holds from their first one on. */
    private void animate(List<TracedHop> hops) {
        Map<Long, List<String>> paths = new LinkedHashMap<>();
        Map<Long, Boolean> replies = new LinkedHashMap<>();
        for (int i = hops.size() - 1; i >= 0 && paths.size() <= ANIMATIONS_PER_FRAME * 4; i--) {
            TracedHop hop = hops.get(i);
            paths.computeIfAbsent(hop.packetId(), id -> new ArrayList<>())
                    .add(0, DiagramGraph.idOf(hop.event().netnsInode(), hop.event().ifindex()));
            replies.put(hop.packetId(), hop.direction() == PacketDirection.REPLY);
        }
        int started = 0;
        for (Map.Entry<Long, List<String>> path : paths.entrySet()) {
            if (started >= ANIMATIONS_PER_FRAME) {
                break;
            }
            if (path.getValue().size() > 1 && diagram.animatePacket(path.getValue(), replies.get(path.getKey()))) {
                started++;
            }
        }
    }

    /** The longest time one frame spent applying crossings since the last call, in ns. */
    long takeWorstWorkNs() {
        long worst = worstWorkNs;
        worstWorkNs = 0;
        return worst;
    }

    /** The longest time between two frames since the last call, in ns: the responsiveness figure. */
    long takeWorstFrameNs() {
        long worst = worstFrameNs;
        worstFrameNs = 0;
        return worst;
    }
}
