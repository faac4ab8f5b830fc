package io.netjourney.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SkippedFramesTest {

    @Test
    void nothingSkippedSaysNothing() {
        assertEquals(Optional.empty(), new SkippedFrames().describe());
    }

    @Test
    void framesBytesAndOffsets() {
        SkippedFrames skipped = new SkippedFrames();
        skipped.add(new SkippedFrames.Place(1234, 233, 1, null));
        assertEquals(Optional.of("skipped 1 damaged frame (233 bytes) at offset 1234"), skipped.describe());
        skipped.add(new SkippedFrames.Place(5678, 179, 2, "unknown hook id 99"));
        assertEquals(Optional.of("skipped 3 damaged frames (412 bytes) at offsets 1234, 5678 (unknown hook id 99)"),
                skipped.describe());
        assertEquals(3, skipped.frames());
        assertEquals(412, skipped.bytes());
    }

    @Test
    void bytesWithoutALostFrame() {
        SkippedFrames skipped = new SkippedFrames();
        skipped.add(new SkippedFrames.Place(40, 1, 0, null));
        assertEquals(Optional.of("skipped 1 damaged byte at offset 40"), skipped.describe());
    }

    @Test
    void manyPlacesNameTheFirstFive() {
        SkippedFrames skipped = new SkippedFrames();
        for (int i = 1; i <= 8; i++) {
            skipped.add(new SkippedFrames.Place(i * 100, 10, 1, null));
        }
        assertEquals(Optional.of("skipped 8 damaged frames (80 bytes) at offsets 100, 200, 300, 400, 500 and 3 more"),
                skipped.describe());
    }
}
