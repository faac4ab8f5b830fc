package io.netjourney.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.lab.BpfLinks;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A recording carries the namespaces' names, -n or not, and replays with them after the namespaces are gone. */
@Privileged
class RecordedNamesPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension("nj-rn-");
    static final Lab LAB = LAB_UP.lab();

    @Test
    void namesRecordedWithoutDashNSurviveTheNamespaces(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ping.njt");
        long ctr1 = LAB.namespaceInode(LabNode.CTR1);
        int links = BpfLinks.open();
        CompletableFuture<CliRun> trace = CompletableFuture.supplyAsync(() -> CliRun.of("trace", "-q", "-c", "6",
                "--duration", "15s", "-w", file.toString(), "icmp", "and", "host", LabNode.CTR1.ipv4()));
        BpfLinks.awaitMoreThan(links, Duration.ofSeconds(15));
        assertTrue(LAB.ping(LabNode.HOST, LabNode.CTR1.ipv4(), 1).success());
        CliRun live = trace.get(20, TimeUnit.SECONDS);
        assertEquals(0, live.exitCode(), live.err());

        LAB.down();
        CliRun replay = CliRun.of("show", "-n", file.toString());
        assertEquals(0, replay.exitCode(), replay.err());
        String[] lines = replay.lines();
        assertEquals(6, lines.length, replay.out());
        assertTrue(Arrays.stream(lines).anyMatch(line -> line.startsWith("[nj-rn-ctr1]")
                        || line.contains(" nj-rn-ctr1]")),
                "the container's namespace by the name it had (inode " + ctr1 + "): " + replay.out());
        assertTrue(Arrays.stream(lines).noneMatch(line -> line.contains(Long.toString(ctr1))), replay.out());
    }
}
