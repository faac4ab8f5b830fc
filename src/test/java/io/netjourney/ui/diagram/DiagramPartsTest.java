package io.netjourney.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import io.netjourney.ui.diagram.EdgeGeometry.Curve;
import io.netjourney.ui.diagram.EdgeGeometry.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The toolkit-free parts: edge geometry, the packet throttle, zoom arithmetic, the icon set. */
class DiagramPartsTest {
    private static final Rect LEFT = new Rect(0, 0, 150, 32);
    private static final Rect RIGHT = new Rect(300, 100, 150, 32);
    private static final Rect BELOW = new Rect(0, 200, 150, 32);

    @Test
    void anEdgeBetweenColumnsRunsFromFacingSideToFacingSide() {
        Curve c = EdgeGeometry.travel(LEFT, RIGHT, 0, 0);
        assertEquals(new Point(150, 16), c.start());
        assertEquals(new Point(300, 116), c.end());
        assertFalse(c.arc());
        Curve back = EdgeGeometry.travel(RIGHT, LEFT, 0, 0);
        assertEquals(c.start(), back.end());
        assertEquals(c.end(), back.start());
    }

    @Test
    void requestAndReplyOnTheSamePairRunInSeparateLanes() {
        Curve request = EdgeGeometry.travel(LEFT, RIGHT, -1, 5);
        Curve reply = EdgeGeometry.travel(RIGHT, LEFT, +1, 5);
        Point a = request.at(0.5);
        Point b = reply.at(0.5);
        assertEquals(10, Math.hypot(a.x() - b.x(), a.y() - b.y()), 0.5);
    }

    @Test
    void anEdgeInsideOneColumnBulgesOutToTheRight() {
        Curve c = EdgeGeometry.travel(LEFT, BELOW, 0, 0);
        assertTrue(c.arc());
        assertTrue(c.at(0.5).x() > LEFT.maxX() + 10);
        Curve outer = EdgeGeometry.travel(BELOW, LEFT, 1, 5);
        assertTrue(outer.at(0.5).x() > c.at(0.5).x());
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
}
