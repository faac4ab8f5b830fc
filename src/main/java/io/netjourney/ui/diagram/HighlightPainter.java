package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Point;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Polygon;

/**
 * Draws a {@link Highlight}'s request and reply paths where {@link HighlightGeometry} puts them: each step along its
 * route in its path's colour, an arrow at the end it travels to, and its label.
 */
final class HighlightPainter {
    private static final double ARROW_LENGTH = 9;
    private static final double ARROW_HALF_WIDTH = 4.5;

    private HighlightPainter() {
    }

    /** Fills the two layers; returns the ids of the interfaces the paths touch. */
    static Set<String> paint(Highlight highlight, DiagramLayout layout, Group edges, Group labels) {
        edges.getChildren().clear();
        labels.getChildren().clear();
        Set<String> onPath = new HashSet<>();
        for (Highlight.PathEdge step : highlight.request()) {
            onPath.add(step.fromId());
            onPath.add(step.toId());
        }
        for (Highlight.PathEdge step : highlight.reply()) {
            onPath.add(step.fromId());
            onPath.add(step.toId());
        }
        for (HighlightGeometry.Step step : HighlightGeometry.of(highlight, layout)) {
            edges.getChildren().addAll(DiagramViews.polyline(step.route(), "path-edge", step.kind() + "-edge"),
                    arrow(step.route(), step.kind()));
            Label label = new Label(step.text());
            label.getStyleClass().addAll("edge-label", step.kind() + "-label");
            label.setUserData(step.edge());
            label.setMinWidth(step.label().width());
            label.setMinHeight(step.label().height());
            label.relocate(step.label().x(), step.label().y());
            labels.getChildren().add(label);
        }
        return onPath;
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
}
