package io.netjourney.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.filter.FilterParser;
import io.netjourney.sinks.TraceFileException;
import io.netjourney.sinks.TraceFileReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The session's lifecycle, filter and counters on recorded traces and on sources that misbehave. */
class SessionTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/lab-pings.njt");

    /** Collects what a session delivers, and how it ended. */
    private static final class Collected implements Session.Sink {
        final List<HopEvent> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger ends = new AtomicInteger();
        volatile Session.End end;
        volatile int limit = Integer.MAX_VALUE;

        @Override
        public void event(HopEvent event) {
            events.add(event);
        }

        @Override
        public boolean done() {
            return events.size() >= limit;
        }

        @Override
        public void ended(Session.End how) {
            end = how;
            ends.incrementAndGet();
        }
    }

    private static List<HopEvent> recorded() throws IOException {
        try (TraceFileReader reader = TraceFileReader.open(FIXTURE)) {
            return reader.events().toList();
        }
    }

    private static Collected replay(Source source, SessionOptions options) throws Exception {
        Collected sink = new Collected();
        Session session = Session.start(7, source, options, sink);
        assertEquals(7, session.generation());
        session.awaitEnd();
        return sink;
    }

    @Test
    void aFileIsReplayedWholeAndEndsWithItsCountersOnce() throws Exception {
        List<HopEvent> recorded = recorded();
        Collected sink = replay(TraceSource.file(FIXTURE), SessionOptions.defaults());
        assertEquals(recorded, sink.events);
        assertEquals(1, sink.ends.get());
        assertNull(sink.end.failure());
        assertEquals(recorded.size(), sink.end.counters().submitted());
        assertEquals(0, sink.end.counters().filtered());
    }

    @Test
    void theFilterAppliesToRecordedFramesAndCountsWhatItRejected() throws Exception {
        List<HopEvent> recorded = recorded();
        var filter = FilterParser.parse("icmp6");
        Collected sink = replay(TraceSource.file(FIXTURE), SessionOptions.defaults().withFilter(filter));
        List<HopEvent> expected = recorded.stream().filter(filter::matches).toList();
        assertTrue(!expected.isEmpty() && expected.size() < recorded.size(), "the fixture has both kinds");
        assertEquals(expected, sink.events);
        assertEquals(recorded.size() - expected.size(), sink.end.counters().filtered());
    }

    @Test
    void aStreamOfFramesReplaysAsTheFileDoes() throws Exception {
        Collected fromFile = replay(TraceSource.file(FIXTURE), SessionOptions.defaults());
        Collected fromStream = replay(TraceSource.stream(new ByteArrayInputStream(Files.readAllBytes(FIXTURE)),
                "stdin"), SessionOptions.defaults());
        assertEquals(fromFile.events, fromStream.events);
        assertEquals(fromFile.end.counters(), fromStream.end.counters());
    }

    @Test
    void theSinkSayingItIsDoneEndsTheSession() throws Exception {
        Collected sink = new Collected();
        sink.limit = 10;
        Session session = Session.start(1, new EndlessSource(), SessionOptions.defaults(), sink);
        assertTrue(session.awaitEnd(Duration.ofSeconds(5)));
        assertTrue(sink.events.size() >= 10);
        assertEquals(1, sink.ends.get());
    }

    @Test
    void aMissingFileIsTheUsersErrorAtStart() {
        TraceFileException e = assertThrows(TraceFileException.class,
                () -> Session.start(1, TraceSource.file(Path.of("no/such.njt")), SessionOptions.defaults(),
                        new Collected()));
        assertEquals("no such trace file: no/such.njt", e.getMessage());
    }

    @Test
    void stopRightAfterStartEndsEveryTimeAndClosesTheSourceOnce() throws Exception {
        for (int i = 0; i < 50; i++) {
            EndlessSource source = new EndlessSource();
            Collected sink = new Collected();
            Session session = Session.start(i, source, SessionOptions.defaults(), sink);
            session.stop();
            assertTrue(session.awaitEnd(Duration.ofSeconds(5)), "ended after stop, round " + i);
            assertEquals(1, source.closes.get(), "closed once");
            assertEquals(1, sink.ends.get(), "told once");
        }
    }

    @Test
    void aDurationEndsTheSession() throws Exception {
        Collected sink = new Collected();
        long started = System.nanoTime();
        Session session = Session.start(1, new EndlessSource(), SessionOptions.defaults()
                .withDuration(Duration.ofMillis(300)), sink);
        assertTrue(session.awaitEnd(Duration.ofSeconds(5)));
        assertTrue(System.nanoTime() - started >= 300_000_000L);
    }

    @Test
    void aSourceFailingOnTheWayEndsTheSessionWithWhy() throws Exception {
        EndlessSource failing = new EndlessSource();
        failing.failAfter = 3;
        Collected sink = new Collected();
        Session session = Session.start(1, failing, SessionOptions.defaults(), sink);
        assertTrue(session.awaitEnd(Duration.ofSeconds(5)));
        assertEquals("the ring broke", sink.end.failure());
        assertEquals("the ring broke", session.failure());
        assertEquals(1, failing.closes.get());
    }

    @Test
    void aSourceThrowingAnErrorWhileOpeningFailsTheStartInsteadOfHangingIt() {
        EndlessSource broken = new EndlessSource();
        broken.openError = new UnsatisfiedLinkError("bpf_map_update_elem");
        CaptureException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(CaptureException.class,
                        () -> Session.start(1, broken, SessionOptions.defaults(), new Collected())));
        assertTrue(e.getMessage().contains("bpf_map_update_elem"), e.getMessage());
        assertEquals(1, broken.closes.get());
    }

    @Test
    void aSourceThrowingAnErrorOnTheWayEndsTheSessionWithWhy() throws Exception {
        EndlessSource broken = new EndlessSource();
        broken.failAfter = 3;
        broken.pumpError = new StackOverflowError("deep");
        Collected sink = new Collected();
        Session session = Session.start(1, broken, SessionOptions.defaults(), sink);
        assertTrue(session.awaitEnd(Duration.ofSeconds(5)), "ended");
        assertEquals("java.lang.StackOverflowError: deep", sink.end.failure());
        assertEquals(1, broken.closes.get());
    }

    @Test
    void withAutoSamplingAFloodOfMatchingEventsMakesTheKernelSendOneInN() throws Exception {
        EndlessSource flooded = new EndlessSource();
        flooded.matchingPerCall = 50_000;
        flooded.counting = true;
        Session session = Session.start(1, flooded, SessionOptions.defaults().withAutoSampling(), new Collected());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (session.sampleEvery() <= 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        session.close();
        assertTrue(session.sampleEvery() > 1, "sampling by itself: 1 in " + session.sampleEvery());
        assertEquals(session.sampleEvery(), flooded.sampling, "and told the source");
    }

    @Test
    void aSourceThatDoesNotCountIsNeverSampled() throws Exception {
        EndlessSource flooded = new EndlessSource();
        flooded.matchingPerCall = 50_000;
        Session session = Session.start(1, flooded, SessionOptions.defaults().withAutoSampling(), new Collected());
        Thread.sleep(400);
        session.close();
        assertEquals(0, session.sampleEvery());
        assertEquals(-1, flooded.sampling, "never asked to sample");
    }

    @Test
    void theKernelsCountersArePassedOnWithWhatJavaFiltered() throws Exception {
        EndlessSource source = new EndlessSource();
        source.kernel = new CaptureStats(100, 4, 20, 3, 96);
        Collected sink = new Collected();
        sink.limit = 1;
        Session session = Session.start(1, source, SessionOptions.defaults(), sink);
        session.awaitEnd();
        assertEquals(new CaptureStats(100, 4, 20, 3, 96), sink.end.counters());
        assertNotNull(session.counters());
    }

    /** Delivers one recorded event per pump, forever (or fails after {@link #failAfter} pumps). */
    private static final class EndlessSource implements Source {
        final AtomicInteger closes = new AtomicInteger();
        volatile int failAfter = -1;
        volatile Error pumpError;
        volatile Error openError;
        /** Matching events the kernel reports more at each read of its counters. */
        volatile long matchingPerCall;
        volatile int sampling = -1;
        volatile boolean counting;
        private long matched;
        volatile CaptureStats kernel = CaptureStats.EMPTY;
        private Delivery delivery;
        private HopEvent event;
        private int pumps;

        @Override
        public void open(SessionOptions options, Delivery to) throws IOException {
            if (openError != null) {
                throw openError;
            }
            delivery = to;
            event = recorded().get(0);
        }

        @Override
        public boolean filtersInJava() {
            return false;
        }

        @Override
        public boolean pump(int timeoutMs) {
            if (++pumps == failAfter) {
                if (pumpError != null) {
                    throw pumpError;
                }
                throw new io.netjourney.capture.CaptureException("the ring broke");
            }
            delivery.event(event);
            return true;
        }

        @Override
        public CaptureStats counters() {
            if (matchingPerCall > 0) {
                matched += matchingPerCall;
                return new CaptureStats(matched, 0, 0, 0, matched);
            }
            return kernel;
        }

        @Override
        public boolean countsInKernel() {
            return counting;
        }

        @Override
        public void setSampling(int every) {
            sampling = every;
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public List<Hook> hooks() {
            return List.of(Hook.values()[0]);
        }

        @Override
        public Names names() {
            return Names.NONE;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
