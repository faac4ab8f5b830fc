package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import io.netjourney.ui.diagram.EdgeGeometry.Curve;
import java.util.List;
import javafx.animation.Interpolator;
import javafx.animation.PathTransition;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.util.Duration;

/** Moves live-packet dots along paths, through a {@link PacketThrottle}; what the throttle refuses is dropped. */
final class PacketAnimator {
    static final int MAX_CONCURRENT = 4;
    static final double PER_SECOND = 6;
    private static final double MS_PER_STEP = 150;
    private static final double MIN_MS = 300;
    private static final double MAX_MS = 600;

    private final Group layer;
    private final PacketThrottle throttle = new PacketThrottle(MAX_CONCURRENT, PER_SECOND, 3);

    PacketAnimator(Group layer) {
        this.layer = layer;
    }

    /** Animates a dot through these node rectangles in order; false when there is no path or the throttle says no. */
    boolean animate(List<Rect> nodes, boolean reply) {
        Path path = new Path();
        int steps = 0;
        for (int i = 1; i < nodes.size(); i++) {
            Rect from = nodes.get(i - 1);
            Rect to = nodes.get(i);
            if (from == null || to == null || from.equals(to)) {
                continue;
            }
            Curve c = EdgeGeometry.travel(from, to, reply ? 1 : -1, HighlightPainter.LANE);
            path.getElements().add(steps == 0 ? new MoveTo(c.start().x(), c.start().y())
                    : new LineTo(c.start().x(), c.start().y()));
            path.getElements().add(new CubicCurveTo(c.c1().x(), c.c1().y(), c.c2().x(), c.c2().y(),
                    c.end().x(), c.end().y()));
            steps++;
        }
        if (steps == 0 || !throttle.tryStart(System.nanoTime())) {
            return false;
        }
        Circle dot = new Circle(4.5);
        dot.getStyleClass().addAll("packet", reply ? "reply-packet" : "request-packet");
        double ms = Math.max(MIN_MS, Math.min(MAX_MS, steps * MS_PER_STEP));
        PathTransition move = new PathTransition(Duration.millis(ms), path, dot);
        move.setInterpolator(Interpolator.EASE_BOTH);
        move.setOnFinished(e -> {
            layer.getChildren().remove(dot);
            throttle.finished();
        });
        layer.getChildren().add(dot);
        move.play();
        return true;
    }

    int running() {
        return throttle.running();
    }
}
