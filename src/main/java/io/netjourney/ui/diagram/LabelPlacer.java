package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds a spot for each edge label that overlaps neither the labels placed before it nor the obstacles: it tries
 * the preferred spot, then steps away from it vertically (first towards {@code side}), and settles for the
 * preferred spot when nothing nearby is free. Sizes are estimated (11 px bold text), so it needs no toolkit.
 */
final class LabelPlacer {
    static final double HEIGHT = 17;
    private static final double STEP = HEIGHT + 2;
    private static final int TRIES = 4;

    private final List<Rect> taken = new ArrayList<>();
    private final List<Rect> obstacles;

    LabelPlacer(Collection<Rect> obstacles) {
        this.obstacles = List.copyOf(obstacles);
    }

    static double estimatedWidth(String text) {
        return Math.ceil(text.length() * 6.8 + 16);
    }

    Rect place(double x, double y, double width, int side) {
        Rect preferred = new Rect(x, y, width, HEIGHT);
        for (int i = 0; i <= 2 * TRIES; i++) {
            int k = (i + 1) / 2;
            double dy = (i % 2 == 1 ? side : -side) * k * STEP;
            Rect candidate = new Rect(x, y + dy, width, HEIGHT);
            if (free(candidate)) {
                taken.add(candidate);
                return candidate;
            }
        }
        taken.add(preferred);
        return preferred;
    }

    private boolean free(Rect r) {
        if (r.x() < 0 || r.y() < 0) {
            return false;
        }
        for (Rect other : taken) {
            if (r.overlaps(other)) {
                return false;
            }
        }
        for (Rect other : obstacles) {
            if (r.overlaps(other)) {
                return false;
            }
        }
        return true;
    }
}
