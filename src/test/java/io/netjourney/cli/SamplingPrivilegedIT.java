package io.netjourney.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.Crossing;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.KernelCount;
import io.netjourney.capture.names.Json;
import io.netjourney.filter.FilterParser;
import io.netjourney.filter.KernelFilter;
import io.netjourney.lab.BpfLinks;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code trace --sample N} on the lab's real hooks: the kernel counts every packet exactly at every place of its path,
 * and sends 1 in N packets whole, each echo request with its reply.
 */
@Privileged
class SamplingPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension("nj-sp-");
    static final Lab LAB = LAB_UP.lab();
    private static final int PINGS = 400;
    private static final int EVERY = 10;

    @Test
    void theKernelCountsEveryPacketAndSendsOneInNWhole() throws Exception {
        int links = BpfLinks.open();
        CompletableFuture<CliRun> trace = CompletableFuture.supplyAsync(() -> CliRun.of("trace", "--json",
                "--sample", Integer.toString(EVERY), "--duration", "12s", "icmp and host " + LabNode.CTR1.ipv4()
                        + " and (netns " + LAB.namespace(LabNode.HOST) + " or netns " + LAB.namespace(LabNode.CTR1)
                        + ")"));
        BpfLinks.awaitMoreThan(links, Duration.ofSeconds(15));
        assertTrue(LAB.ping(LabNode.HOST, LabNode.CTR1.ipv4(), PINGS, Duration.ofMillis(5)).success());
        CliRun run = trace.get(30, TimeUnit.SECONDS);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.clean(), run.err());

        Map<Integer, Integer> crossingsPerSeq = new HashMap<>();
        List<Map<String, Object>> counts = new ArrayList<>();
        Map<String, Object> summary = null;
        for (String line : run.lines()) {
            Map<String, Object> object = Json.object(Json.parse(line));
            if (object.containsKey("count")) {
                counts.add(Json.object(object.get("count")));
            } else if (object.containsKey("summary")) {
                summary = Json.object(object.get("summary"));
            } else if (object.containsKey("icmp") && !object.containsKey("drop")) {
                int seq = ((Number) Json.object(object.get("icmp")).get("seq")).intValue();
                crossingsPerSeq.merge(seq, 1, Integer::sum);
            }
        }

        // exact counts: the request at its three places in nj-host and nj-sp-ctr1, the reply at its three
        List<Map<String, Object>> crossings = counts.stream().filter(c -> !c.containsKey("drop_reason")).toList();
        assertEquals(6, crossings.size(), "three places a direction: " + counts);
        for (Map<String, Object> place : crossings) {
            assertEquals(PINGS, ((Number) place.get("packets")).intValue(), "every packet counted at " + place);
        }
        // the sample: about 1 in 10 echoes, each request and reply whole (3 crossings each way)
        int sampled = crossingsPerSeq.size();
        assertTrue(sampled >= PINGS / EVERY / 3 && sampled <= PINGS / EVERY * 3,
                "about " + PINGS / EVERY + " of " + PINGS + " echoes sent: " + sampled);
        crossingsPerSeq.forEach((seq, n) -> assertEquals(6, n, "echo " + seq + " sent whole"));
        assertTrue(summary != null, run.out());
        assertEquals(0, ((Number) summary.get("lost_events")).intValue(), summary.toString());
        assertTrue(((Number) summary.get("sampled_out")).longValue() >= (long) (PINGS - sampled) * 6,
                "what was not sent is counted: " + summary);
    }

    /** The raw_tp twins, which kernels before 6.2 load for crossings, count and sample alike. */
    @Test
    void theRawTracepointTwinsCountAndSampleAlike() throws Exception {
        KernelFilter kernel = KernelFilter.compile(FilterParser.parse("icmp and host " + LabNode.CTR1.ipv4()
                + " and netns " + LAB.namespace(LabNode.CTR1)));
        List<HopEvent> sent = new CopyOnWriteArrayList<>();
        CaptureSession.Options options = CaptureSession.Options.of(kernel.program()).withRawCrossings()
                .withSampling(5);
        try (CaptureSession capture = CaptureSession.start(options, sent::add)) {
            assertTrue(LAB.ping(LabNode.HOST, LabNode.CTR1.ipv4(), 100, Duration.ofMillis(5)).success());
            for (int i = 0; i < 5; i++) {
                capture.poll(50);
            }
            List<KernelCount> crossings = capture.counts().stream().filter(c -> !c.drops()).toList();
            assertEquals(2, crossings.size(), "eth0 in, eth0 out: " + crossings);
            crossings.forEach(c -> assertEquals(100, c.packets(), c.toString()));

            capture.resetCounts();
            assertEquals(List.of(), capture.counts(), "forgotten");
            assertTrue(LAB.ping(LabNode.HOST, LabNode.CTR1.ipv4(), 7, Duration.ofMillis(5)).success());
            capture.drain(1_000);
            List<KernelCount> again = capture.counts().stream().filter(c -> !c.drops()).toList();
            assertEquals(2, again.size(), again.toString());
            again.forEach(c -> assertEquals(7, c.packets(), "counted again from the reset: " + c));
            long echoes = sent.stream().filter(e -> e instanceof Crossing).count();
            assertTrue(echoes > 0 && echoes < 100, "some of the 200 crossings sent: " + echoes);
            assertEquals(0, capture.stats().lost());
        }
    }

    /** More flows than one batch lookup reads: every one is read out once, none twice (the batches continue). */
    @Test
    void everyFlowIsReadOutOfTheKernelsTableOnce() throws Exception {
        int ports = 3 * io.netjourney.bpf.BpfObject.BATCH_ENTRIES + 17;
        KernelFilter kernel = KernelFilter.compile(FilterParser.parse("udp and dst host " + LabNode.CTR1.ipv4()
                + " and netns " + LAB.namespace(LabNode.CTR1)));
        try (CaptureSession capture = CaptureSession.start(CaptureSession.Options.of(kernel.program())
                .withSampling(1000), e -> { })) {
            Process send = new ProcessBuilder("ip", "netns", "exec", LAB.namespace(LabNode.HOST), "bash", "-c",
                    "for p in $(seq 20000 " + (20000 + ports - 1) + "); do echo x > /dev/udp/" + LabNode.CTR1.ipv4()
                            + "/$p; done").redirectErrorStream(true).start();
            assertTrue(send.waitFor(60, TimeUnit.SECONDS) && send.exitValue() == 0, new String(
                    send.getInputStream().readAllBytes()));
            capture.drain(1_000);
            Map<Integer, Long> received = new HashMap<>();
            List<KernelCount> counts = capture.counts();
            Map<String, Long> places = new HashMap<>();
            counts.forEach(c -> places.merge(c.at().ifname() + " " + c.at().hook() + (c.drops() ? " drop" : ""), 1L,
                    Long::sum));
            assertTrue(counts.size() > io.netjourney.bpf.BpfObject.BATCH_ENTRIES * 3, "entries by place: " + places);
            for (KernelCount count : counts) {
                if (!count.drops() && count.at().hook() == io.netjourney.capture.Hook.NETIF_RX) {
                    received.merge(count.at().packet().destinationPort(), count.packets(), Long::sum);
                }
            }
            assertEquals(ports, received.size(), "every port's flow read out");
            received.forEach((port, packets) -> assertEquals(1L, packets, "port " + port + " once"));
        }
    }

    /** A capture started without counting counts nothing and cannot start counting later: its maps have no room. */
    @Test
    void aCaptureWithoutCountingCountsNothing() throws Exception {
        KernelFilter kernel = KernelFilter.compile(FilterParser.parse("icmp and host " + LabNode.CTR1.ipv4()
                + " and netns " + LAB.namespace(LabNode.CTR1)));
        List<HopEvent> sent = new CopyOnWriteArrayList<>();
        try (CaptureSession capture = CaptureSession.start(CaptureSession.Options.of(kernel.program()), sent::add)) {
            assertTrue(LAB.ping(LabNode.HOST, LabNode.CTR1.ipv4(), 5, Duration.ofMillis(5)).success());
            capture.drain(1_000);
            assertEquals(10, sent.stream().filter(e -> e instanceof Crossing).count(), "every crossing sent");
            assertEquals(List.of(), capture.counts());
            assertEquals(0, capture.sampleEvery());
            assertThrows(IllegalStateException.class, () -> capture.setSampling(5));
        }
    }
}
