package io.netjourney.ui.feed;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRecorderTest {

    private static HopEvent crossing(int seq) {
        return hop().at(1_000L * seq).skb(0xffff0000L + seq).netns(4026532258L).dev(7, "veth" + (seq % 3), "veth")
                .from("198.51.100.2").to("198.51.100.3").icmp(8, 0, 0xBEEF, seq).macs(0x020000000001L, 0x020000000002L)
                .build();
    }

    @Test
    void givesBackWhatItWasGivenOldestFirst() {
        EventRecorder recorder = new EventRecorder(10);
        List<HopEvent> given = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            given.add(crossing(i));
        }
        given.add(hop().at(9_000).from("2001:db8::1").to("2001:db8::2").icmp6(128, 5, 6).dev(3, "eth0", "veth")
                .build());
        given.add(hop().at(10_000).from("198.51.100.2").to("198.51.100.9").route(254, -113, 4, "198.51.100.1")
                .buildRoute());
        given.forEach(recorder::add);

        assertEquals(given, recorder.snapshot());
        assertEquals(9, recorder.total());
    }

    @Test
    void overwritesTheOldestOnceFullAcrossChunks() {
        int capacity = EventRecorder.CHUNK_RECORDS + 100;
        EventRecorder recorder = new EventRecorder(capacity);
        int added = 2 * capacity + 37;
        for (int i = 0; i < added; i++) {
            recorder.add(crossing(i));
        }

        List<HopEvent> kept = recorder.snapshot();

        assertEquals(capacity, kept.size());
        assertEquals(crossing(added - capacity), kept.get(0));
        assertEquals(crossing(added - 1), kept.get(kept.size() - 1));
        assertEquals(added, recorder.total());
    }

    @Test
    void aShorterEventOverwritingALongerOneKeepsNothingOfIt() {
        EventRecorder recorder = new EventRecorder(1);
        recorder.add(hop().from("2001:db8::1").to("2001:db8::2").dev(1, "a-very-long-name", "bridge")
                .drop(2, 0xffffffff81000000L).build());
        HopEvent shorter = hop().from("198.51.100.2").to("198.51.100.3").dev(2, "e", "veth").build();
        recorder.add(shorter);

        assertEquals(List.of(shorter), recorder.snapshot());
    }

    @Test
    void keepsADropsNamesWhichItsRecordDoesNotCarry() {
        EventRecorder recorder = new EventRecorder(4);
        Drop drop = hop().from("198.51.100.2").to("198.51.100.3").drop(6, 0xffffffff81234567L).buildDrop()
                .named("NETFILTER_DROP", "nf_hook_slow+0x91");
        recorder.add(drop);
        recorder.add(crossing(1));

        assertEquals(drop, recorder.snapshot().get(0));
    }

    @Test
    void clearForgetsEverything() {
        EventRecorder recorder = new EventRecorder(4);
        recorder.add(crossing(1));
        recorder.clear();
        assertTrue(recorder.snapshot().isEmpty());
        assertEquals(0, recorder.total());
        recorder.add(crossing(2));
        assertEquals(List.of(crossing(2)), recorder.snapshot());
    }
}
