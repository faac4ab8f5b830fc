package io.netjourney.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** show and report of a damaged or cut trace file: what could be read, and on stderr what was skipped. */
class DamagedTraceFileTest {
    /** Where the docker ping's second hop frame starts: header 20, namespace name frame 29, first hop frame 233. */
    private static final int SECOND_HOP = 20 + 29 + 233;

    private static Path damaged(Path dir) throws IOException {
        Path file = CliTest.recordDockerPing(dir);
        byte[] bytes = Files.readAllBytes(file);
        bytes[SECOND_HOP + 13 + 50] ^= 1;
        return Files.write(file, bytes);
    }

    @Test
    void showSaysWhatItSkippedAndShowsTheRest(@TempDir Path dir) throws IOException {
        Path file = damaged(dir);
        CliRun run = CliRun.of("show", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(5, run.lines().length, run.out());
        assertTrue(run.err().contains("netjourney: warning: " + file + ": skipped 1 damaged frame (233 bytes) at offset "
                + SECOND_HOP + "\n"), run.err());
        assertTrue(run.err().contains("2 packets, 5 crossings, 1 flow, 0 events lost"), run.err());
        assertTrue(run.clean(), run.err());
    }

    @Test
    void reportSaysWhatItSkipped(@TempDir Path dir) throws IOException {
        Path file = damaged(dir);
        CliRun run = CliRun.of("report", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("flow 1 icmp 172.17.0.1 -> 172.17.0.2"), run.out());
        assertTrue(run.err().contains("skipped 1 damaged frame (233 bytes) at offset " + SECOND_HOP), run.err());
        assertTrue(run.clean(), run.err());
    }

    @Test
    void aCutFileIsReadLikewise(@TempDir Path dir) throws IOException {
        Path file = CliTest.recordDockerPing(dir);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, SECOND_HOP + 100));
        CliRun run = CliRun.of("show", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.lines().length, run.out());
        assertTrue(run.err().contains("netjourney: warning: " + file + ": trace cut short at byte " + (SECOND_HOP + 100)
                + " after 1 hops (writer killed or still writing)"), run.err());
    }

    @Test
    void aDamagedHeaderIsAnErrorWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path file = CliTest.recordDockerPing(dir);
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] ^= 1;
        Files.write(file, bytes);
        for (String command : new String[] {"show", "report"}) {
            CliRun run = CliRun.of(command, file.toString());
            assertEquals(1, run.exitCode(), run.err());
            assertEquals("netjourney: " + file + ": damaged trace file header (checksum mismatch), nothing in the file "
                    + "can be trusted\n", run.err());
            assertTrue(run.clean(), run.err());
        }
    }
}
