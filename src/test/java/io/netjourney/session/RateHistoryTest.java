package io.netjourney.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateHistoryTest {
    private final RateHistory history = new RateHistory();

    @Test
    void emptyUntilTheFirstSecond() {
        assertEquals(0, history.size());
        assertArrayEquals(new long[0], history.events());
        assertEquals(0, history.currentEvents());
        assertEquals(0, history.peakLost());
    }

    @Test
    void keepsTheSamplesOldestFirstWithTheCurrentAndPeakFigures() {
        history.add(100, 0);
        history.add(250, 3);
        history.add(80, 1);
        assertArrayEquals(new long[] {100, 250, 80}, history.events());
        assertArrayEquals(new long[] {0, 3, 1}, history.lost());
        assertEquals(80, history.currentEvents());
        assertEquals(1, history.currentLost());
        assertEquals(250, history.peakEvents());
        assertEquals(3, history.peakLost());
    }

    @Test
    void keepsOnlyTheLastSixtySeconds() {
        for (int second = 1; second <= 75; second++) {
            history.add(second, second % 2);
        }
        assertEquals(60, history.size());
        long[] events = history.events();
        assertEquals(16, events[0], "seconds 1-15 forgotten");
        assertEquals(75, events[59]);
        assertEquals(75, history.currentEvents());
        assertEquals(75, history.peakEvents());
        history.add(0, 0);
        assertEquals(17, history.events()[0]);
        assertEquals(75, history.peakEvents());
    }

    @Test
    void thePeakIsOverWhatIsStillKept() {
        history.add(1_000, 50);
        for (int second = 0; second < 59; second++) {
            history.add(1, 0);
        }
        assertEquals(1_000, history.peakEvents());
        history.add(2, 0);
        assertEquals(2, history.peakEvents(), "the burst was 61 s ago");
        assertEquals(0, history.peakLost());
    }

    @Test
    void aCounterThatWentBackCountsAsNothingAndClearForgets() {
        history.add(-40, -2);
        assertArrayEquals(new long[] {0}, history.events());
        assertArrayEquals(new long[] {0}, history.lost());
        history.add(9, 9);
        history.clear();
        assertEquals(0, history.size());
        assertEquals(0, history.currentEvents());
        history.add(5, 0);
        assertArrayEquals(new long[] {5}, history.events());
    }
}
