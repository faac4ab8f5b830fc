package io.netjourney.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewTransformTest {
    @Test
    void aRegionFarRightIsBroughtIntoTheMiddleOfTheView() {
        ViewTransform view = new ViewTransform();
        view.fitRegion(2000, 100, 400, 200, 800, 600);
        assertEquals(1, view.scale(), 1e-9, "it fits at 1:1, never enlarged");
        assertEquals((800 - 400) / 2.0 - 2000, view.tx(), 1e-9);
        assertEquals((600 - 200) / 2.0 - 100, view.ty(), 1e-9);
        double left = view.tx() + 2000 * view.scale();
        double right = view.tx() + 2400 * view.scale();
        assertEquals(200, left, 1e-9);
        assertEquals(600, right, 1e-9);
    }

    @Test
    void aRegionWiderThanTheViewIsScaledDown() {
        ViewTransform view = new ViewTransform();
        view.fitRegion(0, 0, 1600, 300, 800, 600);
        assertEquals(0.5, view.scale(), 1e-9);
    }
}
