package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Point;
import io.netjourney.ui.diagram.DiagramLayout.Rect;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Polygon;

/**
 * Draws a {@link Highlight}'s request and reply paths: each step along its edge's route in its path's colour and
 * lane, an arrow at the end it travels to, and a label (hop number and latency) on the route.
 */
final class HighlightPainter {
    static final double LANE = 5;
    private static final double ARROW_LENGTH = 9;
    private static final double ARROW_HALF_WIDTH = 4.5;

    private HighlightPainter() {
    }

    /** Fills the two layers; returns the ids of the interfaces the paths touch. */
    static Set<String> paint(Highlight highlight, DiagramLayout layout, Group edges, Group labels) {
        edges.getChildren().clear();
        labels.getChildren().clear();
        Set<String> onPath = new HashSet<>();
        LabelPlacer placer = new LabelPlacer(layout.interfaceNodes(), layout.namespaceBoxes());
        paintPath(highlight.request(), "request", -1, layout, placer, edges, labels, onPath);
        paintPath(highlight.reply(), "reply", +1, layout, placer, edges, labels, onPath);
        return onPath;
    }

    /** The route a path's step is drawn on, in the path's lane ({@code side} -1 request, +1 reply); null if none. */
    static List<Point> stepRoute(DiagramLayout layout, String fromId, String toId, int side) {
        List<Point> route = layout.route(fromId, toId, side * LANE);
        if (route != null) {
            return route;
        }
        Rect from = layout.interfaceNode(fromId);
        Rect to = layout.interfaceNode(toId);
        return from == null || to == null || from.equals(to) ? null : EdgeGeometry.straight(from, to);
    }

    private static void paintPath(List<Highlight.PathEdge> path, String kind, int side, DiagramLayout layout,
            LabelPlacer placer, Group edges, Group labels, Set<String> onPath) {
        for (Highlight.PathEdge step : path) {
            onPath.add(step.fromId());
            onPath.add(step.toId());
            List<Point> route = stepRoute(layout, step.fromId(), step.toId(), side);
            if (route == null) {
                continue;
            }
            edges.getChildren().addAll(DiagramViews.polyline(route, "path-edge", kind + "-edge"), arrow(route, kind));
            labels.getChildren().add(label(step, route, layout.route(step.fromId(), step.toId()), kind, placer));
        }
    }

    private static Polygon arrow(List<Point> route, String kind) {
        Point tip = route.get(route.size() - 1);
        Point dir = EdgeGeometry.endDirection(route);
        double bx = tip.x() - dir.x() * ARROW_LENGTH;
        double by = tip.y() - dir.y() * ARROW_LENGTH;
        Polygon arrow = new Polygon(tip.x(), tip.y(),
                bx - dir.y() * ARROW_HALF_WIDTH, by + dir.x() * ARROW_HALF_WIDTH,
                bx + dir.y() * ARROW_HALF_WIDTH, by - dir.x() * ARROW_HALF_WIDTH);
        arrow.getStyleClass().addAll("path-arrow", kind + "-arrow");
        return arrow;
    }

    private static Label label(Highlight.PathEdge step, List<Point> route, List<Point> centre, String kind,
            LabelPlacer placer) {
        String text = labelText(step);
        Label label = new Label(text);
        label.getStyleClass().addAll("edge-label", kind + "-label");
        label.setUserData(step);
        Rect spot = placer.place(route, centre, LabelPlacer.estimatedWidth(text));
        label.setMinWidth(spot.width());
        label.setMinHeight(spot.height());
        label.relocate(spot.x(), spot.y());
        return label;
    }

    static String labelText(Highlight.PathEdge step) {
        return step.label() == null || step.label().isBlank() ? Integer.toString(step.hop()) : step.label();
    }
}
