package io.netjourney.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of damaged copies of a recorded trace (the lab fixture written again by the real writer): the reader
 * never throws but for a damaged header, never returns an event, name or metadata that was not written, and says
 * something whenever the file is not what was written. Deterministic: fixed seeds.
 */
class TraceFileFuzzTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/lab-pings.njt");
    private static final Map<String, String> METADATA = Map.of("filter", "icmp or tcp", "hostname", "lab");
    private static final long LOST = 17;

    private static List<HopEvent> written;
    private static Map<Long, String> writtenNames;
    private static byte[] original;
    private static List<TraceBytes.Frame> frames;

    @BeforeAll
    static void record() throws IOException {
        written = new ArrayList<>();
        try (TraceFileReader fixture = TraceFileReader.open(FIXTURE)) {
            fixture.forEach(written::add);
            writtenNames = new HashMap<>(fixture.netnsNames());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Names names = inode -> Optional.ofNullable(writtenNames.get(inode));
        try (TraceFileWriter writer = new TraceFileWriter(bytes, names)) {
            METADATA.forEach((key, value) -> {
                try {
                    writer.writeMeta(key, value);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            for (int i = 0; i < written.size(); i++) {
                writer.writeHop(written.get(i));
                if (i == written.size() / 2) {
                    writer.writeLostTotal(LOST);
                }
            }
        }
        original = bytes.toByteArray();
        frames = TraceBytes.frames(original);
    }

    @Test
    void theUndamagedCopyReadsWhole() {
        assertEquals(190, written.size());
        assertEquals(written, check("undamaged", original));
    }

    /**
     * Frames whose checksum holds are taken as written, so random content signed again is read as whatever it
     * decodes to: here only "never throws", and a frame that does not decode is skipped and said.
     */
    @Test
    void randomContentWithAGoodChecksumNeverThrows() throws IOException {
        Random random = new Random(15);
        for (int n = 0; n < 1000; n++) {
            List<TraceBytes.Frame> garbled = new ArrayList<>(frames.subList(0, frames.size() - 1));
            for (int i = 0; i < 10; i++) {
                int at = random.nextInt(garbled.size());
                byte[] payload = garbled.get(at).payload().clone();
                for (int j = 1 + random.nextInt(payload.length / 4 + 1); j > 0 && payload.length > 0; j--) {
                    payload[random.nextInt(payload.length)] = (byte) random.nextInt(256);
                }
                int type = random.nextInt(8) == 0 ? random.nextInt(8) : garbled.get(at).type();
                garbled.set(at, TraceBytes.of(type, random.nextInt(8) == 0
                        ? Arrays.copyOf(payload, random.nextInt(payload.length + 60)) : payload));
            }
            try (TraceFileReader reader = new TraceFileReader(new ByteArrayInputStream(
                    TraceBytes.file(original, garbled)), "fuzz.njt")) {
                for (TraceFileReader.Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                    assertTrue(entry.hop() != null || entry.netfilter() != null);
                }
                assertTrue(reader.hops() + reader.skipped().frames() <= garbled.size(), "case " + n);
            } catch (RuntimeException e) {
                throw new AssertionError("case " + n + ": " + e, e);
            }
        }
    }

    @Test
    void randomByteFlips() {
        Random random = new Random(11);
        for (int n = 0; n < 1500; n++) {
            byte[] damaged = original.clone();
            int flips = 1 + random.nextInt(n % 3 == 0 ? 200 : 4);
            // mostly after the header, which a single flip makes unreadable as a whole
            int from = n % 10 == 0 ? 0 : TraceFormat.HEADER_SIZE;
            for (int i = 0; i < flips; i++) {
                damaged[from + random.nextInt(damaged.length - from)] ^= (byte) (1 + random.nextInt(255));
            }
            check("case " + n + ": " + flips + " flips", damaged);
        }
    }

    @Test
    void insertedAndDeletedBytes() {
        Random random = new Random(12);
        for (int n = 0; n < 1500; n++) {
            byte[] damaged = original;
            int edits = 1 + random.nextInt(5);
            for (int i = 0; i < edits; i++) {
                int at = TraceFormat.HEADER_SIZE + random.nextInt(damaged.length - TraceFormat.HEADER_SIZE + 1);
                if (random.nextBoolean()) {
                    byte[] inserted = new byte[1 + random.nextInt(40)];
                    random.nextBytes(inserted);
                    damaged = TraceBytes.insert(damaged, at, inserted);
                } else {
                    int length = Math.min(1 + random.nextInt(300), damaged.length - at);
                    damaged = TraceBytes.delete(damaged, at, length);
                }
            }
            check("case " + n + ": " + edits + " insertions or deletions", damaged);
        }
    }

    @Test
    void duplicatedFrames() {
        Random random = new Random(13);
        for (int n = 0; n < 500; n++) {
            byte[] damaged = original;
            List<TraceBytes.Frame> chosen = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                chosen.add(frames.get(random.nextInt(frames.size())));
            }
            chosen.sort((a, b) -> b.offset() - a.offset()); // from the end, so earlier offsets stay true
            for (TraceBytes.Frame frame : chosen) {
                int end = frame.offset() + frame.size();
                damaged = TraceBytes.insert(damaged, end, Arrays.copyOfRange(damaged, frame.offset(), end));
            }
            check("case " + n + ": duplicated frames at " + chosen, damaged);
        }
    }

    /** Every byte of the header, and in every frame each field's first and last byte and the payload's middle. */
    @Test
    void truncationAtEveryKindOfPosition() {
        for (int length = 0; length <= TraceFormat.HEADER_SIZE; length++) {
            check("cut at " + length, Arrays.copyOf(original, length));
        }
        for (TraceBytes.Frame frame : frames) {
            int payload = frame.payload().length;
            int[] positions = {1, 3, 4, 7, 8, 9, 12, 13, 13 + payload / 2, 13 + payload, frame.size() - 1};
            for (int position : positions) {
                check("cut at " + (frame.offset() + position), Arrays.copyOf(original, frame.offset() + position));
            }
        }
    }

    @Test
    void everythingAtOnce() {
        Random random = new Random(14);
        for (int n = 0; n < 1000; n++) {
            byte[] damaged = original.clone();
            for (int i = random.nextInt(20); i > 0; i--) {
                damaged[TraceFormat.HEADER_SIZE + random.nextInt(damaged.length - TraceFormat.HEADER_SIZE)] ^= 0x20;
            }
            TraceBytes.Frame frame = frames.get(random.nextInt(frames.size()));
            damaged = TraceBytes.insert(damaged, frame.offset(),
                    Arrays.copyOfRange(original, frame.offset(), frame.offset() + frame.size()));
            int at = TraceFormat.HEADER_SIZE + random.nextInt(damaged.length - TraceFormat.HEADER_SIZE);
            damaged = TraceBytes.delete(damaged, at, Math.min(random.nextInt(500), damaged.length - at));
            damaged = Arrays.copyOf(damaged, damaged.length - random.nextInt(300));
            check("case " + n + ": flips, a duplicate, a deletion, a cut", damaged);
        }
    }

    /** Reads {@code damaged} and checks what the reader made of it; returns the hops read. */
    private static List<HopEvent> check(String what, byte[] damaged) {
        boolean headerIntact = damaged.length >= TraceFormat.HEADER_SIZE
                && Arrays.equals(damaged, 0, TraceFormat.HEADER_SIZE, original, 0, TraceFormat.HEADER_SIZE);
        List<HopEvent> read = new ArrayList<>();
        TraceFileReader reader;
        try {
            reader = new TraceFileReader(new ByteArrayInputStream(damaged), "fuzz.njt");
        } catch (TraceFileException e) {
            assertFalse(headerIntact, what + ": an intact header refused: " + e.getMessage());
            return read;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(what + ": " + e, e);
        }
        assertTrue(headerIntact, what + ": a damaged header accepted");
        try (reader) {
            for (HopEvent hop = reader.read(); hop != null; hop = reader.read()) {
                read.add(hop);
            }
            assertInOrderWritten(what, read);
            reader.netnsNames().forEach((inode, name) -> assertEquals(writtenNames.get(inode), name, what));
            reader.metadata().forEach((key, value) -> assertEquals(METADATA.get(key), value, what));
            assertTrue(reader.lostEvents() == 0 || reader.lostEvents() == LOST, what);
            for (SkippedFrames.Place place : reader.skipped().places()) {
                boolean inTheFile = place.offset() >= TraceFormat.HEADER_SIZE
                        && place.offset() + place.bytes() <= damaged.length;
                assertTrue(inTheFile, what + ": " + place);
            }
            if (!Arrays.equals(damaged, original)) {
                assertTrue(reader.warning().isPresent(), what + ": damage not reported");
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(what + ": " + e, e);
        }
        return read;
    }

    /** Every event read is one written, in the order written (so none twice). */
    private static void assertInOrderWritten(String what, List<HopEvent> read) {
        int next = 0;
        for (HopEvent event : read) {
            while (next < written.size() && !written.get(next).equals(event)) {
                next++;
            }
            if (next == written.size()) {
                fail(what + ": an event that was not written, or out of order: " + event);
            }
            next++;
        }
    }
}
