package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.FilterProgram;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.filter.FilterParser;
import io.netjourney.filter.KernelFilter;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kernel sends the lab's pings as short crossings, and describes each device before the first of them: the
 * crossings carry the names, kind, bridge and type netlink gives, and a device renamed or let go by its bridge while
 * the capture runs is described anew before its next crossing.
 */
@Privileged
class ShortRecordsPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);

    private static final String HOST = LAB.namespace(LabNode.HOST);
    private static final String PORT = HOST.replace("host", "veth1");
    private static final String RENAMED = HOST.replace("host", "vrn1");
    private static final String BRIDGE = HOST.replace("host", "br0");

    @Test
    void devicesAreDescribedBeforeTheirShortCrossingsAndAgainWhenTheyChange() throws Exception {
        FilterProgram filter = KernelFilter.compile(FilterParser.parse("icmp and host " + LabNode.CTR1.ipv4()))
                .program();
        List<HopEvent> events = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        int bridge = ifindex(HOST, BRIDGE);
        int port = ifindex(HOST, PORT);
        long shortCrossings;
        try (CaptureSession session = CaptureSession.start(
                new CaptureSession.Options(filter, Hook.crossingsAndDrops(), 1 << 20), events::add)) {
            Thread poller = new Thread(() -> {
                while (!stop.get()) {
                    session.poll(20);
                }
            }, "poll");
            poller.start();
            try {
                List<HopEvent> asBuilt = pingHost(events);
                rename(PORT, RENAMED);
                List<HopEvent> renamed = pingHost(events);
                VerdictPrivilegedIT.run("ip", "-n", HOST, "link", "set", RENAMED, "nomaster");
                List<HopEvent> letGo = pingHost(events);

                assertPortAt(asBuilt, PORT, bridge);
                assertPortAt(renamed, RENAMED, bridge);
                assertPortAt(letGo, RENAMED, 0);
                for (HopEvent e : asBuilt) {
                    if (e.netnsInode() == LAB.namespaceInode(LabNode.CTR1)) {
                        assertEquals("eth0", e.ifname());
                        assertEquals("veth", e.linkKind());
                        assertEquals(1, e.device().deviceType(), "ARPHRD_ETHER");
                        assertTrue(e.netnsCookie() != 0, "the namespace's cookie");
                    }
                }
            } finally {
                stop.set(true);
                poller.join(5_000);
                shortCrossings = session.shortCrossings();
                restorePort(bridge);
            }
            assertEquals(port, ifindex(HOST, PORT), "the lab's port as it was");
        }
        long crossings = events.stream().filter(e -> e.hook().direction() != Hook.Direction.NONE).count();
        assertTrue(crossings >= 3 * 3 * 2, "three pings each way, 3 times: " + crossings);
        assertEquals(crossings, shortCrossings, "every crossing of a plain IPv4 ping came short");
    }

    /** Three pings nj-ctr1 → nj-host; the events they brought. */
    private static List<HopEvent> pingHost(List<HopEvent> events) throws InterruptedException {
        int before = events.size();
        LAB.ping(LabNode.CTR1, LabNode.HOST.ipv4(), 3, java.time.Duration.ofMillis(20));
        Thread.sleep(300);
        synchronized (events) {
            return List.copyOf(events.subList(before, events.size()));
        }
    }

    private static void assertPortAt(List<HopEvent> events, String name, int master) {
        List<HopEvent> atPort = events.stream()
                .filter(e -> e.netnsInode() == LAB.namespaceInode(LabNode.HOST) && e.ifindex() != 0
                        && !e.ifname().equals(BRIDGE))
                .toList();
        assertFalse(atPort.isEmpty(), "crossings at the host's port: " + events);
        for (HopEvent e : atPort) {
            assertEquals(name, e.ifname(), e.toString());
            assertEquals(master, e.masterIfindex(), "the bridge of " + e);
            assertEquals("veth", e.linkKind());
        }
    }

    private static void restorePort(int bridge) throws Exception {
        String links = VerdictPrivilegedIT.run("ip", "-n", HOST, "-o", "link", "show");
        if (links.contains(" " + RENAMED + "@")) {
            rename(RENAMED, PORT);
        }
        VerdictPrivilegedIT.run("ip", "-n", HOST, "link", "set", PORT, "master", BRIDGE);
        VerdictPrivilegedIT.run("ip", "-n", HOST, "link", "set", PORT, "up");
        assertEquals(bridge, master(HOST, PORT), "the lab's port back in its bridge");
    }

    /** A device's new name (set while it is down, as the kernel wants it), up again with its carrier. */
    private static void rename(String from, String to) throws Exception {
        VerdictPrivilegedIT.run("ip", "-n", HOST, "link", "set", from, "down");
        VerdictPrivilegedIT.run("ip", "-n", HOST, "link", "set", from, "name", to);
        VerdictPrivilegedIT.run("ip", "-n", HOST, "link", "set", to, "up");
        for (int i = 0; i < 50 && !VerdictPrivilegedIT.run("ip", "-n", HOST, "link", "show", to).contains("LOWER_UP");
                i++) {
            Thread.sleep(20);
        }
    }

    private static int ifindex(String netns, String device) throws Exception {
        return field(VerdictPrivilegedIT.run("ip", "-n", netns, "-j", "link", "show", "dev", device), "ifindex");
    }

    private static int master(String netns, String device) throws Exception {
        String json = VerdictPrivilegedIT.run("ip", "-n", netns, "-j", "-d", "link", "show", "dev", device);
        Matcher m = Pattern.compile("\"master\":\"([^\"]+)\"").matcher(json);
        return m.find() ? ifindex(netns, m.group(1)) : 0;
    }

    private static int field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return Integer.parseInt(m.group(1));
    }
}
