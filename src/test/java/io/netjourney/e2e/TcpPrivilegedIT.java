package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static io.netjourney.e2e.JourneyPrivilegedIT.dev;
import static io.netjourney.e2e.JourneyPrivilegedIT.expected;
import static io.netjourney.e2e.JourneyPrivilegedIT.observed;
import static io.netjourney.e2e.JourneyPrivilegedIT.rep;
import static io.netjourney.e2e.JourneyPrivilegedIT.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Drop;
import io.netjourney.journey.DropClass;
import io.netjourney.journey.FlowStatus;
import io.netjourney.journey.JourneyModel;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import io.netjourney.sinks.Protocols;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real TCP connection between two lab containers: handshake journeys, flags, one flow, directions. */
@Privileged
class TcpPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);

    private static final int PORT = 8080;
    private static final int SYN = 0x02;
    private static final int SYN_ACK = 0x12;


    @Test
    void handshakeCrossesTheBridgeBothWaysInOneFlow() throws Exception {
        Process server = listeningServer();
        try {
            try (LiveTrace trace = LiveTrace.start("tcp and port " + PORT,
                    JourneyPrivilegedIT.labNamespaces())) {
                Process client = peer(LabNode.CTR1, "client", LabNode.CTR2.ipv4(), Integer.toString(PORT));
                assertTrue(client.waitFor(20, TimeUnit.SECONDS), "client finished");
                assertEquals("hello", new String(client.getInputStream().readAllBytes(),
                        StandardCharsets.US_ASCII).trim());
                List<TracedHop> hops = trace.await(8 * 5);

                assertEquals(expected(
                        req(LabNode.CTR1, "eth0"), req(LabNode.HOST, dev("veth1")),
                        req(LabNode.HOST, dev("veth2")), req(LabNode.CTR2, "eth0"),
                        rep(LabNode.CTR2, "eth0"), rep(LabNode.HOST, dev("veth2")),
                        rep(LabNode.HOST, dev("veth1")), rep(LabNode.CTR1, "eth0")),
                        observed(hops.subList(0, 8)));
                assertTrue(hops.subList(0, 4).stream().allMatch(h -> h.event().tcpFlags() == SYN), "SYN");
                assertTrue(hops.subList(4, 8).stream().allMatch(h -> h.event().tcpFlags() == SYN_ACK), "SYN-ACK");
                assertEquals(PORT, hops.get(0).event().destinationPort());
                assertEquals(PORT, hops.get(4).event().sourcePort());

                assertEquals(1, hops.stream().map(TracedHop::flowId).distinct().count(), "one flow");
                for (TracedHop hop : hops) {
                    boolean toServer = hop.event().destinationPort() == PORT;
                    assertEquals(toServer ? PacketDirection.REQUEST : PacketDirection.REPLY, hop.direction(),
                            "direction of " + hop);
                }
                List<Long> packets = hops.stream().map(TracedHop::packetId).distinct().collect(Collectors.toList());
                assertTrue(packets.size() >= 5, "handshake, data and teardown packets: " + packets.size());
                assertTrue(hops.size() == packets.size() * 4, "every packet crossed four devices: "
                        + observed(hops));
            }
            assertTrue(server.waitFor(10, TimeUnit.SECONDS), "server finished");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aConnectionOpenedAndClosedHasNoRealDropAndItsFlowIsOk() throws Exception {
        Process server = listeningServer();
        try {
            List<TracedHop> hops;
            try (LiveTrace trace = LiveTrace.withVerdicts("tcp and port " + PORT,
                    JourneyPrivilegedIT.labNamespaces())) {
                Process client = peer(LabNode.CTR1, "client", LabNode.CTR2.ipv4(), Integer.toString(PORT));
                assertTrue(client.waitFor(20, TimeUnit.SECONDS), "client finished");
                assertTrue(server.waitFor(10, TimeUnit.SECONDS), "server finished");
                trace.await(8 * 5);
                Thread.sleep(300); // what the closing sockets free comes after the last crossing
                hops = trace.hops();
            }
            List<String> realDrops = hops.stream().filter(h -> h.event() instanceof Drop)
                    .filter(h -> !DropClass.of(h.event()).expected())
                    .map(h -> ((Drop) h.event()).reasonText() + " at " + ((Drop) h.event()).locationName() + " ("
                            + h.direction().label() + " [" + Protocols.tcpFlags(h.event().tcpFlags()) + "] seq "
                            + h.event().tcpSeq() + " in " + h.event().netnsInode() + ")")
                    .toList();
            assertEquals(List.of(), realDrops, "a normal connection and close drops nothing for real");
            JourneyModel model = new JourneyModel();
            hops.forEach(h -> model.accept(h.event()));
            assertEquals(FlowStatus.OK, model.flow(1).status(), "the flow the window lists");
        } finally {
            server.destroyForcibly();
        }
    }

    /** The {@link TcpPeer} server in nj-ctr2, once it listens on {@link #PORT}. */
    private static Process listeningServer() throws IOException {
        Process server = peer(LabNode.CTR2, "server", Integer.toString(PORT));
        BufferedReader serverOut = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
        if (!"listening".equals(serverOut.readLine())) {
            server.destroyForcibly();
            throw new AssertionError("the server did not start listening");
        }
        return server;
    }

    /** A {@link TcpPeer} in a lab namespace. */
    static Process peer(LabNode node, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Path.of("target", "test-classes").toAbsolutePath().toString();
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", LAB.namespace(node),
                java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath, TcpPeer.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
