package io.netjourney.sinks;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Names;
import io.netjourney.capture.Packet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFileTest {
    private static final long HOST = 4026531957L;
    private static final long CONTAINER = 4026532258L;
    private static final Names NAMES = Traced.names(Map.of(HOST, "host", CONTAINER, "nj-ctr1"));

    private static List<HopEvent> events() {
        return List.of(
                hop().at(1_000).netns(HOST).dev(3, "docker0", "bridge").build(),
                hop().at(1_010).netns(CONTAINER).hook(Hook.NETIF_RX).build(),
                hop().at(1_020).netns(CONTAINER).icmp6(128, 0, 0).tcp(443, 50000, 0x18, 1L << 31, 7)
                        .from("2001:db8::1").to("2001:db8::2").flowLabel(0xFFFFF).build(),
                hop().at(1_030).netns(4026532999L).arp(2, "198.51.100.2", "198.51.100.1")
                        .macs(0x020000000002L, 0x020000000001L).build(),
                hop().at(1_040).netns(HOST).ethertype(0x88CC).flags(Packet.FLAG_NO_L2 | Packet.FLAG_VLAN)
                        .vlanTci(0xFFFF).mark(-1).build());
    }

    /** A complete file: the events with names looked up, an extra name, metadata and lost events. */
    private static byte[] trace(List<HopEvent> events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceFileWriter writer = new TraceFileWriter(bytes, NAMES)) {
            writer.writeMeta("filter", "icmp or tcp port 443");
            writer.writeNetnsName(4026532999L, "nj-router ☃");
            for (HopEvent e : events) {
                writer.writeHop(e);
            }
            writer.writeLostTotal(2);
            writer.writeLostTotal(9);
            assertEquals(events.size(), writer.hops());
        }
        return bytes.toByteArray();
    }

    private static TraceFileReader reader(byte[] bytes) throws IOException {
        return new TraceFileReader(new ByteArrayInputStream(bytes), "test.njt");
    }

    private static List<HopEvent> readAll(TraceFileReader reader) {
        return reader.events().collect(Collectors.toList());
    }

    @Test
    void roundTrip() throws IOException {
        try (TraceFileReader reader = reader(trace(events()))) {
            assertEquals(TraceFormat.VERSION, reader.version());
            assertEquals(TraceFileReader.Ending.NOT_REACHED, reader.ending());
            assertEquals(events(), readAll(reader));
            assertEquals(TraceFileReader.Ending.COMPLETE, reader.ending());
            assertEquals(Optional.empty(), reader.warning());
            assertEquals(Map.of(HOST, "host", CONTAINER, "nj-ctr1", 4026532999L, "nj-router ☃"),
                    reader.netnsNames());
            assertEquals(Optional.of("nj-ctr1"), reader.names().netnsName(CONTAINER));
            assertEquals(Optional.empty(), reader.names().netnsName(1));
            assertEquals(9, reader.lostEvents());
            assertEquals(Map.of("filter", "icmp or tcp port 443"), reader.metadata());
            assertEquals(5, reader.hops());
            assertNull(reader.read());
        }
    }

    @Test
    void namesComeBeforeTheFirstHopInTheirNamespaceAndOnlyOnce() throws IOException {
        List<HopEvent> events = new ArrayList<>(events());
        events.addAll(events());
        byte[] bytes = trace(events);
        try (TraceFileReader reader = reader(bytes)) {
            assertEquals(HOST, reader.read().netnsInode());
            assertEquals(Map.of(HOST, "host", 4026532999L, "nj-router ☃"), reader.netnsNames());
            assertEquals(CONTAINER, reader.read().netnsInode());
            assertEquals(Optional.of("nj-ctr1"), reader.names().netnsName(CONTAINER));
        }
        int frame = TraceFormat.FRAME_HEADER_SIZE + TraceFormat.FRAME_CRC_SIZE;
        int nameFrames = 3;
        int metaFrame = frame + 2 + "filter".length() + "icmp or tcp port 443".length();
        int records = events.stream().mapToInt(e -> frame + HopRecord.encodedSize(e)).sum();
        int expected = TraceFormat.HEADER_SIZE + metaFrame + records
                + nameFrames * (frame + 8) + "host".length() + "nj-ctr1".length() + "nj-router ☃".getBytes(
                StandardCharsets.UTF_8).length + 2 * (frame + 8) + frame;
        assertEquals(expected, bytes.length);
    }

    @Test
    void rawRecordsAreWrittenAsTheyCame() throws IOException {
        HopEvent event = events().get(1);
        ByteBuffer ring = ByteBuffer.allocate(HopRecord.SIZE + 8);
        ring.position(8);
        ring.put(HopRecord.encode(event)).position(8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceFileWriter writer = new TraceFileWriter(bytes, NAMES)) {
            writer.writeRecord(ring);
            assertEquals(8, ring.position());
        }
        try (TraceFileReader reader = reader(bytes.toByteArray())) {
            assertEquals(List.of(event), readAll(reader));
            assertEquals(Map.of(CONTAINER, "nj-ctr1"), reader.netnsNames());
        }
    }

    @Test
    void everyCutShortFileReadsItsWholeFramesWithoutThrowing() throws IOException {
        byte[] full = trace(events());
        for (int length = TraceFormat.HEADER_SIZE; length < full.length; length++) {
            try (TraceFileReader reader = reader(Arrays.copyOf(full, length))) {
                List<HopEvent> read = readAll(reader);
                assertEquals(events().subList(0, read.size()), read, "cut at " + length);
                assertTrue(reader.ending() == TraceFileReader.Ending.NO_END_MARKER
                        || reader.ending() == TraceFileReader.Ending.TRUNCATED_FRAME, "cut at " + length);
                assertTrue(reader.warning().orElseThrow().contains("writer killed or still writing"));
                assertTrue(reader.skipped().isEmpty(), "cut at " + length + ": " + reader.warning());
            }
        }
    }

    @Test
    void killedWriterLeavesAReadableFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trace" + TraceFormat.EXTENSION);
        TraceFileWriter writer = TraceFileWriter.create(file, NAMES);
        writer.writeHop(events().get(0));
        writer.writeHop(events().get(1));
        writer.flush(); // not closed: as if killed now
        try (TraceFileReader reader = TraceFileReader.open(file)) {
            assertEquals(events().subList(0, 2), readAll(reader));
            assertEquals(TraceFileReader.Ending.NO_END_MARKER, reader.ending());
            assertEquals(file + ": trace ends after 2 hops without an end marker (writer killed or still writing)",
                    reader.warning().orElseThrow());
        }
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) - 1));
        try (TraceFileReader reader = TraceFileReader.open(file)) {
            assertEquals(events().subList(0, 1), readAll(reader));
            assertEquals(TraceFileReader.Ending.TRUNCATED_FRAME, reader.ending());
            assertTrue(reader.warning().orElseThrow().startsWith(file + ": trace cut short at byte "));
        }
        writer.close();
    }

    @Test
    void headerOnlyIsAnEmptyTrace() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TraceFileWriter(bytes, Names.NONE).flush();
        assertEquals(TraceFormat.HEADER_SIZE, bytes.size());
        try (TraceFileReader reader = reader(bytes.toByteArray())) {
            assertEquals(List.of(), readAll(reader));
            assertEquals(TraceFileReader.Ending.NO_END_MARKER, reader.ending());
        }
    }

    @Test
    void emptyFile(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("empty.njt"));
        TraceFileException e = assertThrows(TraceFileException.class, () -> TraceFileReader.open(file));
        assertEquals(file + ": not a netjourney trace file: empty file", e.getMessage());
    }

    @Test
    void badMagic() {
        byte[] pcap = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals("test.njt: not a netjourney trace file: bad magic",
                assertThrows(TraceFileException.class, () -> reader(pcap)).getMessage());
        assertEquals("test.njt: not a netjourney trace file: bad magic",
                assertThrows(TraceFileException.class, () -> reader("hi".getBytes())).getMessage());
        assertEquals("test.njt: not a netjourney trace file: header cut short after 10 bytes",
                assertThrows(TraceFileException.class, () -> reader("NJTRACE1\1\0".getBytes())).getMessage());
    }

    @Test
    void anIcmpErrorKeepsTheHeaderItQuotesWhileOtherHopsAreWrittenWithoutTheQuotePart() throws IOException {
        HopEvent udp = hop().at(1_000).netns(CONTAINER).udp(40000, 9).build();
        HopEvent error = hop().at(2_000).netns(CONTAINER).from("198.51.100.3").to("198.51.100.2").error(3, 3, udp)
                .build();
        byte[] bytes = trace(List.of(udp, error));
        try (TraceFileReader reader = reader(bytes)) {
            assertEquals(List.of(udp, error), readAll(reader));
        }
        List<Integer> hopSizes = TraceBytes.frames(bytes).stream().filter(f -> f.type() == TraceFormat.HOP)
                .map(f -> f.payload().length).collect(Collectors.toList());
        assertEquals(List.of(HopRecord.VERDICT_SIZE, HopRecord.SIZE), hopSizes, "the UDP hop without the quote part, "
                + "the error with it");
    }

    @Test
    void aVersion1FileOfTheFormatBeforeQuotesStillReads() throws IOException {
        List<HopEvent> events = events();
        List<TraceBytes.Frame> frames = new ArrayList<>();
        for (HopEvent e : events) {
            frames.add(TraceBytes.of(TraceFormat.HOP, Arrays.copyOf(HopRecord.encode(e), HopRecord.VERDICT_SIZE)));
        }
        frames.add(TraceBytes.of(TraceFormat.END, new byte[0]));
        try (TraceFileReader reader = reader(TraceBytes.version1(HopRecord.VERDICT_SIZE, frames))) {
            assertEquals(1, reader.version());
            assertEquals(events, readAll(reader));
            assertEquals(TraceFileReader.Ending.COMPLETE, reader.ending());
            assertEquals(Optional.empty(), reader.warning());
        }
    }

    @Test
    void wrongRecordSizeOrVersion() throws IOException {
        byte[] bytes = trace(events());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 176);
        assertEquals("test.njt: trace file records are 176 bytes, this netjourney reads 272-byte records (and the older 216-"
                + " and 168-byte ones; recorded by another netjourney version)",
                assertThrows(TraceFileException.class, () -> reader(TraceBytes.signHeader(bytes))).getMessage());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) 3);
        assertEquals("test.njt: trace file version 3, this netjourney reads versions 1 and 2",
                assertThrows(TraceFileException.class, () -> reader(TraceBytes.signHeader(bytes))).getMessage());
    }

    @Test
    void aDamagedHeaderIsAnError() throws IOException {
        String damaged = "test.njt: damaged trace file header (checksum mismatch), nothing in the file can be trusted";
        for (int i = TraceFormat.MAGIC.length; i < TraceFormat.HEADER_SIZE; i++) {
            byte[] bytes = trace(events());
            bytes[i] ^= 0x10;
            assertEquals(damaged, assertThrows(TraceFileException.class, () -> reader(bytes)).getMessage(),
                    "byte " + i);
        }
        byte[] lookingLikeVersion1 = trace(events());
        lookingLikeVersion1[8] = 1;
        assertEquals("test.njt: damaged trace file header (version 1 with a header size of 20), nothing in the file "
                + "can be trusted", assertThrows(TraceFileException.class, () -> reader(lookingLikeVersion1))
                .getMessage());
    }

    /** Version 1 has no checksums: a frame that does not decode is an error there, as it always was. */
    @Test
    void corruptVersion1FramesSayWhere() throws IOException {
        int firstHop = TraceFormat.HEADER_SIZE_V1;
        byte[] record = Arrays.copyOf(HopRecord.encode(events().get(0)), HopRecord.VERDICT_SIZE);
        byte[] bytes = TraceBytes.version1(HopRecord.VERDICT_SIZE, List.of(TraceBytes.of(TraceFormat.HOP, record)));
        byte[] badLength = TraceBytes.version1(HopRecord.VERDICT_SIZE,
                List.of(TraceBytes.of(TraceFormat.HOP, new byte[100])));
        try (TraceFileReader reader = reader(badLength)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(reader));
            assertEquals("test.njt: corrupt trace file at byte " + firstHop
                    + ": hop frame of 100 bytes, expected 168 to 216",
                    e.getCause().getMessage());
        }
        byte[] badHook = bytes.clone();
        badHook[firstHop + TraceFormat.FRAME_HEADER_SIZE_V1 + 90] = 99;
        try (TraceFileReader reader = reader(badHook)) {
            TraceFileException e = assertThrows(TraceFileException.class, reader::read);
            assertEquals("test.njt: corrupt trace file at byte " + firstHop + ": unknown hook id 99", e.getMessage());
        }
        byte[] huge = bytes.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(firstHop + 1, -1);
        try (TraceFileReader reader = reader(huge)) {
            assertTrue(assertThrows(TraceFileException.class, reader::read).getMessage()
                    .endsWith("frame of 4294967295 bytes"));
        }
    }

    @Test
    void unknownFrameTypesAreSkipped() throws IOException {
        byte[] bytes = trace(List.of(events().get(0)));
        List<TraceBytes.Frame> frames = new ArrayList<>(TraceBytes.frames(bytes));
        frames.add(0, TraceBytes.of(42, "xyz".getBytes(StandardCharsets.US_ASCII)));
        try (TraceFileReader reader = reader(TraceBytes.file(bytes, frames))) {
            assertEquals(List.of(events().get(0)), readAll(reader));
            assertEquals(TraceFileReader.Ending.COMPLETE, reader.ending());
            assertEquals(Optional.empty(), reader.warning());
        }
    }

    @Test
    void writerClosesOnceAndRefusesLaterFrames() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceFileWriter writer = new TraceFileWriter(bytes, Names.NONE);
        writer.close();
        writer.close();
        assertArrayEquals(TraceBytes.frame(0, TraceFormat.END, new byte[0]),
                Arrays.copyOfRange(bytes.toByteArray(), TraceFormat.HEADER_SIZE, bytes.size()));
        assertThrows(IOException.class, () -> writer.writeHop(events().get(0)));
    }

    @Test
    void recordNetnsOffsetMatchesHopRecord() {
        byte[] record = HopRecord.encode(hop().netns(0xF0E0D0C0L).build());
        assertEquals(0xF0E0D0C0L, Integer.toUnsignedLong(ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN)
                .getInt(TraceFormat.RECORD_NETNS_INO)));
    }
}
