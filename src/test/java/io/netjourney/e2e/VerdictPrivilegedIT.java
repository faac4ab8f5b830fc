package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Hook;
import io.netjourney.capture.RouteDecision;
import io.netjourney.journey.FlowReport;
import io.netjourney.journey.FlowStatus;
import io.netjourney.journey.JourneyModel;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where and why a packet stopped, on real hooks: netfilter drops, closed ports, routing decisions, ARP. */
@Privileged
class VerdictPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);

    private static final String CTR2 = LabNode.CTR2.ipv4();

    @Test
    void anNftablesRuleDropsThePingInTheContainerAndRemovingItCompletesTheJourney() throws Exception {
        String ns = LAB.namespace(LabNode.CTR2);
        run("ip", "netns", "exec", ns, "nft", "add table inet njtest");
        try {
            run("ip", "netns", "exec", ns, "nft",
                    "add chain inet njtest input { type filter hook input priority 0; policy accept; }");
            run("ip", "netns", "exec", ns, "nft", "add rule inet njtest input icmp type echo-request drop");
            List<TracedHop> hops = trace("icmp and host " + CTR2, () -> LAB.ping(LabNode.CTR1, CTR2, 1), 5);
            List<TracedHop> drops = verdicts(hops, Drop.class);
            assertEquals(1, drops.size(), "one drop: " + hops);
            TracedHop drop = drops.get(0);
            assertEquals("NETFILTER_DROP", drop(drop).reasonName());
            String location = drop(drop).locationName();
            assertTrue(location.startsWith("nf_hook_slow") || location.startsWith("nft_do_chain"), location);
            assertEquals(LAB.namespaceInode(LabNode.CTR2), drop.event().netnsInode(), "dropped in nj-ctr2");
            TracedHop lastCrossing = crossings(hops).get(crossings(hops).size() - 1);
            assertEquals("eth0", lastCrossing.event().ifname());
            assertEquals(lastCrossing.packetId(), drop.packetId(), "the drop ends the request's journey");
            assertTrue(crossings(hops).stream().allMatch(h -> h.direction() == PacketDirection.REQUEST),
                    "no reply");
            JourneyModel model = new JourneyModel();
            hops.forEach(h -> model.accept(h.event()));
            assertEquals(FlowStatus.DROPPED, model.flow(1).status(), "the flow the window lists is dropped");
            assertEquals(new FlowReport.Place(LAB.namespaceInode(LabNode.CTR2), lastCrossing.event().ifindex(),
                    "eth0"), model.detail(1).droppedAt(), "marked where it died");
        } finally {
            run("ip", "netns", "exec", ns, "nft", "delete table inet njtest");
        }
        List<TracedHop> hops = trace("icmp and host " + CTR2, () -> LAB.ping(LabNode.CTR1, CTR2, 1), 8);
        assertEquals(List.of(), verdicts(hops, Drop.class).stream()
                .filter(h -> "NETFILTER_DROP".equals(drop(h).reasonName())).collect(Collectors.toList()));
        assertEquals(8, crossings(hops).size(), "the journey completes both ways");
    }

    @Test
    void anIptablesRuleDropIsANetfilterDropToo() throws Exception {
        String ns = LAB.namespace(LabNode.CTR2);
        run("ip", "netns", "exec", ns, "iptables", "-A", "INPUT", "-p", "icmp", "--icmp-type", "echo-request",
                "-j", "DROP");
        try {
            List<TracedHop> hops = trace("icmp and host " + CTR2, () -> LAB.ping(LabNode.CTR1, CTR2, 1), 5);
            List<TracedHop> drops = verdicts(hops, Drop.class);
            assertEquals(1, drops.size(), hops.toString());
            assertEquals("NETFILTER_DROP", drop(drops.get(0)).reasonName());
            assertEquals(LAB.namespaceInode(LabNode.CTR2), drops.get(0).event().netnsInode());
        } finally {
            run("ip", "netns", "exec", ns, "iptables", "-F", "INPUT");
        }
    }

    @Test
    void udpToAClosedPortIsDroppedForNoSocketAndAnsweredWithPortUnreachable() throws Exception {
        List<TracedHop> hops = trace("(udp and port 9999) or icmp", () -> run("ip", "netns", "exec",
                LAB.namespace(LabNode.CTR1), "bash", "-c", "echo hello > /dev/udp/" + CTR2 + "/9999"), 8);
        TracedHop drop = verdicts(hops, Drop.class).stream().findFirst().orElseThrow(() ->
                new AssertionError("no drop in " + hops));
        assertEquals("NO_SOCKET", drop(drop).reasonName());
        assertEquals(LAB.namespaceInode(LabNode.CTR2), drop.event().netnsInode());
        assertTrue(drop.event().isUdp());
        HopEvent unreachable = crossings(hops).stream().map(TracedHop::event)
                .filter(e -> e.isIcmp() && e.icmpType() == 3 && e.icmpCode() == 3).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no port unreachable in " + hops));
        assertEquals(LAB.namespaceInode(LabNode.CTR1), unreachable.netnsInode(), "the ICMP error reached ctr1");
    }

    @Test
    void tcpToAClosedPortIsAnsweredWithAReset() throws Exception {
        List<TracedHop> hops = trace("tcp and port 7777", () -> {
            ProcessBuilder connect = new ProcessBuilder("ip", "netns", "exec", LAB.namespace(LabNode.CTR1), "bash",
                    "-c", "exec 3<>/dev/tcp/" + CTR2 + "/7777");
            connect.start().waitFor(10, TimeUnit.SECONDS); // refused: that is the point
            return null;
        }, 8);
        List<TracedHop> resets = crossings(hops).stream().filter(h -> (h.event().tcpFlags() & 0x04) != 0)
                .collect(Collectors.toList());
        assertEquals(4, resets.size(), "the RST crossed ctr2 eth0, both veths and ctr1 eth0: " + hops);
        assertTrue(resets.stream().allMatch(h -> h.direction() == PacketDirection.REPLY));
        assertEquals(LAB.namespaceInode(LabNode.CTR1), resets.get(3).event().netnsInode());
    }

    @Test
    void aPingWithNoRouteShowsTheFailedLookupInItsNamespace() throws Exception {
        String nowhere = "198.51.100.200"; // in the lab range, routed nowhere: nothing leaves the namespace
        // ping first probes the route with a UDP socket, and stops there: "Network is unreachable"
        List<TracedHop> hops = trace("host " + nowhere, () -> LAB.ping(LabNode.FAR, nowhere, 1), 0);
        TracedHop route = verdicts(hops, RouteDecision.class).stream().filter(h -> !route(h).found())
                .findFirst().orElseThrow(() -> new AssertionError("no failed lookup in " + hops));
        assertEquals(LAB.namespaceInode(LabNode.FAR), route.event().netnsInode(), "failed in nj-far");
        assertEquals(List.of(), crossings(hops), "nothing was sent");
    }

    @Test
    void aPingAcrossTheRouterShowsTheLookupThatChoseTheOutputInterface() throws Exception {
        String far = LabNode.FAR.ipv4();
        List<TracedHop> hops = trace("icmp and host " + far, () -> LAB.ping(LabNode.CTR1, far, 1), 14);
        RouteDecision atRouter = verdicts(hops, RouteDecision.class).stream().map(VerdictPrivilegedIT::route)
                .filter(e -> e.netnsInode() == LAB.namespaceInode(LabNode.ROUTER) && e.found()
                        && e.destination().getHostAddress().equals(far))
                .findFirst().orElseThrow(() -> new AssertionError("no lookup in nj-router: " + hops));
        assertEquals(LAB.namespace(LabNode.HOST).replace("host", "r-f"), atRouter.ifname(), "out via nj-r-f");
        assertEquals(null, atRouter.gateway(), "nj-far is on-link");
        RouteDecision atHost = verdicts(hops, RouteDecision.class).stream().map(VerdictPrivilegedIT::route)
                .filter(e -> e.netnsInode() == LAB.namespaceInode(LabNode.HOST) && e.found()
                        && e.destination().getHostAddress().equals(far))
                .findFirst().orElseThrow(() -> new AssertionError("no lookup in nj-host: " + hops));
        assertEquals("198.51.100.66", atHost.gateway().getHostAddress(), "via the router");
    }

    @Test
    void ipv6RoutingDecisionsToo() throws Exception {
        String far = LabNode.FAR.ipv6();
        List<TracedHop> hops = trace("icmp6 and host " + far, () -> LAB.ping(LabNode.CTR1, far, 1), 14);
        RouteDecision atRouter = verdicts(hops, RouteDecision.class).stream().map(VerdictPrivilegedIT::route)
                .filter(e -> e.netnsInode() == LAB.namespaceInode(LabNode.ROUTER) && e.found()
                        && e.destination().getHostAddress().equals(InetAddresses.forString(far).getHostAddress()))
                .findFirst().orElseThrow(() -> new AssertionError("no IPv6 lookup in nj-router: " + hops));
        assertEquals(LAB.namespace(LabNode.HOST).replace("host", "r-f"), atRouter.ifname());
        assertEquals(Hook.FIB6_TABLE_LOOKUP, atRouter.hook());

        String nowhere = "2001:db8:99::1"; // in the lab range, routed nowhere
        List<TracedHop> none = trace("host " + nowhere, () -> LAB.ping(LabNode.FAR, nowhere, 1), 0);
        assertTrue(verdicts(none, RouteDecision.class).stream().anyMatch(h -> !route(h).found()
                && h.event().netnsInode() == LAB.namespaceInode(LabNode.FAR)), "failed IPv6 lookup in nj-far: "
                + none);
    }

    @Test
    void afterANeighbourFlushTheFirstPingShowsTheArpExchangeFirst() throws Exception {
        run("ip", "-n", LAB.namespace(LabNode.CTR1), "neigh", "flush", "all");
        List<TracedHop> hops = trace("arp or (icmp and host " + CTR2 + ")",
                () -> LAB.ping(LabNode.CTR1, CTR2, 1), 12);
        List<HopEvent> events = crossings(hops).stream().map(TracedHop::event).collect(Collectors.toList());
        int arpRequest = indexOf(events, e -> e.isArp() && e.arpOp() == 1);
        int arpReply = indexOf(events, e -> e.isArp() && e.arpOp() == 2);
        int echo = indexOf(events, e -> e.isIcmp() && e.icmpType() == 8 && e.netnsInode()
                == LAB.namespaceInode(LabNode.CTR2));
        assertTrue(arpRequest >= 0 && arpReply > arpRequest && echo > arpReply,
                "ARP request, reply, then the echo reaches ctr2: " + events);
    }

    @Test
    void aDropOutsideTheFilterIsNotReported() throws Exception {
        List<TracedHop> hops = trace("icmp and host " + LabNode.CTR1.ipv4(), () -> run("ip", "netns", "exec",
                LAB.namespace(LabNode.CTR1), "bash", "-c", "echo x > /dev/udp/" + CTR2 + "/9999"), 0);
        assertEquals(List.of(), verdicts(hops, Drop.class).stream()
                .filter(h -> h.event().isUdp()).collect(Collectors.toList()));
    }

    interface Action {
        Object run() throws Exception;
    }

    /** Crossings, drops and routing decisions in the lab while {@code action} runs (at least {@code expected} crossings). */
    static List<TracedHop> trace(String filter, Action action, int expected) throws Exception {
        try (LiveTrace trace = LiveTrace.withVerdicts(filter, JourneyPrivilegedIT.labNamespaces())) {
            action.run();
            return trace.await(expected);
        }
    }

    private static List<TracedHop> verdicts(List<TracedHop> hops, Class<? extends HopEvent> kind) {
        return hops.stream().filter(h -> kind.isInstance(h.event())).collect(Collectors.toList());
    }

    private static Drop drop(TracedHop hop) {
        return (Drop) hop.event();
    }

    private static RouteDecision route(TracedHop hop) {
        return (RouteDecision) hop.event();
    }

    private static List<TracedHop> crossings(List<TracedHop> hops) {
        return hops.stream().filter(h -> h.event() instanceof Crossing).collect(Collectors.toList());
    }

    private static int indexOf(List<HopEvent> events, java.util.function.Predicate<HopEvent> test) {
        for (int i = 0; i < events.size(); i++) {
            if (test.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Runs a command (ip, nft, iptables) and fails the test unless it exits 0; returns its output. */
    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
