package io.netjourney.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.CaptureStats;
import org.junit.jupiter.api.Test;

class AutoSamplingTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void everyPacketIsSentBelowTheStart() {
        AutoSampling sampling = new AutoSampling();
        assertEquals(1, sampling.next(0, SECOND));
        assertEquals(1, sampling.next(AutoSampling.START_ABOVE, SECOND));
    }

    @Test
    void aFloodIsSampledAtOnceToWhatTheWindowTakes() {
        AutoSampling sampling = new AutoSampling();
        assertEquals(50, sampling.next(318_000, SECOND), "318k/s: 1 in 50 sends 6.4k/s");
        assertEquals(5, AutoSampling.needed(45_000));
        assertEquals(10, AutoSampling.needed(100_000));
        assertEquals(20, AutoSampling.needed(100_001));
        assertEquals(100_000, AutoSampling.needed(Long.MAX_VALUE / 2));
    }

    @Test
    void aTenthOfASecondOfFloodIsEnoughToStart() {
        AutoSampling sampling = new AutoSampling();
        assertEquals(50, sampling.next(31_800, SECOND / 10));
        assertEquals(50, sampling.next(0, 0), "no time: nothing to decide");
    }

    @Test
    void samplingComesDownOnlyAfterCalmSecondsAndGoesUpAgainAtOnce() {
        AutoSampling sampling = new AutoSampling();
        sampling.next(500_000, SECOND);
        assertEquals(50, sampling.every());
        for (int s = 1; s < AutoSampling.CALM_SECONDS; s++) {
            assertEquals(50, sampling.next(1_000, SECOND), "still 1 in 50 after " + s + " calm seconds");
        }
        assertEquals(1, sampling.next(1_000, SECOND), "every packet again");
        assertEquals(20, sampling.next(150_000, SECOND));
        sampling.next(1_000, SECOND);
        assertEquals(20, sampling.next(150_000, SECOND), "a busy second resets the calm");
        for (int s = 1; s < AutoSampling.CALM_SECONDS; s++) {
            sampling.next(1_000, SECOND);
        }
        assertEquals(1, sampling.next(1_000, SECOND));
    }

    @Test
    void theCountersAreLookedAtEveryTenthOfASecondAndWhatMatchedSinceCounts() {
        AutoSampling sampling = new AutoSampling(0);
        assertEquals(false, sampling.due(AutoSampling.CHECK_EVERY_NS - 1));
        assertEquals(true, sampling.due(AutoSampling.CHECK_EVERY_NS));
        // 10,000 sent, 5,000 lost, 16,800 not sent in 0.1 s: 318k/s matched
        assertEquals(50, sampling.after(new CaptureStats(10_000, 5_000, 0, 0, 10_000, 16_800, 0),
                AutoSampling.CHECK_EVERY_NS));
        assertEquals(false, sampling.due(AutoSampling.CHECK_EVERY_NS + 1));
    }
}
