package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Point;
import io.netjourney.ui.diagram.DiagramLayout.Rect;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link Highlight}'s steps are drawn and where their labels sit, without a toolkit: each step runs along
 * its edge's route in its path's lane (request {@value HighlightGeometry#LANE} px on one side, reply on the other),
 * and its label (hop number and latency) beside that lane, clear of every other label, node and box border.
 */
final class HighlightGeometry {
    static final double LANE = 5;

    /** One drawn step: the path it belongs to ("request" or "reply"), its route, its label's text and spot. */
    record Step(Highlight.PathEdge edge, String kind, List<Point> route, String text, Rect label) {
    }

    private HighlightGeometry() {
    }

    /** The request's steps, then the reply's; steps between interfaces the layout does not hold are left out. */
    static List<Step> of(Highlight highlight, DiagramLayout layout) {
        LabelPlacer placer = new LabelPlacer(layout.interfaceNodes(), layout.namespaceBoxes());
        List<Step> steps = new ArrayList<>();
        addPath(highlight.request(), "request", -1, layout, placer, steps);
        addPath(highlight.reply(), "reply", +1, layout, placer, steps);
        return steps;
    }

    private static void addPath(List<Highlight.PathEdge> path, String kind, int side, DiagramLayout layout,
            LabelPlacer placer, List<Step> steps) {
        for (Highlight.PathEdge edge : path) {
            List<Point> route = route(layout, edge.fromId(), edge.toId(), side);
            if (route != null) {
                String text = labelText(edge);
                Rect spot = placer.place(route, layout.route(edge.fromId(), edge.toId()),
                        LabelPlacer.estimatedWidth(text));
                steps.add(new Step(edge, kind, route, text, spot));
            }
        }
    }

    /**
     * The route a step is drawn on, in its path's lane ({@code side} -1 request, +1 reply): its edge's route, or a
     * straight line when the layout has no edge between the two; null when either interface is not placed.
     */
    static List<Point> route(DiagramLayout layout, String fromId, String toId, int side) {
        List<Point> route = layout.route(fromId, toId, side * LANE);
        if (route != null) {
            return route;
        }
        Rect from = layout.interfaceNode(fromId);
        Rect to = layout.interfaceNode(toId);
        return from == null || to == null || from.equals(to) ? null : EdgeGeometry.straight(from, to);
    }

    static String labelText(Highlight.PathEdge step) {
        return step.label() == null || step.label().isBlank() ? Integer.toString(step.hop()) : step.label();
    }
}
