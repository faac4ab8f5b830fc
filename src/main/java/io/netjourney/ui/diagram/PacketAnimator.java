package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Point;
import java.util.List;
import javafx.animation.Interpolator;
import javafx.animation.PathTransition;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
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

    /** Animates a dot along these routes in turn; false when there is no route or the throttle says no. */
    boolean animate(List<List<Point>> legs, boolean reply) {
        Path path = new Path();
        int steps = 0;
        for (List<Point> leg : legs) {
            if (leg == null || leg.size() < 2) {
                continue;
            }
            Point start = leg.get(0);
            path.getElements().add(steps == 0 ? new MoveTo(start.x(), start.y()) : new LineTo(start.x(), start.y()));
            for (Point p : leg.subList(1, leg.size())) {
                path.getElements().add(new LineTo(p.x(), p.y()));
            }
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
