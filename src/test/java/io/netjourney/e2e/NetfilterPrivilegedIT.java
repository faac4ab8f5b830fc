package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.capture.netfilter.NftTracer;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** nftables' own tracing names the table, chain and rule that dropped a ping; our table leaves no trace. */
@Privileged
class NetfilterPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);

    @Test
    void theRuleThatDroppedThePingIsNamedAndOurTableIsRemoved() throws Exception {
        String ctr2 = LAB.namespace(LabNode.CTR2);
        nft(ctr2, "add table inet filter");
        nft(ctr2, "add chain inet filter input { type filter hook input priority 0; policy accept; }");
        nft(ctr2, "add rule inet filter input icmp type echo-request drop");
        nft(LAB.namespace(LabNode.CTR1), "add table inet netjourney_trace"); // a crashed run's leftover
        List<NftTracer.Namespace> namespaces = new ArrayList<>();
        for (LabNode node : LabNode.values()) {
            namespaces.add(new NftTracer.Namespace(LAB.namespaceInode(node), LAB.namespacePath(node)));
        }
        List<NetfilterVerdict> verdicts = new CopyOnWriteArrayList<>();
        try (NftTracer tracer = NftTracer.start(namespaces, verdicts::add)) {
            Thread.sleep(500); // nft monitor is listening
            assertFalse(LAB.ping(LabNode.CTR1, LabNode.CTR2.ipv4(), 1).success(), "the rule drops the ping");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (verdicts.stream().noneMatch(v -> v.verdict().equals("drop")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            nft(ctr2, "delete table inet filter");
        }
        NetfilterVerdict drop = verdicts.stream().filter(v -> v.verdict().equals("drop")).findFirst()
                .orElseThrow(() -> new AssertionError("no drop verdict in " + verdicts));
        assertEquals(LAB.namespaceInode(LabNode.CTR2), drop.netnsInode());
        assertEquals("inet filter input", drop.where());
        assertEquals("icmp type echo-request drop", drop.rule());
        assertEquals("eth0", drop.device());
        assertEquals(8, drop.packet().icmpType());
        assertEquals("/" + LabNode.CTR1.ipv4(), drop.packet().source().toString());
        for (LabNode node : LabNode.values()) {
            assertFalse(nft(LAB.namespace(node), "list tables").contains("netjourney_trace"),
                    "our table removed from " + LAB.namespace(node));
        }
    }

    private static String nft(String namespace, String statement) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "nft"));
        command.addAll(List.of(statement.split(" (?![^{]*})")));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
