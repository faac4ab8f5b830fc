package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Crossing;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Packet;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * netns and ifname filters run in the kernel: while one lab container floods the bridge with pings, a capture
 * filtered on the other container's namespace (or its bridge port) is submitted only that container's records,
 * every one of its pings' crossings among them, and the kernel counts the flood as filtered.
 */
@Privileged
class PlaceFilterPrivilegedIT {
    private static final String PREFIX = "nj-pf-";
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(PREFIX);
    private static final Lab LAB = LAB_UP.lab();
    private static final int PINGS = 5;
    private static final Pattern TRANSMITTED = Pattern.compile("(\\d+) packets transmitted");
    private static final int ECHO_REPLY = 0;
    private static final int ECHO_REQUEST = 8;

    @Test
    void aFloodInAnotherNamespaceIsNotSubmitted() throws Exception {
        long ctr2 = LAB.namespaceInode(LabNode.CTR2);
        Result result = captureWhileCtr1Floods("netns " + LAB.namespace(LabNode.CTR2));

        assertTrue(result.events.stream().allMatch(e -> e.netnsInode() == ctr2),
                "only nj-pf-ctr2's records: " + result.namespaces());
        assertEveryPingCrossed(result, e -> e.netnsInode() == ctr2 && e.ifname().equals("eth0"));
    }

    @Test
    void aFloodOnAnotherInterfaceIsNotSubmitted() throws Exception {
        String veth2 = PREFIX + "veth2";
        Result result = captureWhileCtr1Floods("ifname " + veth2);

        assertTrue(result.events.stream().allMatch(e -> e.ifname().equals(veth2)), "only " + veth2 + "'s records");
        assertTrue(result.events.stream().noneMatch(e -> isIcmp(e) && LabNode.CTR1.ipv4().equals(address(e))),
                "none of the flood's");
        assertEveryPingCrossed(result, e -> e.ifname().equals(veth2));
    }

    /** nj-pf-ctr1 pings nj-pf-host as fast as it answers for 3 s; meanwhile nj-pf-ctr2 pings it 5 times. */
    private static Result captureWhileCtr1Floods(String expression) throws Exception {
        KernelFilter filter = KernelFilter.compile(FilterParser.parse(expression));
        assertTrue(filter.exact(), filter.toString());
        List<HopEvent> events = new ArrayList<>();
        try (CaptureSession session = CaptureSession.start(CaptureSession.Options.of(filter.program()),
                e -> {
                    synchronized (events) {
                        events.add(e);
                    }
                })) {
            Poller poller = new Poller(session);
            Process flood = new ProcessBuilder("ip", "netns", "exec", LAB.namespace(LabNode.CTR1),
                    "ping", "-f", "-q", "-n", "-w", "3", LabNode.HOST.ipv4()).redirectErrorStream(true).start();
            try {
                Thread.sleep(300);
                assertTrue(LAB.ping(LabNode.CTR2, LabNode.HOST.ipv4(), PINGS).success(), "nj-pf-ctr2's ping");
                assertTrue(flood.isAlive(), "the flood ran while nj-pf-ctr2 pinged");
                assertTrue(flood.waitFor(10, TimeUnit.SECONDS), "the flood ends");
                long flooded = transmitted(flood);
                poller.stop();
                CaptureStats stats = session.stats();
                synchronized (events) {
                    Result result = new Result(List.copyOf(events), stats, flooded);
                    System.out.println("[" + expression + "] " + result);
                    assertEquals(0, stats.lost(), "nothing lost: " + stats);
                    assertEquals(stats.submitted(), events.size(), "every submitted record was read: " + stats);
                    assertTrue(stats.filtered() >= 4 * flooded,
                            "each flood ping crosses nj-pf-ctr1's eth0 and nj-pf-veth1 twice, all filtered: " + result);
                    return result;
                }
            } finally {
                flood.destroy();
                flood.waitFor(5, TimeUnit.SECONDS);
                poller.stop();
            }
        }
    }

    /** Each of nj-pf-ctr2's echo requests and replies was seen where the filter looks. */
    private static void assertEveryPingCrossed(Result result, Predicate<HopEvent> where) {
        for (int type : new int[] {ECHO_REQUEST, ECHO_REPLY}) {
            Set<Integer> seqs = new TreeSet<>();
            for (HopEvent e : result.events) {
                if (e instanceof Crossing && where.test(e) && isIcmp(e) && e.icmpType() == type
                        && (LabNode.CTR2.ipv4().equals(address(e)))) {
                    seqs.add(e.icmpSeq());
                }
            }
            assertEquals(Set.of(1, 2, 3, 4, 5), seqs, "echo type " + type + " of every ping: " + result);
        }
    }

    private static boolean isIcmp(HopEvent e) {
        return e.ethertype() == Packet.ETHERTYPE_IPV4 && e.l4Protocol() == Packet.PROTO_ICMP;
    }

    /** The container's end of an echo: the request's source, the reply's destination. */
    private static String address(HopEvent e) {
        return (e.icmpType() == ECHO_REPLY ? e.destination() : e.source()).getHostAddress();
    }

    private static long transmitted(Process ping) throws IOException {
        String output = new String(ping.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = TRANSMITTED.matcher(output);
        assertTrue(m.find(), "ping -f's summary: " + output);
        return Long.parseLong(m.group(1));
    }

    private record Result(List<HopEvent> events, CaptureStats stats, long flooded) {
        Set<Long> namespaces() {
            Set<Long> inodes = new TreeSet<>();
            events.forEach(e -> inodes.add(e.netnsInode()));
            return inodes;
        }

        @Override
        public String toString() {
            return "flood pings " + flooded + ", kernel submitted " + stats.submitted() + ", filtered "
                    + stats.filtered() + ", lost " + stats.lost() + ", records read " + events.size();
        }
    }

    /** Reads the ring on a thread of its own until stopped, then once more for what is left. */
    private static final class Poller {
        private final CaptureSession session;
        private final Thread thread;
        private volatile boolean stop;

        Poller(CaptureSession session) {
            this.session = session;
            this.thread = new Thread(this::run, "nj-pf-poll");
            thread.start();
        }

        private void run() {
            while (!stop) {
                session.poll(50);
            }
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.join(5_000);
            session.drain(5_000);
        }
    }
}
