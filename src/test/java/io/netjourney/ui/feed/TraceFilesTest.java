package io.netjourney.ui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.HopEvent;
import io.netjourney.sinks.TraceBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TraceFilesTest {
    private static final int HOP = 1;
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/lab-pings.njt");

    /** The fixture's first three crossings saved by the window, then a byte of the second one's frame flipped. */
    public static Path damagedTrace(Path dir) throws IOException {
        TraceFiles.Loaded fixture = TraceFiles.load(FIXTURE);
        Path file = dir.resolve("damaged.njt");
        TraceFiles.save(file, fixture.events().subList(0, 3), fixture.names(), 0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[secondHopFrame(bytes) + 60] ^= 1;
        return Files.write(file, bytes);
    }

    /** Where the second hop's frame starts. */
    public static int secondHopFrame(byte[] bytes) {
        return TraceBytes.frames(bytes).stream().filter(f -> f.type() == HOP).skip(1).findFirst().orElseThrow()
                .offset();
    }

    @Test
    void aSavedTraceOpensAgain(@TempDir Path dir) throws IOException {
        TraceFiles.Loaded fixture = TraceFiles.load(FIXTURE);
        Path file = dir.resolve("saved.njt");
        TraceFiles.save(file, fixture.events(), fixture.names(), 3);
        TraceFiles.Loaded saved = TraceFiles.load(file);
        assertEquals(fixture.events(), saved.events());
        assertEquals(3, saved.lostEvents());
        assertEquals(Optional.empty(), saved.warning());
    }

    @Test
    void aDamagedTraceOpensWithWhatItSkipped(@TempDir Path dir) throws IOException {
        Path file = damagedTrace(dir);
        int offset = secondHopFrame(Files.readAllBytes(file));
        TraceFiles.Loaded loaded = TraceFiles.load(file);
        List<HopEvent> expected = new ArrayList<>(TraceFiles.load(FIXTURE).events().subList(0, 3));
        expected.remove(1);
        assertEquals(expected, loaded.events());
        assertEquals(Optional.of(file + ": skipped 1 damaged frame (233 bytes) at offset " + offset),
                loaded.warning());
    }
}
