package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static io.netjourney.e2e.VerdictPrivilegedIT.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Names;
import io.netjourney.capture.QuotedHeader;
import io.netjourney.journey.Answer;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import io.netjourney.sinks.TextFormatter;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ICMP errors on real hooks belong to what they answer: the kernel side decodes the header an error quotes, and the
 * journey puts the error in the flow of the packet it answers. A datagram to a closed port in nj-ctr2, pings with a
 * TTL (hop limit) of 1 from nj-host across nj-router; IPv4 and IPv6.
 */
@Privileged
class IcmpErrorsPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);

    private static final int CLOSED_PORT = 9999;

    @Test
    void aDatagramToAClosedPortIsAnsweredWithPortUnreachableInItsOwnFlow() throws Exception {
        String ctr2 = LabNode.CTR2.ipv4();
        List<TracedHop> hops = trace("(udp and port " + CLOSED_PORT + ") or icmp", () -> send(ctr2), 8);
        TracedHop datagram = first(hops, h -> h.event().isUdp() && h.event() instanceof Crossing);
        TracedHop error = first(hops, h -> h.event().isIcmp() && h.event().icmpType() == 3
                && h.event().icmpCode() == 3 && h.event() instanceof Crossing);

        QuotedHeader quoted = error.event().quoted();
        assertEquals(datagram.event().source(), quoted.source(), "the kernel decoded the quote: " + quoted);
        assertEquals(datagram.event().destination(), quoted.destination());
        assertEquals(datagram.event().sourcePort(), quoted.sourcePort());
        assertEquals(CLOSED_PORT, quoted.destinationPort());
        assertEquals(datagram.event().ipId(), quoted.ipId());

        assertEquals(datagram.flowId(), error.flowId(), "the error is in the UDP flow: " + hops);
        assertEquals(PacketDirection.REPLY, error.direction());
        assertEquals(new Answer(datagram.packetId(), datagram.flowId(), false, 3, 3, InetAddress.getByName(ctr2),
                LAB.namespaceInode(LabNode.CTR2)), error.answers());
        assertEquals(LAB.namespaceInode(LabNode.CTR2), error.event().netnsInode(), "first seen where it was made");
        assertEquals(1, hops.stream().filter(h -> h.event() instanceof Crossing).map(TracedHop::flowId).distinct()
                .count(), "one flow: " + hops);
        String line = new TextFormatter(names(), false).format(error);
        assertTrue(line.endsWith("(packet " + datagram.packetId() + " answered: port unreachable from " + ctr2
                + " at " + LAB.namespace(LabNode.CTR2) + ")"), line);
        List<TracedHop> errorCrossings = hops.stream().filter(h -> h.packetId() == error.packetId()
                && h.event() instanceof Crossing).collect(Collectors.toList());
        assertEquals(4, errorCrossings.size(), "the error's way back to nj-ctr1: " + errorCrossings);
        assertEquals(LAB.namespaceInode(LabNode.CTR1), errorCrossings.get(3).event().netnsInode());
    }

    @Test
    void anIpv6DatagramToAClosedPortToo() throws Exception {
        String ctr2 = LabNode.CTR2.ipv6();
        List<TracedHop> hops = trace("(udp and port " + CLOSED_PORT + ") or icmp6", () -> send(ctr2), 8);
        TracedHop datagram = first(hops, h -> h.event().isUdp() && h.event() instanceof Crossing);
        TracedHop error = first(hops, h -> h.event().isIcmpv6() && h.event().icmpType() == 1
                && h.event().icmpCode() == 4 && h.event() instanceof Crossing);
        assertEquals(datagram.event().flowLabel(), error.event().quoted().flowLabel());
        assertEquals(datagram.flowId(), error.flowId(), "the ICMPv6 error is in the UDP flow: " + hops);
        assertEquals(datagram.packetId(), error.answers().packetId());
        String line = new TextFormatter(names(), false).format(error);
        assertTrue(line.endsWith("answered: port unreachable from 2001:db8:1::3 at " + LAB.namespace(LabNode.CTR2)
                + ")"), line);
    }

    @Test
    void aPingWithTtlOneIsAnsweredByTheRoutersTimeExceeded() throws Exception {
        String far = LabNode.FAR.ipv4();
        List<TracedHop> hops = trace("icmp and net 198.51.100.0/24", () -> pingTtlOne(far), 4);
        TracedHop echo = first(hops, h -> h.event().isEcho() && h.event().icmpType() == 8
                && h.event() instanceof Crossing);
        TracedHop error = first(hops, h -> h.event().isIcmp() && h.event().icmpType() == 11
                && h.event() instanceof Crossing);
        assertEquals(echo.event().icmpId(), error.event().quoted().icmpId(), "quoted echo id");
        assertEquals(echo.event().icmpSeq(), error.event().quoted().icmpSeq(), "quoted echo seq");
        assertEquals(echo.flowId(), error.flowId(), "the error is in the echo's flow: " + hops);
        assertEquals(PacketDirection.REPLY, error.direction());
        assertEquals(echo.packetId(), error.answers().packetId());
        assertEquals(LAB.namespaceInode(LabNode.ROUTER), error.answers().netnsInode());
        String line = new TextFormatter(names(), false).format(error);
        assertTrue(line.endsWith("answered: time exceeded from " + LabNode.ROUTER.ipv4() + " at "
                + LAB.namespace(LabNode.ROUTER) + ")"), line);
    }

    @Test
    void anIpv6PingWithHopLimitOneIsAnsweredByTheRoutersTimeExceeded() throws Exception {
        String far = LabNode.FAR.ipv6();
        List<TracedHop> hops = trace("icmp6 and net 2001:db8::/32", () -> pingTtlOne(far), 4);
        TracedHop echo = first(hops, h -> h.event().isEcho() && h.event().icmpType() == 128
                && h.event() instanceof Crossing);
        TracedHop error = first(hops, h -> h.event().isIcmpv6() && h.event().icmpType() == 3
                && h.event() instanceof Crossing);
        assertEquals(echo.flowId(), error.flowId(), "the ICMPv6 error is in the echo's flow: " + hops);
        assertEquals(echo.packetId(), error.answers().packetId());
        String line = new TextFormatter(names(), false).format(error);
        assertTrue(line.endsWith("answered: time exceeded from " + LabNode.ROUTER.ipv6() + " at "
                + LAB.namespace(LabNode.ROUTER) + ")"), line);
    }

    /** One datagram from nj-ctr1 to the closed port (bash's /dev/udp). */
    private static Object send(String address) throws Exception {
        return VerdictPrivilegedIT.run("ip", "netns", "exec", LAB.namespace(LabNode.CTR1), "bash", "-c",
                "echo hello > /dev/udp/" + address + "/" + CLOSED_PORT);
    }

    /** One echo from nj-host with a TTL (hop limit) of 1: it dies in nj-router; ping exits non-zero for that. */
    private static Object pingTtlOne(String address) throws Exception {
        if (!Lab.isLabAddress(address)) {
            throw new IllegalArgumentException(address);
        }
        Process p = new ProcessBuilder("ip", "netns", "exec", LAB.namespace(LabNode.HOST), "ping", "-n", "-c", "1",
                "-t", "1", "-W", "1", address).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return null;
    }

    private static TracedHop first(List<TracedHop> hops, Predicate<TracedHop> test) {
        return hops.stream().filter(test).findFirst().orElseThrow(() -> new AssertionError("not in " + hops));
    }

    private static Names names() {
        return inode -> {
            for (LabNode node : LabNode.values()) {
                if (LAB.namespaceInode(node) == inode) {
                    return Optional.of(LAB.namespace(node));
                }
            }
            return Optional.empty();
        };
    }
}
