package io.netjourney.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AutoSamplingTest {

    @Test
    void everyPacketIsSentBelowTheStart() {
        AutoSampling sampling = new AutoSampling();
        assertEquals(1, sampling.next(0));
        assertEquals(1, sampling.next(AutoSampling.START_ABOVE));
    }

    @Test
    void aFloodIsSampledAtOnceToWhatTheWindowTakes() {
        AutoSampling sampling = new AutoSampling();
        assertEquals(50, sampling.next(318_000), "318k/s: 1 in 50 sends 6.4k/s");
        assertEquals(5, AutoSampling.needed(45_000));
        assertEquals(10, AutoSampling.needed(100_000));
        assertEquals(20, AutoSampling.needed(100_001));
        assertEquals(100_000, AutoSampling.needed(Long.MAX_VALUE / 2));
    }

    @Test
    void samplingComesDownOnlyAfterCalmSecondsAndGoesUpAgainAtOnce() {
        AutoSampling sampling = new AutoSampling();
        sampling.next(500_000);
        assertEquals(50, sampling.every());
        for (int s = 1; s < AutoSampling.CALM_SECONDS; s++) {
            assertEquals(50, sampling.next(1_000), "still 1 in 50 after " + s + " calm seconds");
        }
        assertEquals(1, sampling.next(1_000), "every packet again");
        assertEquals(20, sampling.next(150_000));
        sampling.next(1_000);
        assertEquals(20, sampling.next(150_000), "a busy second resets the calm");
        for (int s = 1; s < AutoSampling.CALM_SECONDS; s++) {
            sampling.next(1_000);
        }
        assertEquals(1, sampling.next(1_000));
    }
}
