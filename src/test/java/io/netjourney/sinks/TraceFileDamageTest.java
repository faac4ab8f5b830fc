package io.netjourney.sinks;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.Names;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Damaged version 2 files: what is skipped, what is still read, what the reader says. */
class TraceFileDamageTest {
    private static final List<HopEvent> EVENTS = IntStream.range(0, 5)
            .mapToObj(i -> hop().at(1_000 + i).netns(4026531957L).dev(3, "docker0", "bridge").icmp(8, 0, 7, i).build())
            .collect(Collectors.toList());

    private static byte[] trace() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceFileWriter writer = new TraceFileWriter(bytes, Names.NONE)) {
            for (HopEvent event : EVENTS) {
                writer.writeHop(event);
            }
        }
        return bytes.toByteArray();
    }

    private static TraceFileReader reader(byte[] bytes) throws IOException {
        return new TraceFileReader(new ByteArrayInputStream(bytes), "test.njt");
    }

    private static List<HopEvent> readAll(TraceFileReader reader) {
        return reader.events().collect(Collectors.toList());
    }

    private static List<HopEvent> without(int index) {
        List<HopEvent> events = new ArrayList<>(EVENTS);
        events.remove(index);
        return events;
    }

    @Test
    void aFlippedBitInOneFrameSkipsJustThatFrameAndSaysWhere() throws IOException {
        byte[] bytes = trace();
        TraceBytes.Frame third = TraceBytes.frames(bytes).get(2);
        bytes[third.offset() + TraceFormat.FRAME_HEADER_SIZE + 40] ^= 0x04;
        try (TraceFileReader reader = reader(bytes)) {
            assertEquals(without(2), readAll(reader));
            assertEquals(TraceFileReader.Ending.COMPLETE, reader.ending());
            assertEquals(List.of(new SkippedFrames.Place(third.offset(), third.size(), 1, null)),
                    reader.skipped().places());
            assertEquals(Optional.of("test.njt: skipped 1 damaged frame (233 bytes) at offset " + third.offset()),
                    reader.warning());
        }
    }

    @Test
    void aDamagedSyncWordOrLengthIsFoundAndSkippedLikewise() throws IOException {
        for (int field : new int[] {0, TraceFormat.FRAME_SEQUENCE, TraceFormat.FRAME_TYPE, TraceFormat.FRAME_LENGTH,
                TraceFormat.FRAME_LENGTH + 3}) {
            byte[] bytes = trace();
            TraceBytes.Frame second = TraceBytes.frames(bytes).get(1);
            bytes[second.offset() + field] ^= 0x40;
            try (TraceFileReader reader = reader(bytes)) {
                assertEquals(without(1), readAll(reader), "field at " + field);
                assertEquals(List.of(new SkippedFrames.Place(second.offset(), second.size(), 1, null)),
                        reader.skipped().places(), "field at " + field);
            }
        }
    }

    @Test
    void aRepeatedFrameIsSkipped() throws IOException {
        byte[] bytes = trace();
        TraceBytes.Frame second = TraceBytes.frames(bytes).get(1);
        byte[] repeated = TraceBytes.insert(bytes, second.offset() + second.size(),
                Arrays.copyOfRange(bytes, second.offset(), second.offset() + second.size()));
        try (TraceFileReader reader = reader(repeated)) {
            assertEquals(EVENTS, readAll(reader));
            assertEquals(Optional.of("test.njt: skipped 1 damaged frame (233 bytes) at offset "
                    + (second.offset() + second.size())), reader.warning());
        }
    }

    @Test
    void aMissingFrameIsCountedWhereTheNextOneStarts() throws IOException {
        byte[] bytes = trace();
        TraceBytes.Frame fourth = TraceBytes.frames(bytes).get(3);
        byte[] cut = TraceBytes.delete(bytes, fourth.offset(), fourth.size());
        try (TraceFileReader reader = reader(cut)) {
            assertEquals(without(3), readAll(reader));
            assertEquals(Optional.of("test.njt: skipped 1 damaged frame (0 bytes) at offset " + fourth.offset()),
                    reader.warning());
        }
    }

    @Test
    void bytesBetweenFramesLoseNoFrameButAreSaid() throws IOException {
        byte[] bytes = trace();
        TraceBytes.Frame second = TraceBytes.frames(bytes).get(1);
        byte[] inserted = {'N', 'J', 1, 2, 3, 4, 5};
        try (TraceFileReader reader = reader(TraceBytes.insert(bytes, second.offset(), inserted))) {
            assertEquals(EVENTS, readAll(reader));
            assertEquals(Optional.of("test.njt: skipped 7 damaged bytes at offset " + second.offset()),
                    reader.warning());
        }
    }

    @Test
    void bytesAfterTheEndMarkerAreDamage() throws IOException {
        byte[] bytes = trace();
        try (TraceFileReader reader = reader(TraceBytes.insert(bytes, bytes.length, new byte[] {0, 0, 0}))) {
            assertEquals(EVENTS, readAll(reader));
            assertEquals(TraceFileReader.Ending.COMPLETE, reader.ending());
            assertEquals(Optional.of("test.njt: skipped 3 damaged bytes at offset " + bytes.length
                    + " (after the end marker)"), reader.warning());
        }
    }

    @Test
    void damageAndACutEndAreBothSaid() throws IOException {
        byte[] bytes = trace();
        List<TraceBytes.Frame> frames = TraceBytes.frames(bytes);
        bytes[frames.get(0).offset() + 30] ^= 1;
        byte[] cut = Arrays.copyOf(bytes, frames.get(4).offset() + 100);
        try (TraceFileReader reader = reader(cut)) {
            assertEquals(EVENTS.subList(1, 4), readAll(reader));
            assertEquals(TraceFileReader.Ending.TRUNCATED_FRAME, reader.ending());
            assertEquals(Optional.of("test.njt: skipped 1 damaged frame (233 bytes) at offset " + frames.get(0).offset()
                    + "; trace cut short at byte " + cut.length + " after 3 hops (writer killed or still writing)"),
                    reader.warning());
        }
    }

    @Test
    void aDamagedEndMarkerIsSkippedAndTheEndSaidMissing() throws IOException {
        byte[] bytes = trace();
        TraceBytes.Frame end = TraceBytes.first(bytes, TraceFormat.END);
        bytes[end.offset() + TraceFormat.FRAME_TYPE] = TraceFormat.HOP;
        try (TraceFileReader reader = reader(bytes)) {
            assertEquals(EVENTS, readAll(reader));
            assertEquals(TraceFileReader.Ending.NO_END_MARKER, reader.ending());
            assertEquals(Optional.of("test.njt: skipped 1 damaged frame (17 bytes) at offset " + end.offset()
                    + "; trace ends after 5 hops without an end marker (writer killed or still writing)"),
                    reader.warning());
        }
    }

    /** A frame whose checksum holds is as the writer wrote it; if its content is impossible it is skipped. */
    @Test
    void aWholeFrameWithImpossibleContentIsSkippedWithTheReason() throws IOException {
        byte[] bytes = trace();
        List<TraceBytes.Frame> frames = new ArrayList<>(TraceBytes.frames(bytes));
        byte[] badHook = frames.get(1).payload().clone();
        badHook[90] = 99;
        frames.set(1, TraceBytes.of(TraceFormat.HOP, badHook));
        frames.set(2, TraceBytes.of(TraceFormat.HOP, new byte[100]));
        frames.add(3, TraceBytes.of(0, new byte[0]));
        frames.add(4, TraceBytes.of(TraceFormat.NETNS_NAME, new byte[3]));
        frames.add(5, TraceBytes.of(TraceFormat.HOP, new byte[HopRecord.SIZE + 1]));
        byte[] file = TraceBytes.file(bytes, frames);
        List<Integer> offsets = TraceBytes.frames(file).stream().map(TraceBytes.Frame::offset)
                .collect(Collectors.toList());
        try (TraceFileReader reader = reader(file)) {
            assertEquals(List.of(EVENTS.get(0), EVENTS.get(3), EVENTS.get(4)), readAll(reader));
            int skippedBytes = offsets.get(6) - offsets.get(1);
            assertEquals(Optional.of("test.njt: skipped 5 damaged frames (" + skippedBytes + " bytes) at offsets "
                    + offsets.get(1) + " (unknown hook id 99), "
                    + offsets.get(2) + " (hop frame of 100 bytes, expected 168 to 272), "
                    + offsets.get(3) + " (frame type 0 (zeroed bytes?)), " + offsets.get(4)
                    + " (namespace name frame too short), " + offsets.get(5)
                    + " (hop frame of 273 bytes, expected 168 to 272)"), reader.warning());
        }
    }

    /** The fixture recorded before checksums (version 1) reads exactly as it did then (digest from that code). */
    @Test
    void theVersion1FixtureReadsAsBefore() throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (TraceFileReader reader = TraceFileReader.open(Path.of("src/test/resources/fixtures/lab-pings.njt"))) {
            assertEquals(1, reader.version());
            for (TraceFileReader.Entry e = reader.readEntry(); e != null; e = reader.readEntry()) {
                sha.update(String.valueOf(e.hop() != null ? e.hop() : e.netfilter()).getBytes("UTF-8"));
            }
            assertEquals(190, reader.hops());
            assertEquals(5, reader.netnsNames().size());
            assertEquals(TraceFileReader.Ending.COMPLETE, reader.ending());
            assertEquals(Optional.empty(), reader.warning());
        }
        assertEquals("ab587fd7f1b6c61abf26470a0161e43a02ece09ce1c37dd47c68fb6443ced2ee",
                HexFormat.of().formatHex(sha.digest()));
    }
}
