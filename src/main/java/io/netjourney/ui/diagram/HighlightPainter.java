package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import io.netjourney.ui.diagram.EdgeGeometry.Curve;
import io.netjourney.ui.diagram.EdgeGeometry.Point;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Polygon;

/**
 * Draws a {@link Highlight}'s request and reply paths: each step an edge in its path's colour and lane, an arrow
 * at the end it travels to, and a label (hop number and latency) beside it.
 */
final class HighlightPainter {
    static final double LANE = 5;
    private static final double LABEL_OFFSET = 12;
    private static final double ARROW_LENGTH = 9;
    private static final double ARROW_HALF_WIDTH = 4.5;

    private HighlightPainter() {
    }

    /**
     * Fills the two layers; returns the ids of the interfaces the paths touch. Labels keep clear of each other and
     * of the {@code obstacles} (the interface nodes) where a nearby free spot exists.
     */
    static Set<String> paint(Highlight highlight, Function<String, Rect> nodeOf, Collection<Rect> obstacles,
            Group edges, Group labels) {
        edges.getChildren().clear();
        labels.getChildren().clear();
        Set<String> onPath = new HashSet<>();
        LabelPlacer placer = new LabelPlacer(obstacles);
        paintPath(highlight.request(), "request", -1, nodeOf, placer, edges, labels, onPath);
        paintPath(highlight.reply(), "reply", +1, nodeOf, placer, edges, labels, onPath);
        return onPath;
    }

    private static void paintPath(List<Highlight.PathEdge> path, String kind, int side, Function<String, Rect> nodeOf,
            LabelPlacer placer, Group edges, Group labels, Set<String> onPath) {
        for (Highlight.PathEdge step : path) {
            onPath.add(step.fromId());
            onPath.add(step.toId());
            Rect from = nodeOf.apply(step.fromId());
            Rect to = nodeOf.apply(step.toId());
            if (from == null || to == null || from.equals(to)) {
                continue;
            }
            Curve curve = EdgeGeometry.travel(from, to, side, LANE);
            edges.getChildren().addAll(DiagramViews.curve(curve, "path-edge", kind + "-edge"), arrow(curve, kind));
            labels.getChildren().add(label(step, curve, kind, side, placer));
        }
    }

    private static Polygon arrow(Curve curve, String kind) {
        Point tip = curve.end();
        Point dir = curve.direction(1);
        double bx = tip.x() - dir.x() * ARROW_LENGTH;
        double by = tip.y() - dir.y() * ARROW_LENGTH;
        Polygon arrow = new Polygon(tip.x(), tip.y(),
                bx - dir.y() * ARROW_HALF_WIDTH, by + dir.x() * ARROW_HALF_WIDTH,
                bx + dir.y() * ARROW_HALF_WIDTH, by - dir.x() * ARROW_HALF_WIDTH);
        arrow.getStyleClass().addAll("path-arrow", kind + "-arrow");
        return arrow;
    }

    private static Label label(Highlight.PathEdge step, Curve curve, String kind, int side, LabelPlacer placer) {
        String text = step.label() == null || step.label().isBlank() ? Integer.toString(step.hop()) : step.label();
        Label label = new Label(text);
        label.getStyleClass().addAll("edge-label", kind + "-label");
        label.setUserData(step);
        Point mid = curve.at(0.5);
        double width = LabelPlacer.estimatedWidth(text);
        double x = curve.arc() ? mid.x() + 6 : mid.x() - width / 2;
        Rect spot = placer.place(x, mid.y() + side * LABEL_OFFSET - LabelPlacer.HEIGHT / 2, width, side);
        label.setMinWidth(spot.width());
        label.setMinHeight(spot.height());
        label.relocate(spot.x(), spot.y());
        return label;
    }
}
