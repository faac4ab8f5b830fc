package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Point;
import io.netjourney.ui.diagram.DiagramLayout.Rect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds a spot for each edge label on its edge's route: at a point of the route, starting {@value #ALONG} of the way
 * along it and sliding along it both ways until the label overlaps neither the labels placed before it nor an
 * interface node, and lies either wholly inside a namespace box (below its title) or wholly outside it. When no
 * point of the route is free it lets the label cross a box's border, then an interface node, but not another label
 * (one label hidden under another was seen on a Docker host: two containers' veths close together in the host's
 * box); only when even that fails it settles for the first spot tried. A route drawn in a lane beside its edge's centre line
 * (a request or a reply) gets its label on its outer side, touching the line, so the labels of the two lanes sit
 * on either side of the pair; a route without a centre line gets it centred. Sizes are estimated (11 px bold
 * text), so it needs no toolkit.
 */
final class LabelPlacer {
    static final double HEIGHT = 17;
    /** Half the width of a drawn path: a label beside its lane keeps this far from the lane's centre. */
    static final double LINE_HALF_WIDTH = 1.5;
    private static final double STEP = 4;
    /**
     * Where on its route a label is tried first, as a share of the route's length from its start: towards the
     * interface the step reaches, so the labels of steps leaving one box (a host's ports) do not pile up beside it.
     */
    static final double ALONG = 0.7;

    private final List<Rect> taken = new ArrayList<>();
    private final List<Rect> nodes;
    private final List<Rect> boxes;

    LabelPlacer(Collection<Rect> nodes, Collection<Rect> boxes) {
        this.nodes = List.copyOf(nodes);
        this.boxes = List.copyOf(boxes);
    }

    /** A label's width for its text: 7 px a character, 3.8 for spaces and dots, padding and border, some slack. */
    static double estimatedWidth(String text) {
        double width = 20;
        for (char c : text.toCharArray()) {
            width += " .,:;·'|".indexOf(c) >= 0 ? 3.8 : 7.0;
        }
        return Math.ceil(width);
    }

    /**
     * A free spot for a label of this width on {@code route}: beside it away from {@code centre} (null: on it), or
     * failing that centred on it, or on its inner side; {@value #ALONG} along the route when no point of it is free.
     */
    Rect place(List<Point> route, List<Point> centre, double width) {
        // what a spot must keep clear of, strictest first: a label hidden under another is the worst outcome
        for (Clearance clearance : Clearance.values()) {
            Rect spot = firstFree(route, centre, width, clearance);
            if (spot != null) {
                taken.add(spot);
                return spot;
            }
        }
        Rect fallback = at(route, centre, 1, EdgeGeometry.length(route) * ALONG, width);
        taken.add(fallback);
        return fallback;
    }

    /** What a label's spot keeps clear of, from all of it to only the labels placed before. */
    private enum Clearance { ALL, LABELS_AND_NODES, LABELS }

    private Rect firstFree(List<Point> route, List<Point> centre, double width, Clearance clearance) {
        double length = EdgeGeometry.length(route);
        double start = length * ALONG;
        for (int side : centre == null ? new int[] {0} : new int[] {1, 0, -1}) {
            for (int k = 0; k * STEP <= Math.max(start, length - start); k++) {
                for (int sign : new int[] {1, -1}) {
                    double along = start + sign * k * STEP;
                    Rect candidate = at(route, centre, side, along, width);
                    if (along >= 0 && along <= length && free(candidate, clearance)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    /** The label's spot at {@code along} on the route: on its outer side (1), centred on it (0), inner side (-1). */
    private static Rect at(List<Point> route, List<Point> centre, int side, double along, double width) {
        Point p = EdgeGeometry.at(route, along);
        Point away = centre == null || side == 0 ? null : EdgeGeometry.awayFrom(centre, p);
        if (away == null) {
            return new Rect(p.x() - width / 2, p.y() - HEIGHT / 2, width, HEIGHT);
        }
        double reach = LINE_HALF_WIDTH + Math.abs(away.x()) * width / 2 + Math.abs(away.y()) * HEIGHT / 2;
        double cx = p.x() + side * away.x() * reach;
        double cy = p.y() + side * away.y() * reach;
        return new Rect(cx - width / 2, cy - HEIGHT / 2, width, HEIGHT);
    }

    /** Whether a label at {@code r} keeps clear of the labels placed, the nodes and the boxes' borders and titles. */
    boolean free(Rect r) {
        return free(r, Clearance.ALL);
    }

    private boolean free(Rect r, Clearance clearance) {
        if (r.x() < 0 || r.y() < 0) {
            return false;
        }
        for (Rect other : taken) {
            if (r.overlaps(other)) {
                return false;
            }
        }
        if (clearance == Clearance.LABELS) {
            return true;
        }
        for (Rect node : nodes) {
            if (r.overlaps(node)) {
                return false;
            }
        }
        if (clearance == Clearance.LABELS_AND_NODES) {
            return true;
        }
        for (Rect box : boxes) {
            if (r.overlaps(box) && !(box.contains(r) && r.y() >= box.y() + DiagramLayout.BOX_HEADER)) {
                return false;
            }
        }
        return true;
    }
}
