package io.netjourney.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A namespace's name that is resolved only after its first hop was written is recorded when it is known. */
class TraceFileLateNamesTest {
    @Test
    void aNameKnownOnlyLaterIsStillRecorded() throws Exception {
        List<HopEvent> events;
        try (TraceFileReader reader = TraceFileReader.open(Path.of("src/test/resources/fixtures/lab-pings.njt"))) {
            events = reader.events().limit(10).toList();
        }
        long inode = events.get(0).netnsInode();
        AtomicInteger asked = new AtomicInteger();
        Names lateNames = ino -> ino == inode && asked.incrementAndGet() > 1 ? Optional.of("nj-late")
                : Optional.empty();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceFileWriter writer = new TraceFileWriter(bytes, lateNames)) {
            for (HopEvent event : events) {
                writer.writeHop(event);
            }
        }
        try (TraceFileReader reader = new TraceFileReader(new ByteArrayInputStream(bytes.toByteArray()), "memory")) {
            assertEquals(events, reader.events().toList());
            assertEquals(Optional.of("nj-late"), reader.names().netnsName(inode));
        }
    }
}
