package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The first window's bounds: about 80 % of the screen, at least 1024×700 where it fits, never beyond it. */
class WindowPlacementTest {
    @Test
    void aFullHdScreenGetsEightyPercentCentred() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1920, 1050);
        assertEquals(new Rectangle2D(192, 105, 1536, 840), WindowPlacement.bounds(screen, 0, 0));
    }

    @Test
    void aSmallScreenGetsAtLeast1024By700() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1280, 800);
        assertEquals(new Rectangle2D(128, 50, 1024, 700), WindowPlacement.bounds(screen, 0, 0));
    }

    @Test
    void aTinyScreenGetsAllOfIt() {
        Rectangle2D screen = new Rectangle2D(0, 24, 1024, 576);
        assertEquals(new Rectangle2D(0, 24, 1024, 576), WindowPlacement.bounds(screen, 0, 0));
    }

    @Test
    void theRememberedSizeWinsButNeverExceedsTheScreen() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1920, 1080);
        assertEquals(new Rectangle2D(460, 240, 1000, 600), WindowPlacement.bounds(screen, 1000, 600));
        assertEquals(new Rectangle2D(0, 0, 1920, 1080), WindowPlacement.bounds(screen, 4000, 3000));
    }
}
