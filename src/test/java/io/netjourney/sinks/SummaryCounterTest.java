package io.netjourney.sinks;

import io.netjourney.capture.CaptureStats;
import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import org.junit.jupiter.api.Test;

class SummaryCounterTest {
    @Test
    void countsPacketsCrossingsFlowsLostAndDuration() {
        SummaryCounter counter = new SummaryCounter();
        assertEquals(new Summary(0, 0, 0, CaptureStats.EMPTY, 0), counter.summary());
        counter.add(new TracedHop(hop().at(1_000).build(), 1, 1, PacketDirection.REQUEST, 0, -1));
        counter.add(new TracedHop(hop().at(1_500).build(), 1, 1, PacketDirection.REQUEST, 1, 500));
        counter.add(new TracedHop(hop().at(2_000).build(), 2, 1, PacketDirection.REPLY, 0, -1));
        counter.add(new TracedHop(hop().at(900).build(), 3, 2, PacketDirection.REQUEST, 0, -1));
        counter.lostEvents(5);
        counter.lostEvents(4);
        assertEquals(new Summary(3, 4, 2, new CaptureStats(0, 5, 0, 0, 0), 1_100), counter.summary());
        assertEquals(new Summary(3, 4, 2, new CaptureStats(40, 7, 3, 2, 40), 1_100),
                counter.summary(new CaptureStats(40, 7, 3, 2, 40)), "the capture's counters, lost the larger");
    }
}
