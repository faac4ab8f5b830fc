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
 */
final class FrameBatcher extends AnimationTimer {
    /** Crossings applied per frame at most: at 60 frames/s, 3M/s; the rest waits for the next frame. */
    static final int MAX_PER_FRAME = 50_000;
    private static final int ANIMATIONS_PER_FRAME = 2;

    private final HopQueue queue;
    private final JourneyViewModel model;
    private final JourneyDiagram diagram;
    private final List<TracedHop> batch = new ArrayList<>();
    private long lastFrameNs;
    private long worstFrameNs;

    FrameBatcher(HopQueue queue, JourneyViewModel model, JourneyDiagram diagram) {
        this.queue = queue;
        this.model = model;
        this.diagram = diagram;
    }

    @Override
    public void handle(long now) {
        if (lastFrameNs != 0) {
            worstFrameNs = Math.max(worstFrameNs, now - lastFrameNs);
        }
        lastFrameNs = now;
        batch.clear();
        if (queue.drainTo(batch, MAX_PER_FRAME) == 0) {
            return;
        }
        model.accept(batch);
        animate(batch);
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

    /** The longest time between two frames since the last call, in ns: the responsiveness figure. */
    long takeWorstFrameNs() {
        long worst = worstFrameNs;
        worstFrameNs = 0;
        return worst;
    }
}
