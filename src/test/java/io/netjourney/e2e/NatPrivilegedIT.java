package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import io.netjourney.sinks.TextFormatter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A port published the way 'docker run -p 8080:80' does it: an nftables DNAT in the lab's host namespace sends
 * connections to nj-host's 198.51.100.65:8080 on to nj-ctr2's port 80; nj-far connects. One flow, both ways, with
 * the translations at the hops where they happened.
 */
@Privileged
class NatPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);

    private static final String PUBLISHED = "198.51.100.65";
    private static final String SERVER = LabNode.CTR2.ipv4();

    @Test
    void aConnectionToAPublishedPortIsOneFlowWithTheTranslationWhereItHappened() throws Exception {
        String host = LAB.namespace(LabNode.HOST);
        VerdictPrivilegedIT.run("ip", "netns", "exec", host, "nft", "add table ip nj_e2e_nat; "
                + "add chain ip nj_e2e_nat pre { type nat "
                + "hook prerouting priority -100; }; add rule ip nj_e2e_nat pre ip daddr " + PUBLISHED
                + " tcp dport 8080 dnat to " + SERVER + ":80");
        Process server = TcpPrivilegedIT.peer(LabNode.CTR2, "server", "80");
        try {
            BufferedReader serverOut = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("listening", serverOut.readLine());
            try (LiveTrace trace = LiveTrace.start("tcp and (port 8080 or port 80)",
                    JourneyPrivilegedIT.labNamespaces())) {
                Process client = TcpPrivilegedIT.peer(LabNode.FAR, "client", PUBLISHED, "8080");
                assertTrue(client.waitFor(20, TimeUnit.SECONDS), "client finished");
                assertEquals("hello", new String(client.getInputStream().readAllBytes(),
                        StandardCharsets.US_ASCII).trim(), "the published port answered");
                List<TracedHop> hops = trace.await(7 * 2);

                assertEquals(1, hops.stream().map(TracedHop::flowId).distinct().count(), "one flow: " + hops);
                long hostNs = LAB.namespaceInode(LabNode.HOST);
                TracedHop dnat = hops.stream().filter(h -> h.translation() != null
                        && h.translation().destinationChanged()).findFirst()
                        .orElseThrow(() -> new AssertionError("no DNAT seen in " + hops));
                assertEquals("dnat " + PUBLISHED + ":8080 -> " + SERVER + ":80", dnat.translation().toString());
                assertEquals(hostNs, dnat.event().netnsInode(), "translated in nj-host");
                assertEquals(PacketDirection.REQUEST, dnat.direction());
                TracedHop snat = hops.stream().filter(h -> h.translation() != null
                        && h.translation().sourceChanged()).findFirst()
                        .orElseThrow(() -> new AssertionError("no reverse translation seen in " + hops));
                assertEquals("snat " + SERVER + ":80 -> " + PUBLISHED + ":8080", snat.translation().toString());
                assertEquals(PacketDirection.REPLY, snat.direction());
                assertEquals(hostNs, snat.event().netnsInode());
                assertTrue(new TextFormatter().format(dnat).endsWith("  (dnat " + PUBLISHED + ":8080 -> " + SERVER
                        + ":80)"), new TextFormatter().format(dnat));
                for (TracedHop hop : hops) {
                    boolean fromClient = hop.event().source().getHostAddress().equals(LabNode.FAR.ipv4());
                    assertEquals(fromClient ? PacketDirection.REQUEST : PacketDirection.REPLY, hop.direction(),
                            "direction of " + hop);
                }
            }
            assertTrue(server.waitFor(10, TimeUnit.SECONDS), "server finished");
        } finally {
            server.destroyForcibly();
            VerdictPrivilegedIT.run("ip", "netns", "exec", host, "nft", "delete table ip nj_e2e_nat");
        }
    }

}
