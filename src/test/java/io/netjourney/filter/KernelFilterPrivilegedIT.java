package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.capture.FilterProgram;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.Packet;
import io.netjourney.capture.RouteDecision;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compiled filter on real kernel hooks keeps exactly what the Java filter keeps: while the lab carries pings,
 * ARP and neighbour discovery, TCP and UDP to closed ports (so drops and ICMP errors) and their routing decisions,
 * one capture takes everything and one capture per filter runs that filter in the kernel; over the same window the
 * records of each filtered capture are those of the full capture that {@link Filter#matches} keeps, no more, no
 * fewer.
 */
@Privileged
class KernelFilterPrivilegedIT {
    private static final String PREFIX = "nj-kf-";
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(PREFIX);
    private static final Lab LAB = LAB_UP.lab();
    /** Room for a second of the background flood (run-tests runs one beside) while the poller is starved. */
    private static final int RING_BYTES = 32 << 20;
    private static final int CLOSED_PORT = 9999;

    @Test
    void theKernelKeepsWhatTheJavaFilterKeeps() throws Exception {
        long ctr2 = LAB.namespaceInode(LabNode.CTR2);
        List<String> filters = List.of(
                "icmp and host " + LabNode.CTR2.ipv4(),
                "icmp6 and src net 2001:db8:1::/64",
                "udp and dst port " + CLOSED_PORT,
                "tcp port " + CLOSED_PORT + " or arp",
                "netns " + ctr2 + " and not icmp6",
                "ifname " + PREFIX + "veth1 and (ip6 or tcp)",
                "not (ip and net 198.51.100.0/25)",
                "dst host " + LabNode.FAR.ipv6() + " or src host " + LabNode.FAR.ipv4(),
                "udp or icmp");
        compareWithJava(filters, false);
    }

    /** The raw_tp twins, which kernels before 6.2 load for crossings, read the packet otherwise: the same answers. */
    @Test
    void theRawTracepointTwinsKeepTheSame() throws Exception {
        compareWithJava(List.of("icmp and host " + LabNode.CTR2.ipv4(), "tcp port " + CLOSED_PORT + " or arp",
                "netns " + LAB.namespaceInode(LabNode.CTR1) + " and ip6"), true);
    }

    /**
     * Ten times the 32 primitives and operators the postfix interpreter took, of the longest kind (IPv6 networks
     * whose prefix ends past the twelfth byte, on either address): the verifier loads it, it filters.
     */
    @Test
    void aFilterTenTimesTheOldLimitLoadsAndFilters() throws Exception {
        StringBuilder nets = new StringBuilder();
        for (int i = 1; i <= 159; i++) {
            nets.append(String.format("net 2001:db8:1:%x::ff:ff00:0/104 or ", i));
        }
        String expression = "icmp and (" + nets + "host " + LabNode.CTR2.ipv4() + ")";
        Filter filter = FilterParser.parse(expression);
        KernelFilter kernel = KernelFilter.compile(filter);
        assertTrue(kernel.exact(), kernel.toString());
        long start = System.nanoTime();
        try (CaptureSession alone = CaptureSession.start(CaptureSession.Options.of(kernel.program()), e -> { })) {
            System.out.printf("[%d BPF instructions] loaded and attached in %.0f ms%n", kernel.instructionCount(),
                    (System.nanoTime() - start) / 1e6);
        }
        Map<String, List<HopEvent>> captured = capture(List.of(expression), false);
        List<HopEvent> kept = captured.get(expression);
        System.out.println("[" + kernel.instructionCount() + " BPF instructions] kept " + kept.size() + " of "
                + captured.get(ALL).size() + " lab records");
        assertTrue(kept.stream().allMatch(filter::matches), "only what the filter matches");
        assertEquals(captured.get(ALL).stream().filter(filter::matches).count(), kept.size(),
                "everything it matches");
        assertTrue(kept.stream().filter(e -> e instanceof Crossing && e.isEcho()).count() >= 8,
                "the pings to nj-kf-ctr2 and back, at least at both ends: " + kept);
    }

    private static final String ALL = "(everything)";

    private static void compareWithJava(List<String> expressions, boolean raw) throws Exception {
        Map<String, List<HopEvent>> captured = capture(expressions, raw);
        List<HopEvent> all = captured.get(ALL);
        assertTrue(all.stream().anyMatch(e -> e instanceof Drop), "the lab's traffic had drops: " + kinds(all));
        assertTrue(all.stream().anyMatch(e -> e instanceof RouteDecision), "and routing decisions");
        assertTrue(all.stream().anyMatch(e -> e.hasFlag(Packet.FLAG_NO_L4)), "and fragments without ports");
        for (String expression : expressions) {
            Filter filter = FilterParser.parse(expression);
            List<HopEvent> expected = all.stream().filter(filter::matches).toList();
            List<HopEvent> kept = captured.get(expression);
            System.out.println("[" + expression + "]" + (raw ? " raw_tp" : "") + " kernel kept " + kept.size()
                    + ", Java keeps " + expected.size() + " of " + all.size() + " lab records " + kinds(kept));
            assertTrue(!expected.isEmpty() && expected.size() < all.size(),
                    expression + " keeps some of the lab's records, not all: " + expected.size());
            assertEquals(counts(expected), counts(kept), expression);
        }
    }

    /**
     * The lab's records seen by a capture of everything and by one capture per expression, all attached while the lab
     * carries its traffic and over the same window of kernel time.
     */
    private static Map<String, List<HopEvent>> capture(List<String> expressions, boolean raw) throws Exception {
        Map<String, CaptureSession> sessions = new LinkedHashMap<>();
        Map<String, List<HopEvent>> events = new LinkedHashMap<>();
        Set<Long> lab = labNamespaces();
        try {
            open(sessions, events, ALL, new CaptureSession.Options(new FilterProgram(FilterCompiler.matchAll(), 0),
                    EnumSet.allOf(Hook.class), RING_BYTES));
            for (String expression : expressions) {
                KernelFilter kernel = KernelFilter.compile(FilterParser.parse(expression));
                assertTrue(kernel.exact(), kernel.toString());
                CaptureSession.Options options = new CaptureSession.Options(kernel.program(),
                        EnumSet.allOf(Hook.class), RING_BYTES);
                open(sessions, events, expression, raw ? options.withRawCrossings() : options);
            }
            // the background flood filled the rings while the other programs loaded: read that out first, and
            // require that nothing is lost from here on, over the window compared
            Map<String, Long> lostBefore = new LinkedHashMap<>();
            sessions.forEach((name, session) -> {
                session.drain(5_000);
                lostBefore.put(name, session.stats().lost());
            });
            Poller poller = new Poller(sessions.values());
            Thread.sleep(200);
            long from = System.nanoTime();
            Thread.sleep(100);
            traffic();
            Thread.sleep(300);
            long to = System.nanoTime();
            Thread.sleep(100);
            poller.stop();
            for (Map.Entry<String, CaptureSession> s : sessions.entrySet()) {
                CaptureStats stats = s.getValue().stats();
                assertEquals(lostBefore.get(s.getKey()), stats.lost(), s.getKey() + ": nothing lost: " + stats);
            }
            Map<String, List<HopEvent>> window = new LinkedHashMap<>();
            events.forEach((name, list) -> window.put(name, list.stream()
                    .filter(e -> e.timestampNs() >= from && e.timestampNs() <= to && lab.contains(e.netnsInode()))
                    .toList()));
            return window;
        } finally {
            sessions.values().forEach(CaptureSession::close);
        }
    }

    private static void open(Map<String, CaptureSession> sessions, Map<String, List<HopEvent>> events, String name,
            CaptureSession.Options options) {
        List<HopEvent> list = new ArrayList<>();
        events.put(name, list);
        sessions.put(name, CaptureSession.start(options, list::add));
    }

    /**
     * From nj-kf-ctr1, with its neighbour caches flushed first (ARP, neighbour discovery): pings to nj-kf-ctr2 and
     * across the router to nj-kf-far in IPv4 and IPv6, a UDP datagram and a TCP connection attempt to a closed port of
     * nj-kf-ctr2 (dropped, answered by an ICMP error and a reset).
     */
    private static void traffic() throws Exception {
        String ctr2 = LabNode.CTR2.ipv4();
        String script = String.join("; ",
                "ip neigh flush all", "ip -6 neigh flush all",
                "ping -n -q -c 3 -i 0.05 " + ctr2,
                "ping -n -q -c 3 -i 0.05 " + LabNode.CTR2.ipv6(),
                "ping -n -q -c 2 -i 0.05 " + LabNode.FAR.ipv4(),
                "ping -n -q -c 2 -i 0.05 " + LabNode.FAR.ipv6(),
                "echo hello > /dev/udp/" + ctr2 + "/" + CLOSED_PORT,
                "echo hello > /dev/udp/" + LabNode.CTR2.ipv6() + "/" + CLOSED_PORT,
                "head -c 3000 /dev/zero > /dev/udp/" + ctr2 + "/" + CLOSED_PORT,
                "head -c 3000 /dev/zero > /dev/udp/" + LabNode.CTR2.ipv6() + "/" + CLOSED_PORT,
                "ping -n -q -c 1 -s 2000 " + ctr2,
                "(echo hello > /dev/tcp/" + ctr2 + "/" + CLOSED_PORT + ") 2>/dev/null",
                "sleep 0.2", "true");
        Process p = new ProcessBuilder("ip", "netns", "exec", LAB.namespace(LabNode.CTR1), "bash", "-c", script)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
    }

    private static Set<Long> labNamespaces() {
        return Arrays.stream(LabNode.values()).map(LAB::namespaceInode).collect(Collectors.toSet());
    }

    /** The records as a multiset: each record's bytes but its timestamp. */
    private static Map<String, Integer> counts(List<HopEvent> events) {
        Map<String, Integer> counts = new TreeMap<>();
        for (HopEvent e : events) {
            byte[] record = HopRecord.encode(e);
            Arrays.fill(record, 0, 8, (byte) 0);
            counts.merge(e.getClass().getSimpleName() + " " + HexFormat.of().formatHex(record), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Long> kinds(List<HopEvent> events) {
        return events.stream().collect(Collectors.groupingBy(e -> e.getClass().getSimpleName(), TreeMap::new,
                Collectors.counting()));
    }

    /** Drains every capture's ring on a thread of its own until stopped, then once more. */
    private static final class Poller {
        private final List<CaptureSession> sessions;
        private final Thread thread;
        private volatile boolean stop;

        Poller(Collection<CaptureSession> sessions) {
            this.sessions = List.copyOf(sessions);
            this.thread = new Thread(this::run, "nj-kf-poll");
            thread.start();
        }

        private void run() {
            while (!stop) {
                sessions.forEach(s -> s.poll(0));
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.join(5_000);
            sessions.forEach(s -> s.drain(5_000));
        }
    }
}
