package io.netjourney.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.names.Json;
import io.netjourney.lab.BpfLinks;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line as root on real hooks: trace, trace -w then show, JSON, and the README's demo. */
@Privileged
class CliPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension("nj-cli-");
    static final Lab LAB = LAB_UP.lab();


    /** Runs the command line while pinging host → ctr1 once it had time to attach. */
    private static CliRun traceWhilePinging(String... args) throws Exception {
        int links = BpfLinks.open();
        CompletableFuture<CliRun> trace = CompletableFuture.supplyAsync(() -> CliRun.of(args));
        BpfLinks.awaitMoreThan(links, Duration.ofSeconds(15));
        assertTrue(LAB.ping(LabNode.HOST, LabNode.CTR1.ipv4(), 1).success());
        return trace.get(20, TimeUnit.SECONDS);
    }

    @Test
    void tracePrintsTheJourneyInTheOriginalFormat() throws Exception {
        CliRun run = traceWhilePinging("trace", "-c", "6", "--duration", "15s", "icmp", "and", "host",
                LabNode.CTR1.ipv4());
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.lines();
        assertEquals(6, lines.length, run.out());
        long host = LAB.namespaceInode(LabNode.HOST);
        long ctr1 = LAB.namespaceInode(LabNode.CTR1);
        String[][] expected = {
            {Long.toString(host), "nj-cli-br0", "request", "198.51.100.1 -> 198.51.100.2"},
            {Long.toString(host), "nj-cli-veth1", "request", "198.51.100.1 -> 198.51.100.2"},
            {Long.toString(ctr1), "eth0", "request", "198.51.100.1 -> 198.51.100.2"},
            {Long.toString(ctr1), "eth0", "reply", "198.51.100.2 -> 198.51.100.1"},
            {Long.toString(host), "nj-cli-veth1", "reply", "198.51.100.2 -> 198.51.100.1"},
            {Long.toString(host), "nj-cli-br0", "reply", "198.51.100.2 -> 198.51.100.1"},
        };
        for (int i = 0; i < 6; i++) {
            String pattern = String.format("\\[%12s\\] %16s %7s #\\d+\\.001 %s", expected[i][0], expected[i][1],
                    expected[i][2], Pattern.quote(expected[i][3]));
            assertTrue(lines[i].matches(pattern), "line " + i + ": '" + lines[i] + "' !~ " + pattern);
        }
        assertTrue(run.err().contains("2 packets, 6 crossings, 1 flow, 0 events lost"), run.err());
    }

    /** Beyond what the kernel is given, the kernel passes everything and Java filters: the same lines, and a warning. */
    @Test
    void aFilterTooLongForTheKernelIsAppliedInJavaAndSaysSo() throws Exception {
        List<String> args = new ArrayList<>(List.of("trace", "-c", "6", "--duration", "15s", "("));
        for (int i = 1; i <= 400; i++) {
            args.addAll(List.of("host", String.format("2001:db8:ff::%x", i), "or"));
        }
        args.addAll(List.of("icmp", ")", "and", "host", LabNode.CTR1.ipv4()));
        CliRun run = traceWhilePinging(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(6, run.lines().length, run.out());
        assertTrue(Arrays.stream(run.lines()).allMatch(line -> line.contains("198.51.100.1 -> 198.51.100.2")
                || line.contains("198.51.100.2 -> 198.51.100.1")), run.out());
        assertTrue(run.err().matches("(?s).*netjourney: warning: filter needs \\d+ BPF instructions in the kernel, "
                + "more than 8192: the kernel passes every packet and the filter runs in user space\n.*"), run.err());
        assertTrue(run.err().contains("2 packets, 6 crossings, 1 flow, 0 events lost"), run.err());
    }

    @Test
    void aRootPingsReplyLeftAtPingRcvIsAnExpectedDropShownOnlyWithDropsAll() throws Exception {
        String filter = "icmp and host " + LabNode.CTR1.ipv4();
        CliRun real = traceWhilePinging("trace", "--duration", "4s", filter);
        assertEquals(0, real.exitCode(), real.err());
        assertEquals(6, real.lines().length, "the journey and nothing else: " + real.out());
        assertTrue(Arrays.stream(real.lines()).noneMatch(line -> line.contains("dropped")), real.out());

        CliRun all = traceWhilePinging("trace", "--drops", "all", "--duration", "4s", filter);
        assertEquals(0, all.exitCode(), all.err());
        String expected = "reply dropped (expected): NO_SOCKET in " + LAB.namespaceInode(LabNode.HOST)
                + " at ping_rcv+";
        assertTrue(Arrays.stream(all.lines()).anyMatch(line -> line.contains(expected)),
                "iputils' root ping: its raw socket got the reply, the datagram socket it also tries does not "
                        + "exist: " + all.out());
    }

    /** 'trace --report' and 'report' without a file: the same live capture, the same report when it ends. */
    @ParameterizedTest
    @ValueSource(strings = {"trace --report", "report"})
    void aLiveReportPrintsTheFlowsHopsWhenTheCaptureEnds(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--json", "--duration", "4s", "icmp", "and", "host", LabNode.CTR1.ipv4()));
        CliRun run = traceWhilePinging(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.lines();
        assertEquals(2, lines.length, "one flow, then the summary: " + run.out());
        Map<String, Object> flow = Json.object(Json.parse(lines[0]));
        assertEquals(1L, ((Number) flow.get("requests")).longValue());
        assertEquals(1L, ((Number) flow.get("replies")).longValue());
        List<String> request = Json.array(flow.get("request")).stream()
                .map(hop -> (String) Json.object(hop).get("ifname")).toList();
        assertEquals(List.of("nj-cli-br0", "nj-cli-veth1", "eth0"), request);
        Map<String, Object> last = Json.object(Json.array(flow.get("request")).get(2));
        assertEquals(1L, ((Number) last.get("seen")).longValue());
        assertTrue(((Number) last.get("avg_us")).doubleValue() > 0, "the step into ctr1's eth0 took time: " + last);
        assertTrue(lines[1].startsWith("{\"summary\":"), lines[1]);
    }

    @Test
    void quietTraceThroughLibbpfCountsTheSameJourneyWithoutLines() throws Exception {
        CliRun run = traceWhilePinging("trace", "-q", "--consumer", "libbpf", "-c", "6", "--duration", "15s",
                "icmp", "and", "host", LabNode.CTR1.ipv4());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("2 packets, 6 crossings, 1 flow, 0 events lost"), run.err());
    }

    @Test
    void recordedTraceReplaysToTheSameLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ping.njt");
        CliRun live = traceWhilePinging("trace", "-n", "-c", "6", "--duration", "15s", "-w", file.toString(),
                "icmp and host " + LabNode.CTR1.ipv4());
        assertEquals(0, live.exitCode(), live.err());
        assertTrue(live.lines()[0].startsWith("[ nj-cli-host]"), live.out());

        CliRun replay = CliRun.of("show", "-n", file.toString());
        assertEquals(0, replay.exitCode(), replay.err());
        assertArrayEquals(live.lines(), replay.lines());
    }

    @Test
    void jsonHasOneObjectPerCrossingAndASummary() throws Exception {
        CliRun run = traceWhilePinging("trace", "--json", "-c", "6", "--duration", "15s", "icmp", "and", "host",
                LabNode.CTR1.ipv4());
        String[] lines = run.lines();
        assertEquals(7, lines.length, run.out());
        assertTrue(Arrays.stream(lines, 0, 6).allMatch(l -> l.startsWith("{\"ts_ns\":")), run.out());
        assertTrue(lines[0].contains("\"netns\":" + LAB.namespaceInode(LabNode.HOST)), lines[0]);
        assertTrue(lines[2].contains("\"hook\":\"netif_rx\""), lines[2]);
        assertTrue(lines[6].startsWith("{\"summary\":"), lines[6]);
    }

    @Test
    void demoRunsAsTheReadmeSaysAndCleansUp() {
        CliRun run = CliRun.of("demo");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("[     nj-host]           nj-br0 request #"), run.out());
        assertTrue(run.out().contains("[     nj-ctr1]             eth0   reply #"), run.out());
        assertTrue(run.out().contains("[    nj-route]") || run.out().contains("[   nj-router]"), run.out());
        assertTrue(run.out().contains("10 packets, 48 crossings, 5 flows, 0 events lost"), run.out());
        assertTrue(new Lab().status().missing().size() == new Lab().status().checks().size(),
                "the demo removed its lab");
    }
}
