package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.bpf.RingConsumer;
import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.FilterProgram;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.PacketEvent;
import io.netjourney.filter.FilterParser;
import io.netjourney.filter.KernelFilter;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The in-place ring reader and libbpf's callback loop, attached side by side to the same traffic, deliver the same
 * records — through a small ring the traffic wraps several times, so records crossing the end of the ring (read
 * through its second mapping) are covered.
 */
@Privileged
class RingConsumerPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);

    private static final int RING_BYTES = 64 * 1024;
    private static final int PINGS = 800;

    @Test
    void mappedAndLibbpfConsumersDeliverTheSameRecords() throws Exception {
        FilterProgram filter = KernelFilter.compile(FilterParser.parse("icmp and host " + LabNode.CTR1.ipv4())).program();
        EnumSet<Hook> crossings = EnumSet.noneOf(Hook.class);
        for (Hook hook : Hook.values()) {
            if (hook.direction() != Hook.Direction.NONE) {
                crossings.add(hook);
            }
        }
        Capture mapped = new Capture(new CaptureSession.Options(filter, crossings, RING_BYTES));
        Capture libbpf = new Capture(new CaptureSession.Options(filter, crossings, RING_BYTES)
                .withConsumer(RingConsumer.Kind.LIBBPF));
        try (mapped; libbpf) {
            Process ping = new ProcessBuilder("ip", "netns", "exec", LAB.namespace(LabNode.HOST), "ping", "-n", "-q",
                    "-c", Integer.toString(PINGS), "-i", "0.002", "-W", "1", LabNode.CTR1.ipv4())
                    .redirectErrorStream(true).start();
            assertTrue(ping.waitFor(30, TimeUnit.SECONDS), "ping finished");
            assertEquals(0, ping.exitValue(), new String(ping.getInputStream().readAllBytes()));
            mapped.stopAfterDrain();
            libbpf.stopAfterDrain();
        }
        assertEquals(0, mapped.stats.lost(), "nothing lost by the mapped reader: " + mapped.stats);
        assertEquals(0, libbpf.stats.lost(), "nothing lost by the libbpf reader: " + libbpf.stats);
        assertTrue(mapped.records.size() >= PINGS * 6L, "6 crossings per ping at least: " + mapped.records.size());
        // a short crossing takes its 96 bytes and the ring's 8-byte header
        assertTrue(mapped.records.size() * (HopRecord.SHORT_SIZE + 8L) > 4 * RING_BYTES, "the ring wrapped several times");
        assertEquals(mapped.stats.submitted(), mapped.records.size(), "every submitted record delivered");
        Collections.sort(mapped.records);
        Collections.sort(libbpf.records);
        assertEquals(libbpf.records.size(), mapped.records.size(), "as many records from both");
        for (int i = 0; i < mapped.records.size(); i++) {
            assertEquals(libbpf.records.get(i), mapped.records.get(i), "record " + i + " of the sorted lists");
        }
    }

    @Test
    void onePollDeliversABoundedBatchSoAFloodCannotHoldTheCallerForever() throws Exception {
        FilterProgram filter = KernelFilter.compile(FilterParser.parse("icmp and host " + LabNode.CTR1.ipv4())).program();
        CaptureSession.Options options = new CaptureSession.Options(filter, Hook.crossingsAndDrops(), 128 << 20);
        long[] delivered = new long[1];
        try (CaptureSession session = CaptureSession.start(options, e -> delivered[0]++)) {
            Process flood = new ProcessBuilder("ip", "netns", "exec", LAB.namespace(LabNode.HOST), "timeout", "0.5",
                    "ping", "-n", "-q", "-f", LabNode.CTR1.ipv4()).redirectErrorStream(true).start();
            flood.waitFor(10, TimeUnit.SECONDS);
            CaptureStats waiting = session.stats();
            assertEquals(0, waiting.lost(), "the 128 MiB ring held the flood: " + waiting);
            assertTrue(waiting.submitted() > 70_000, "more records waiting than one poll takes: " + waiting);
            int first = session.poll(0);
            assertEquals(RingConsumer.MAPPED_BATCH, first, "one poll takes a bounded batch");
            long rest = session.drain(5_000);
            assertTrue(rest > 0, "the rest came by drain");
            assertEquals(session.stats().submitted(), delivered[0], "every record delivered in the end");
        }
    }

    /** A capture polled by its own thread, collecting a fingerprint of every record. */
    private static final class Capture implements AutoCloseable {
        final List<String> records = Collections.synchronizedList(new ArrayList<>());
        final CaptureSession session;
        final Thread poller;
        final AtomicBoolean stop = new AtomicBoolean();
        CaptureStats stats;

        Capture(CaptureSession.Options options) {
            session = CaptureSession.start(options, e -> records.add(fingerprint(e)));
            poller = new Thread(() -> {
                while (!stop.get()) {
                    session.poll(50);
                }
                while (session.poll(0) > 0) {
                    // drain what is left
                }
            }, "poll-" + options.consumer());
            poller.start();
        }

        /** What both programs see alike (each takes its own timestamp). */
        static String fingerprint(HopEvent e) {
            long skb = e instanceof PacketEvent packet ? packet.skb() : 0;
            return String.format("%x %s %d %s %s %d %d", skb, e.hook(), e.ifindex(),
                    e.source().getHostAddress(), e.destination().getHostAddress(), e.icmpSeq(), e.length());
        }

        void stopAfterDrain() throws InterruptedException {
            Thread.sleep(200);
            stop.set(true);
            poller.join(5_000);
            stats = session.stats();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            poller.join(5_000);
            session.close();
        }
    }
}
