package io.netjourney.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.names.CommandRunner;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Builds the real lab under the prefix nj-t1- and takes it down again. */
@Privileged
class LabPrivilegedIT {
    private static final String PREFIX = "nj-t1-";
    private static final Lab LAB = new Lab(PREFIX);
    private static final CommandRunner RUNNER = new CommandRunner();

    @AfterEach
    void tearDown() {
        LAB.down();
    }

    @AfterAll
    static void tearDownAll() {
        if (Prerequisites.problem().isEmpty()) {
            LAB.down();
        }
    }

    @Test
    void upBuildsAHealthyLabWherePingsWorkAndDownRemovesEverything() {
        LAB.up();
        LabStatus status = LAB.status();
        assertTrue(status.healthy(), () -> "not healthy:\n" + status);

        assertPings(LabNode.HOST, LabNode.CTR1);
        assertPings(LabNode.CTR1, LabNode.CTR2);
        assertPings(LabNode.CTR1, LabNode.FAR);
        assertPings(LabNode.CTR2, LabNode.FAR);
        assertPings(LabNode.FAR, LabNode.HOST);

        for (LabNode node : LabNode.values()) {
            assertTrue(Files.exists(LAB.namespacePath(node)), node::toString);
            assertTrue(LAB.namespaceInode(node) > 0xF0000000L, node::toString);
        }
        LAB.down();

        assertEquals(List.of(), ourNamespaces());
        assertFalse(RUNNER.check("ip", "-o", "link", "show").contains(PREFIX));
        assertFalse(LAB.status().healthy());
    }

    @Test
    void upTwiceIsSafe() {
        LAB.up();
        LAB.up();
        LabStatus status = LAB.status();
        assertTrue(status.healthy(), () -> "not healthy:\n" + status);
    }

    @Test
    void upRepairsAHalfBuiltLab() {
        LAB.up();
        RUNNER.check("ip", "netns", "del", LAB.namespace(LabNode.CTR2));
        RUNNER.check("ip", "-n", LAB.namespace(LabNode.ROUTER), "link", "del", PREFIX + "r-f");
        RUNNER.check("ip", "-n", LAB.namespace(LabNode.HOST), "addr", "del", "198.51.100.1/26", "dev", PREFIX + "br0");
        LabStatus broken = LAB.status();
        assertFalse(broken.healthy());
        List<String> missing = broken.missing().stream().map(LabStatus.Check::toString).collect(Collectors.toList());
        assertTrue(missing.contains("MISSING nj-t1-ctr2: namespace"), missing::toString);
        assertTrue(missing.contains("MISSING nj-t1-far: link eth0 up"), missing::toString);
        assertTrue(missing.contains("MISSING nj-t1-host: address 198.51.100.1/26 on nj-t1-br0"), missing::toString);
        assertTrue(missing.contains("MISSING nj-t1-far: route 198.51.100.0/26 via 198.51.100.129"), missing::toString);

        LAB.up();

        LabStatus repaired = LAB.status();
        assertTrue(repaired.healthy(), () -> "not healthy:\n" + repaired);
        assertPings(LabNode.CTR2, LabNode.FAR);
    }

    @Test
    void rootNamespaceIsUntouched() {
        String before = rootNamespace();
        LAB.up();
        assertEquals(before, rootNamespace());
        LAB.down();
        assertEquals(before, rootNamespace());
    }

    @Test
    void downWithNothingThereIsFine() {
        LAB.down();
        LAB.down();
        assertEquals(List.of(), ourNamespaces());
    }

    private static void assertPings(LabNode from, LabNode to) {
        for (String address : List.of(to.ipv4(), to.ipv6())) {
            PingResult result = LAB.ping(from, address, 2);
            assertTrue(result.success(), () -> from + " -> " + to + " " + address + ":\n" + result.output());
        }
    }

    private static List<String> ourNamespaces() {
        return RUNNER.check("ip", "netns", "list").lines()
                .filter(line -> line.startsWith(PREFIX))
                .collect(Collectors.toList());
    }

    private static String rootNamespace() {
        return RUNNER.check("ip", "-o", "addr", "show")
                + RUNNER.check("ip", "route", "show")
                + RUNNER.check("ip", "-6", "route", "show")
                + RUNNER.check("ip", "-o", "link", "show").lines()
                        .map(line -> line.split(":")[1]).collect(Collectors.joining(","));
    }
}
