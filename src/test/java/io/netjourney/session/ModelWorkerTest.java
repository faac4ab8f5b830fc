package io.netjourney.session;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEvent;
import io.netjourney.journey.FlowView;
import io.netjourney.journey.JourneySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The journey model on its own thread: events in, snapshots out, generations kept apart, nothing lost. */
class ModelWorkerTest {
    private final ModelWorker worker = new ModelWorker();

    @AfterEach
    void stop() {
        worker.close();
    }

    private static HopEvent echo(int id, int seq, long ts) {
        return hop().at(ts).skb(0x1000L * id + seq).netns(4026532176L).dev(3, "nj-br0", "bridge")
                .from("198.51.100.1").to("198.51.100.2").icmp(8, 0, id, seq).build();
    }

    /** Takes snapshots of this generation until one satisfies the condition; merges nothing itself. */
    private List<JourneySnapshot> takeUntil(long generation, Predicate<JourneySnapshot> done) throws Exception {
        List<JourneySnapshot> taken = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            JourneySnapshot snapshot = worker.take(generation);
            if (snapshot != null) {
                taken.add(snapshot);
                if (done.test(snapshot)) {
                    return taken;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no such snapshot within 5 s; took " + taken);
    }

    @Test
    void eventsFromTheQueueComeOutAsSnapshotsOfTheirGeneration() throws Exception {
        EventQueue queue = new EventQueue();
        worker.reset(1, queue);
        for (int id = 1; id <= 3; id++) {
            queue.offer(echo(id, 1, id * 1_000L));
        }
        List<JourneySnapshot> taken = takeUntil(1, s -> s.counters().crossings() == 3);
        List<Long> flows = new ArrayList<>();
        taken.forEach(s -> s.changed().forEach(f -> flows.add(f.flowId())));
        assertEquals(List.of(1L, 2L, 3L), flows.stream().distinct().toList());
    }

    @Test
    void aSnapshotNotTakenIsMergedWithTheNextSoNoChangeIsLost() throws Exception {
        EventQueue queue = new EventQueue();
        worker.reset(1, queue);
        queue.offer(echo(1, 1, 1_000));
        Thread.sleep(3 * ModelWorker.PUBLISH_MS);
        queue.offer(echo(2, 1, 2_000));
        Thread.sleep(3 * ModelWorker.PUBLISH_MS);
        JourneySnapshot merged = takeUntil(1, s -> s.counters().crossings() == 2).get(0);
        assertEquals(List.of(1L, 2L), merged.changed().stream().map(FlowView::flowId).toList(),
                "both publishes in the one snapshot taken");
    }

    @Test
    void whatAnOlderGenerationPublishedNeverReachesANewerView() throws Exception {
        EventQueue old = new EventQueue();
        worker.reset(1, old);
        old.offer(echo(1, 1, 1_000));
        takeUntil(1, s -> s.counters().crossings() == 1);
        old.offer(echo(1, 2, 2_000));
        worker.reset(2, new EventQueue());
        JourneySnapshot fresh = takeUntil(2, s -> true).get(0);
        assertEquals(0, fresh.counters().crossings(), "a new model, and the old queue is no longer read");
        assertNull(worker.take(1));
    }

    @Test
    void selectingAFlowBringsItsDetailAtOnce() throws Exception {
        worker.load(7, List.of(echo(1, 1, 1_000), echo(2, 1, 2_000)), List.of());
        takeUntil(7, s -> s.counters().crossings() == 2);
        long asked = System.nanoTime();
        worker.select(2);
        JourneySnapshot withDetail = takeUntil(7, s -> s.selected() != null).get(0);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertNotNull(withDetail.selected());
        assertEquals(2, withDetail.selected().flow().flowId());
        assertTrue(tookMs < 2_000, "detail after " + tookMs + " ms");
    }

    @Test
    void aDetailHeldBackWhilePacketsFlowComesOutEvenWhenTheyStop() throws Exception {
        EventQueue queue = new EventQueue();
        worker.reset(1, queue);
        queue.offer(echo(1, 1, 1_000));
        takeUntil(1, s -> s.counters().crossings() == 1);
        worker.select(1);
        takeUntil(1, s -> s.selected() != null);
        queue.offer(echo(1, 2, 2_000));
        queue.offer(echo(1, 3, 3_000));
        List<JourneySnapshot> taken = takeUntil(1, s -> s.selected() != null
                && s.selected().flow().summary().packets() == 3);
        JourneySnapshot latest = taken.get(taken.size() - 1);
        assertEquals(3, latest.selected().events().size(), "the last packets' crossings in the detail, no event since");
    }

    @Test
    void anEventTheModelCannotPlaceIsSaidAndTheNextOnesStillCount() throws Exception {
        EventQueue queue = new EventQueue();
        worker.reset(1, queue);
        HopEvent good = echo(1, 1, 1_000);
        queue.offer(new io.netjourney.capture.Crossing(2_000, 0, good.hook(), 0x77, null, good.packet(), 0));
        queue.offer(echo(2, 1, 3_000));
        takeUntil(1, s -> s.counters().crossings() == 1);
        assertNotNull(worker.failure(), "what went wrong is kept for the window to say");
    }

    @Test
    void aFlowIdleForMinutesStaysInTheWindowsModel() throws Exception {
        EventQueue queue = new EventQueue();
        worker.reset(1, queue);
        queue.offer(echo(1, 1, 1_000));
        queue.offer(echo(2, 1, 1_000 + TimeUnit.MINUTES.toNanos(5)));
        List<JourneySnapshot> taken = takeUntil(1, s -> s.counters().crossings() == 2);
        assertTrue(taken.stream().allMatch(s -> s.removed().isEmpty()), "nothing evicted for being idle");
    }

    @Test
    void mergeKeepsTheNewestViewOfAFlowAndDropsWhatWasRemovedSince() {
        JourneySnapshot.Counters none = JourneySnapshot.Counters.NONE;
        io.netjourney.journey.JourneyModel model = new io.netjourney.journey.JourneyModel();
        model.accept(echo(1, 1, 1_000));
        model.accept(echo(2, 1, 2_000));
        JourneySnapshot older = model.snapshot(0, false);
        JourneySnapshot newer = new JourneySnapshot(none, List.of(), List.of(1L), older.topology(), null, List.of(),
                List.of(), List.of());
        JourneySnapshot merged = ModelWorker.merge(older, newer);
        assertEquals(List.of(2L), merged.changed().stream().map(FlowView::flowId).toList());
        assertEquals(List.of(1L), merged.removed());
    }

    @Test
    void mergeKeepsTheNewestViewOfAConversationAndWhatWasRemoved() {
        io.netjourney.journey.JourneyModel model = new io.netjourney.journey.JourneyModel();
        model.accept(echo(1, 1, 1_000));
        JourneySnapshot older = model.snapshot(0, false);
        model.accept(echo(1, 2, 2_000));
        JourneySnapshot newer = model.snapshot(0, false);
        JourneySnapshot merged = ModelWorker.merge(older, newer);
        assertEquals(List.of(newer.conversations().get(0)), merged.conversations(), "the newer figures");

        JourneySnapshot gone = new JourneySnapshot(JourneySnapshot.Counters.NONE, List.of(), List.of(1L),
                older.topology(), null, List.of(), List.of(), List.of(older.conversations().get(0).conversationId()));
        JourneySnapshot both = ModelWorker.merge(newer, gone);
        assertEquals(List.of(), both.conversations());
        assertEquals(List.of(older.conversations().get(0).conversationId()), both.conversationsRemoved());
    }
}
