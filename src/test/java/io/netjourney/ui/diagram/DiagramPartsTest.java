package io.netjourney.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import io.netjourney.ui.diagram.DiagramLayout.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The toolkit-free parts: edge geometry, the packet throttle, zoom arithmetic, the icon set. */
class DiagramPartsTest {
    private static final List<Point> ELBOW = List.of(new Point(0, 0), new Point(100, 0), new Point(100, 50),
            new Point(200, 50));

    @Test
    void aRouteMovedSidewaysKeepsItsRightAnglesAndItsDistance() {
        List<Point> left = EdgeGeometry.offset(ELBOW, 5);
        assertEquals(List.of(new Point(0, -5), new Point(105, -5), new Point(105, 45), new Point(200, 45)), left);
        for (int i = 1; i < left.size(); i++) {
            Point mid = new Point((left.get(i - 1).x() + left.get(i).x()) / 2, (left.get(i - 1).y() + left.get(i).y()) / 2);
            assertEquals(5, EdgeGeometry.distanceTo(ELBOW, mid), 1e-9, "segment " + i + " runs 5 px beside");
        }
    }

    @Test
    void requestAndReplyLanesOfOneEdgeRunOnOppositeSides() {
        List<Point> request = EdgeGeometry.offset(ELBOW, -5);
        List<Point> reply = EdgeGeometry.reversed(EdgeGeometry.offset(ELBOW, 5));
        Point a = EdgeGeometry.at(request, 50);
        Point b = EdgeGeometry.at(reply, EdgeGeometry.length(reply) - 50);
        assertEquals(10, EdgeGeometry.distance(a, b), 1e-9);
    }

    @Test
    void pointsAlongARouteAndItsEndDirection() {
        assertEquals(250, EdgeGeometry.length(ELBOW));
        assertEquals(new Point(100, 25), EdgeGeometry.at(ELBOW, 125));
        assertEquals(new Point(200, 50), EdgeGeometry.at(ELBOW, 999));
        assertEquals(new Point(1, 0), EdgeGeometry.endDirection(ELBOW));
        assertEquals(new Point(0, -1), EdgeGeometry.endDirection(EdgeGeometry.reversed(ELBOW).subList(0, 3)));
    }

    @Test
    void aStepWithoutAnEdgeRunsStraightBetweenFacingSides() {
        Rect left = new Rect(0, 0, 150, 32);
        Rect right = new Rect(300, 100, 150, 32);
        assertEquals(List.of(new Point(150, 16), new Point(300, 116)), EdgeGeometry.straight(left, right));
        assertEquals(List.of(new Point(300, 116), new Point(150, 16)), EdgeGeometry.straight(right, left));
    }

    @Test
    void labelsSitBesideTheirLaneClearOfNodesBoxBordersAndEachOther() {
        List<Point> centre = List.of(new Point(0, 0), new Point(300, 0), new Point(300, 150), new Point(600, 150));
        Rect node = new Rect(120, -40, 40, 30);
        Rect box = new Rect(420, 100, 300, 200);
        LabelPlacer placer = new LabelPlacer(List.of(node), List.of(box));
        List<Rect> placed = new ArrayList<>();
        for (int lane : new int[] {-5, 5, -5, 5}) {
            List<Point> route = EdgeGeometry.offset(centre, lane);
            Rect spot = placer.place(route, centre, 60);
            double gap = EdgeGeometry.distanceTo(route, new Point(spot.centerX(), spot.centerY()));
            assertTrue(gap <= LabelPlacer.HEIGHT / 2 + LabelPlacer.LINE_HALF_WIDTH + 1e-9
                    || gap <= 30 + LabelPlacer.LINE_HALF_WIDTH + 1e-9, "touching its lane, " + gap + " px off");
            assertTrue(EdgeGeometry.distanceTo(centre, new Point(spot.centerX(), spot.centerY())) > gap,
                    "on the outer side of its lane");
            assertFalse(spot.overlaps(node), spot + " on the node");
            assertTrue(!spot.overlaps(box) || box.contains(spot), spot + " across the box border");
            for (Rect other : placed) {
                assertFalse(spot.overlaps(other), spot + " on " + other);
            }
            placed.add(spot);
        }
    }

    @Test
    void theThrottleCapsConcurrencyAndRate() {
        PacketThrottle throttle = new PacketThrottle(4, 6, 3);
        int started = 0;
        for (int i = 0; i < 1000; i++) {
            if (throttle.tryStart(i * 1_000L)) {
                started++;
            }
        }
        assertEquals(3, started, "a burst of 1000 within a millisecond starts only the burst");
        throttle.finished();
        throttle.finished();
        throttle.finished();
        long second = 1_000_000_000L;
        started = 0;
        for (int i = 0; i < 10_000; i++) {
            long now = 2 * second + i * (second / 1000);
            if (throttle.tryStart(now)) {
                started++;
                throttle.finished();
            }
        }
        assertTrue(started >= 60 && started <= 64, "about 6 per second over 10 s, got " + started);
    }

    @Test
    void theThrottleNeverRunsMoreThanItsLimit() {
        PacketThrottle throttle = new PacketThrottle(2, 1000, 1000);
        assertTrue(throttle.tryStart(0));
        assertTrue(throttle.tryStart(1));
        assertFalse(throttle.tryStart(2));
        throttle.finished();
        assertTrue(throttle.tryStart(3));
        assertEquals(2, throttle.running());
    }

    @Test
    void zoomKeepsThePointUnderThePointer() {
        ViewTransform view = new ViewTransform();
        view.panBy(40, 10);
        double wx = (300 - view.tx()) / view.scale();
        view.zoomAt(ViewTransform.STEP, 300, 200);
        assertEquals(300, view.tx() + wx * view.scale(), 1e-9);
        for (int i = 0; i < 50; i++) {
            view.zoomAt(ViewTransform.STEP, 0, 0);
        }
        assertEquals(ViewTransform.MAX_SCALE, view.scale());
    }

    @Test
    void fitCentresAndNeverEnlarges() {
        ViewTransform view = new ViewTransform();
        view.fit(2000, 500, 1000, 500);
        assertEquals(0.5, view.scale());
        assertEquals(0, view.tx());
        assertEquals(125, view.ty());
        view.fit(100, 100, 1000, 500);
        assertEquals(1, view.scale());
    }

    @Test
    void everyKindHasAnIconFileWithTheSamePath() throws IOException {
        Path dir = Path.of("icons", "kinds");
        for (String kind : KindIcons.KINDS) {
            String svg = Files.readString(dir.resolve(kind + ".svg"));
            assertTrue(svg.contains("d=\"" + KindIcons.path(kind) + "\""), kind + ".svg matches KindIcons");
        }
        assertEquals("other", KindIcons.normalize("ipvlan"));
        assertEquals("bridge", KindIcons.normalize("Bridge"));
    }

    @Test
    void labelsOnARouteAlongABoxBorderStillKeepClearOfEachOther() {
        // the route runs on the box's bottom border: no spot lies wholly inside or outside the box
        Rect box = new Rect(0, 0, 200, 100);
        List<Point> border = List.of(new Point(0, 100), new Point(200, 100));
        LabelPlacer placer = new LabelPlacer(List.of(), List.of(box));
        Rect first = placer.place(border, null, 60);
        Rect second = placer.place(border, null, 60);
        assertFalse(first.overlaps(second), "two labels on one crowded route, neither hidden: " + first + " " + second);
    }
}
