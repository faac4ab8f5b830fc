package io.netjourney.ui;

import io.netjourney.journey.FlowReport;
import io.netjourney.journey.JourneySnapshot;
import io.netjourney.session.ModelWorker;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.diagram.JourneyDiagram;
import io.netjourney.ui.model.JourneyViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Once per frame, shows the journey model's latest snapshot (the model publishes at most 10 a second, off the FX
 * thread) and starts a few packet animations on the diagram (which throttles them further). The FX thread only
 * applies what the model already worked out: rows, graph, counters, the selected flow's detail.
 */
final class FrameBatcher extends AnimationTimer {
    private static final int ANIMATIONS_PER_FRAME = 2;

    private final ModelWorker worker;
    private final JourneyViewModel model;
    private final JourneyDiagram diagram;
    private long generation;
    private long lastFrameNs;
    private long worstFrameNs;
    private long worstWorkNs;

    FrameBatcher(ModelWorker worker, long generation, JourneyViewModel model, JourneyDiagram diagram) {
        this.worker = worker;
        this.generation = generation;
        this.model = model;
        this.diagram = diagram;
    }

    /** Shows the snapshots of this generation of the model from now on; older ones are discarded. */
    void use(long newGeneration) {
        this.generation = newGeneration;
    }

    @Override
    public void handle(long now) {
        if (lastFrameNs != 0) {
            worstFrameNs = Math.max(worstFrameNs, now - lastFrameNs);
        }
        lastFrameNs = now;
        long workStarted = System.nanoTime();
        try {
            JourneySnapshot snapshot = worker.take(generation);
            if (snapshot != null) {
                model.apply(snapshot);
                animate(snapshot.recent());
            }
        } finally {
            worstWorkNs = Math.max(worstWorkNs, System.nanoTime() - workStarted);
        }
    }

    /** Animates the latest packets the snapshot names. */
    private void animate(List<JourneySnapshot.RecentPacket> recent) {
        int started = 0;
        for (int i = recent.size() - 1; i >= 0 && started < ANIMATIONS_PER_FRAME; i--) {
            JourneySnapshot.RecentPacket packet = recent.get(i);
            List<String> path = new ArrayList<>(packet.path().size());
            for (FlowReport.Place place : packet.path()) {
                path.add(DiagramGraph.idOf(place.netnsInode(), place.ifindex()));
            }
            if (path.size() > 1 && diagram.animatePacket(path, packet.reply())) {
                started++;
            }
        }
    }

    /** The longest time one frame spent applying a snapshot since the last call, in ns. */
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
