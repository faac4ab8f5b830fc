package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Rect;

/**
 * The shape of an edge between two interface nodes, as a cubic Bézier; pure geometry, shared by the drawn edges,
 * their labels and the packets that travel along them.
 * <ul>
 *   <li>Nodes in different columns: from the side of one node facing the other to the facing side of the other,
 *       leaving and arriving horizontally.</li>
 *   <li>Nodes in the same column (one namespace): an arc that bulges out to the right of the column, so it never
 *       crosses the nodes stacked between them.</li>
 * </ul>
 * {@code lane} moves the curve sideways (perpendicular to the chord between columns, outward for arcs), which is
 * how a request edge and a reply edge on the same pair of nodes both stay visible.
 */
final class EdgeGeometry {
    static final double ARC_BULGE = 30;

    private EdgeGeometry() {
    }

    record Point(double x, double y) {
    }

    record Curve(Point start, Point c1, Point c2, Point end, boolean arc) {
        Point at(double t) {
            double u = 1 - t;
            double a = u * u * u;
            double b = 3 * u * u * t;
            double c = 3 * u * t * t;
            double d = t * t * t;
            return new Point(a * start.x + b * c1.x + c * c2.x + d * end.x,
                    a * start.y + b * c1.y + c * c2.y + d * end.y);
        }

        /** The unit direction of travel at t. */
        Point direction(double t) {
            double u = 1 - t;
            double dx = 3 * u * u * (c1.x - start.x) + 6 * u * t * (c2.x - c1.x) + 3 * t * t * (end.x - c2.x);
            double dy = 3 * u * u * (c1.y - start.y) + 6 * u * t * (c2.y - c1.y) + 3 * t * t * (end.y - c2.y);
            double len = Math.hypot(dx, dy);
            return len == 0 ? new Point(1, 0) : new Point(dx / len, dy / len);
        }

        Curve reversed() {
            return new Curve(end, c2, c1, start, arc);
        }
    }

    /**
     * The curve from one node to the next as a path travels it, in its lane: the curve is laid out between the two
     * nodes in a fixed order (left to right, then top to bottom) and moved {@code side × lane} px, so a request
     * (side -1) and its reply (side +1) on the same pair run side by side whichever way each travels.
     */
    static Curve travel(Rect from, Rect to, int side, double lane) {
        boolean forward = from.x() < to.x() || (from.x() == to.x() && from.y() <= to.y());
        return forward ? between(from, to, side * lane) : between(to, from, side * lane).reversed();
    }

    static Curve between(Rect from, Rect to, double lane) {
        boolean sameColumn = Math.abs(from.centerX() - to.centerX()) < from.width();
        return sameColumn ? arc(from, to, lane) : across(from, to, lane);
    }

    private static Curve across(Rect from, Rect to, double lane) {
        double dir = Math.signum(to.centerX() - from.centerX());
        Point s = new Point(dir > 0 ? from.maxX() : from.x(), from.centerY());
        Point e = new Point(dir > 0 ? to.x() : to.maxX(), to.centerY());
        double chord = Math.hypot(e.x - s.x, e.y - s.y);
        double nx = chord == 0 ? 0 : -(e.y - s.y) / chord * lane;
        double ny = chord == 0 ? lane : (e.x - s.x) / chord * lane;
        double pull = Math.max(36, Math.abs(e.x - s.x) / 2);
        return new Curve(new Point(s.x + nx, s.y + ny), new Point(s.x + dir * pull + nx, s.y + ny),
                new Point(e.x - dir * pull + nx, e.y + ny), new Point(e.x + nx, e.y + ny), false);
    }

    private static Curve arc(Rect from, Rect to, double lane) {
        double right = Math.max(from.maxX(), to.maxX());
        double bulge = ARC_BULGE + Math.min(24, Math.abs(to.centerY() - from.centerY()) * 0.08) + lane;
        return new Curve(new Point(from.maxX(), from.centerY()), new Point(right + bulge, from.centerY()),
                new Point(right + bulge, to.centerY()), new Point(to.maxX(), to.centerY()), true);
    }
}
