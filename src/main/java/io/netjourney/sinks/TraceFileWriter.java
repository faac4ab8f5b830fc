package io.netjourney.sinks;

import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.capture.Names;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Records crossings into a {@link TraceFormat trace file}. The header is written and flushed at once; frames
 * are buffered, so call {@link #flush()} now and then (say once per ring buffer poll) for a reader or a
 * killed process to see them. Each namespace's name, looked up in the given {@link Names} the first time a
 * hop crosses it, is written before that hop, so the file replays with names on another machine. Not
 * thread-safe.
 */
public final class TraceFileWriter implements Closeable, Flushable {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final OutputStream out;
    private final Names names;
    private final Map<Long, String> writtenNames = new HashMap<>();
    private final Set<String> writtenMeta = new HashSet<>();
    private final ByteBuffer frameHeader = ByteBuffer.allocate(TraceFormat.FRAME_HEADER_SIZE)
            .order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer frameCrc = ByteBuffer.allocate(TraceFormat.FRAME_CRC_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private int sequence;
    private final byte[] record = new byte[TraceFormat.RECORD_SIZE];
    private long hops;
    private boolean closed;

    /** Creates or truncates {@code file}. */
    public static TraceFileWriter create(Path file, Names names) throws IOException {
        return new TraceFileWriter(Files.newOutputStream(file), names);
    }

    /** Writes the header to {@code out} (which this writer closes). */
    public TraceFileWriter(OutputStream out, Names names) throws IOException {
        this.out = new BufferedOutputStream(out, BUFFER_SIZE);
        this.names = names;
        this.out.write(TraceHeader.encode());
        this.out.flush();
    }

    /** Writes a decoded event (encoded back with {@link HopRecord#encode}). */
    public void writeHop(HopEvent event) throws IOException {
        if (event instanceof Drop drop) {
            writeDropNames(drop);
        }
        writeRecord(ByteBuffer.wrap(HopRecord.encode(event), 0, HopRecord.encodedSize(event)));
    }

    /** A drop's reason and location names go in as metadata before it, so they replay on another machine. */
    private void writeDropNames(Drop drop) throws IOException {
        String reasonKey = TraceFormat.DROP_REASON_KEY + drop.reason();
        if (drop.reasonName() != null && writtenMeta.add(reasonKey)) {
            writeMeta(reasonKey, drop.reasonName());
        }
        String locationKey = TraceFormat.DROP_LOCATION_KEY + Long.toHexString(drop.location());
        if (drop.locationName() != null && writtenMeta.add(locationKey)) {
            writeMeta(locationKey, drop.locationName());
        }
    }

    /**
     * Writes a raw kernel record as it came from the ring buffer: the bytes from the buffer's position to its limit,
     * at most {@link HopRecord#SIZE} and at least {@link HopRecord#SIZE_V1} (the kernel's shorter records of
     * crossings and verdicts); the buffer's position is left unchanged.
     */
    public void writeRecord(ByteBuffer raw) throws IOException {
        if (raw.remaining() < HopRecord.SIZE_V1) {
            throw new IllegalArgumentException("record of " + raw.remaining() + " bytes, expected "
                    + HopRecord.SIZE_V1 + " to " + TraceFormat.RECORD_SIZE);
        }
        ByteBuffer source = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long inode = Integer.toUnsignedLong(source.getInt(source.position() + TraceFormat.RECORD_NETNS_INO));
        if (writtenNames.get(inode) == null) { // not named yet: a name resolved in the background comes later
            Optional<String> name = names.netnsName(inode);
            if (name.isPresent()) {
                writeNetnsName(inode, name.get());
            }
        }
        int length = Math.min(source.remaining(), record.length);
        source.get(record, 0, length);
        writeFrame(TraceFormat.HOP, record, length);
        hops++;
    }

    /** Records a namespace's name (again only if it changed). */
    public void writeNetnsName(long inode, String name) throws IOException {
        if (name.equals(writtenNames.get(inode))) {
            return;
        }
        writtenNames.put(inode, name);
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(Long.BYTES + bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        payload.putLong(inode).put(bytes);
        writeFrame(TraceFormat.NETNS_NAME, payload.array());
    }

    /** Records the kernel's running total of lost events. */
    public void writeLostTotal(long total) throws IOException {
        writeFrame(TraceFormat.LOST, ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(total).array());
    }

    /** Records a fact about the capture: the filter, the host, the boot time to turn ts_ns into dates. */
    public void writeMeta(String key, String value) throws IOException {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        if (k.length > 0xFFFF) {
            throw new IllegalArgumentException("metadata key of " + k.length + " bytes");
        }
        ByteBuffer payload = ByteBuffer.allocate(Short.BYTES + k.length + v.length).order(ByteOrder.LITTLE_ENDIAN);
        payload.putShort((short) k.length).put(k).put(v);
        writeFrame(TraceFormat.META, payload.array());
    }

    /** A netfilter verdict with its packet (family, table, chain, rule, verdict, device as strings). */
    public void writeNetfilter(NetfilterVerdict v) throws IOException {
        String[] texts = {v.family(), v.table(), v.chain(), v.rule(), v.verdict(), v.device()};
        byte[][] bytes = new byte[texts.length][];
        int size = Long.BYTES;
        for (int i = 0; i < texts.length; i++) {
            bytes[i] = texts[i].getBytes(StandardCharsets.UTF_8);
            size += Short.BYTES + Math.min(bytes[i].length, 0xFFFF);
        }
        byte[] packet = v.packet() == null ? new byte[0] : HopRecord.encode(v.packet());
        ByteBuffer payload = ByteBuffer.allocate(size + packet.length).order(ByteOrder.LITTLE_ENDIAN);
        payload.putLong(v.netnsInode());
        for (byte[] text : bytes) {
            int length = Math.min(text.length, 0xFFFF);
            payload.putShort((short) length).put(text, 0, length);
        }
        payload.put(packet);
        writeFrame(TraceFormat.NETFILTER, payload.array());
    }

    /** How many hops were written. */
    public long hops() {
        return hops;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the END frame and closes the file; does nothing the second time. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try (OutputStream stream = out) {
            writeFrame(TraceFormat.END, new byte[0]);
        } finally {
            closed = true;
        }
    }

    private void writeFrame(int type, byte[] payload) throws IOException {
        writeFrame(type, payload, payload.length);
    }

    /** A frame of the first {@code length} bytes of {@code payload}. */
    private void writeFrame(int type, byte[] payload, int length) throws IOException {
        if (closed) {
            throw new IOException("trace file writer is closed");
        }
        if (length > TraceFormat.MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("frame of " + length + " bytes");
        }
        frameHeader.clear();
        frameHeader.put(TraceFormat.FRAME_SYNC).putInt(sequence++).put((byte) type).putInt(length);
        crc.reset();
        crc.update(frameHeader.array());
        crc.update(payload, 0, length);
        frameCrc.clear();
        frameCrc.putInt((int) crc.getValue());
        out.write(frameHeader.array());
        out.write(payload, 0, length);
        out.write(frameCrc.array());
    }
}
