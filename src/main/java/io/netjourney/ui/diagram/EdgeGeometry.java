package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Point;
import io.netjourney.ui.diagram.DiagramLayout.Rect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Geometry of edge routes (polylines of orthogonal segments), shared by the drawn edges, their arrows, their labels
 * and the packets that travel along them. Pure arithmetic.
 */
final class EdgeGeometry {
    private EdgeGeometry() {
    }

    /**
     * The route moved {@code d} px sideways, to the left of its direction of travel for positive {@code d}: each
     * segment keeps its direction and corners stay where the moved segments meet, so an orthogonal route stays
     * orthogonal.
     */
    static List<Point> offset(List<Point> route, double d) {
        if (d == 0 || route.size() < 2) {
            return List.copyOf(route);
        }
        List<Point> out = new ArrayList<>(route.size());
        for (int i = 0; i < route.size(); i++) {
            Point before = i > 0 ? normal(route.get(i - 1), route.get(i)) : null;
            Point after = i < route.size() - 1 ? normal(route.get(i), route.get(i + 1)) : null;
            Point n = before == null ? after : after == null ? before : corner(before, after);
            out.add(new Point(route.get(i).x() + n.x() * d, route.get(i).y() + n.y() * d));
        }
        return out;
    }

    /** The left unit normal of a segment (for screen coordinates, y down: left of travel). */
    private static Point normal(Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len = Math.hypot(dx, dy);
        return len == 0 ? new Point(0, 0) : new Point(dy / len, -dx / len);
    }

    /** Where two moved segments meet, per unit of offset: exact for right angles, an average otherwise. */
    private static Point corner(Point n1, Point n2) {
        double dot = n1.x() * n2.x() + n1.y() * n2.y();
        if (Math.abs(dot) < 1e-9) {
            return new Point(n1.x() + n2.x(), n1.y() + n2.y());
        }
        return new Point((n1.x() + n2.x()) / 2, (n1.y() + n2.y()) / 2);
    }

    /** A straight route between the facing sides of two nodes, for a step the layout has no edge for. */
    static List<Point> straight(Rect from, Rect to) {
        boolean right = to.centerX() >= from.centerX();
        return List.of(new Point(right ? from.maxX() : from.x(), from.centerY()),
                new Point(right ? to.x() : to.maxX(), to.centerY()));
    }

    static List<Point> reversed(List<Point> route) {
        List<Point> out = new ArrayList<>(route);
        Collections.reverse(out);
        return out;
    }

    static double length(List<Point> route) {
        double total = 0;
        for (int i = 1; i < route.size(); i++) {
            total += distance(route.get(i - 1), route.get(i));
        }
        return total;
    }

    /** The point {@code along} px from the route's start (clamped to its ends). */
    static Point at(List<Point> route, double along) {
        double left = Math.max(0, along);
        for (int i = 1; i < route.size(); i++) {
            Point a = route.get(i - 1);
            Point b = route.get(i);
            double len = distance(a, b);
            if (left <= len && len > 0) {
                double t = left / len;
                return new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t);
            }
            left -= len;
        }
        return route.get(route.size() - 1);
    }

    /** The unit direction of travel on the route's last segment of non-zero length. */
    static Point endDirection(List<Point> route) {
        for (int i = route.size() - 1; i > 0; i--) {
            Point a = route.get(i - 1);
            Point b = route.get(i);
            double len = distance(a, b);
            if (len > 0) {
                return new Point((b.x() - a.x()) / len, (b.y() - a.y()) / len);
            }
        }
        return new Point(1, 0);
    }

    /**
     * The unit direction from the route's nearest point to {@code p}, snapped to the nearest axis; null when
     * {@code p} lies on the route.
     */
    static Point awayFrom(List<Point> route, Point p) {
        Point nearest = nearest(route, p);
        double dx = p.x() - nearest.x();
        double dy = p.y() - nearest.y();
        if (Math.hypot(dx, dy) < 1e-6) {
            return null;
        }
        return Math.abs(dx) >= Math.abs(dy) ? new Point(Math.signum(dx), 0) : new Point(0, Math.signum(dy));
    }

    /** The point of the route nearest to {@code p}. */
    static Point nearest(List<Point> route, Point p) {
        Point best = route.get(0);
        for (int i = 1; i < route.size(); i++) {
            Point q = nearestOnSegment(route.get(i - 1), route.get(i), p);
            if (distance(q, p) < distance(best, p)) {
                best = q;
            }
        }
        return best;
    }

    /** The shortest distance from a point to the route. */
    static double distanceTo(List<Point> route, Point p) {
        return distance(nearest(route, p), p);
    }

    private static Point nearestOnSegment(Point a, Point b, Point p) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2));
        return new Point(a.x() + t * dx, a.y() + t * dy);
    }

    static double distance(Point a, Point b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }
}
