package io.netjourney.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.names.Json;
import io.netjourney.sinks.TraceFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * netjourney report on a trace recorded in the lab (pings nj-ctr1 → nj-far across nj-host and nj-router), its
 * numbers checked against the raw timestamps of the recorded crossings.
 */
class ReportCommandTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/lab-pings.njt");
    private static final String FAR = "198.51.100.130";

    @Test
    void theStepIntoEachHopIsTheMeanOfTheRawTimestampDifferences() throws IOException {
        // raw: per echo request to nj-far, the time of its crossing of nj-ctr1's eth0 and of nj-host's nj-veth1
        Map<Integer, Long> atCtr1 = new HashMap<>();
        Map<Integer, Long> atVeth1 = new HashMap<>();
        try (TraceFileReader reader = TraceFileReader.open(FIXTURE)) {
            for (TraceFileReader.Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                HopEvent e = entry.hop();
                if (e instanceof Crossing && e.isIcmp() && e.icmpType() == 8
                        && e.destination().getHostAddress().equals(FAR)) {
                    if (e.ifname().equals("eth0") && e.netnsInode() == reader.netnsNames().entrySet().stream()
                            .filter(n -> n.getValue().equals("nj-ctr1")).findFirst().orElseThrow().getKey()) {
                        atCtr1.putIfAbsent(e.icmpSeq(), e.timestampNs());
                    } else if (e.ifname().equals("nj-veth1")) {
                        atVeth1.putIfAbsent(e.icmpSeq(), e.timestampNs());
                    }
                }
            }
        }
        List<Long> deltas = new ArrayList<>();
        atVeth1.forEach((seq, t) -> deltas.add(t - atCtr1.get(seq)));
        assertEquals(3, deltas.size(), "three pings");
        LongSummaryStatistics expected = deltas.stream().mapToLong(Long::longValue).summaryStatistics();

        CliRun run = CliRun.of("report", "--json", "-n", FIXTURE.toString(), "icmp and host " + FAR);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.lines().length, run.out());
        Map<String, Object> flow = Json.object(Json.parse(run.lines()[0]));
        assertEquals(3L, ((Number) flow.get("requests")).longValue());
        List<Object> request = Json.array(flow.get("request"));
        assertEquals(7, request.size(), "ctr1, veth1, br0, h-r, r-h, r-f, far");
        Map<String, Object> veth1 = Json.object(request.get(1));
        assertEquals("nj-veth1", veth1.get("ifname"));
        assertEquals("nj-host", veth1.get("netns_name"));
        assertEquals(3L, ((Number) veth1.get("seen")).longValue());
        assertEquals(0L, ((Number) veth1.get("lost")).longValue());
        assertEquals(expected.getAverage() / 1_000, ((Number) veth1.get("avg_us")).doubleValue(), 0.001);
        assertEquals(expected.getMin() / 1_000.0, ((Number) veth1.get("best_us")).doubleValue(), 0.001);
        assertEquals(expected.getMax() / 1_000.0, ((Number) veth1.get("worst_us")).doubleValue(), 0.001);
        assertTrue(Json.object(request.get(0)).get("avg_us") == null, "no step into the first hop");
    }

    @Test
    void theTextReportIsATablePerDirection() {
        CliRun run = CliRun.of("report", "-n", FIXTURE.toString(), "icmp and host " + FAR);
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.lines();
        assertEquals("flow 1 icmp 198.51.100.2 -> 198.51.100.130: 3 requests, 3 replies (latencies in µs)", lines[0]);
        assertTrue(lines[1].matches("\\s+hop\\s+namespace\\s+interface\\s+seen\\s+loss\\s+last\\s+avg\\s+best\\s+worst"
                + "\\s+stdev"), lines[1]);
        assertTrue(lines[2].matches("\\s+request\\s+1\\s+nj-ctr1\\s+eth0\\s+3\\s+0\\.0%(\\s+-){5}"), lines[2]);
        assertTrue(lines[9].matches("\\s+reply\\s+1\\s+nj-far\\s+eth0\\s+3\\s+0\\.0%(\\s+-){5}"), lines[9]);
    }

    @Test
    void aMissingFileSaysSo() {
        CliRun run = CliRun.of("report", "no-such-file.njt");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no such trace file: no-such-file.njt"), run.err());
        assertTrue(run.clean(), run.err());
    }
}
