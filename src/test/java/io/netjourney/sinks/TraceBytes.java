package io.netjourney.sinks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/** Trace files taken apart and put together byte by byte, for tests that damage them on purpose. */
public final class TraceBytes {
    private TraceBytes() {
    }

    /** A frame of a version 2 file: where it is, what it holds. */
    public record Frame(int offset, int sequence, int type, byte[] payload) {
        public int size() {
            return TraceFormat.FRAME_HEADER_SIZE + payload.length + TraceFormat.FRAME_CRC_SIZE;
        }
    }

    /** The frames of an undamaged version 2 file. */
    public static List<Frame> frames(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Frame> frames = new ArrayList<>();
        for (int at = TraceFormat.HEADER_SIZE; at < file.length; ) {
            int length = b.getInt(at + TraceFormat.FRAME_LENGTH);
            byte[] payload = Arrays.copyOfRange(file, at + TraceFormat.FRAME_HEADER_SIZE,
                    at + TraceFormat.FRAME_HEADER_SIZE + length);
            Frame frame = new Frame(at, b.getInt(at + TraceFormat.FRAME_SEQUENCE), file[at + TraceFormat.FRAME_TYPE],
                    payload);
            frames.add(frame);
            at += frame.size();
        }
        return frames;
    }

    /** The first frame of {@code type}. */
    public static Frame first(byte[] file, int type) {
        return frames(file).stream().filter(f -> f.type() == type).findFirst().orElseThrow();
    }

    /** A version 2 frame with its checksum. */
    static byte[] frame(int sequence, int type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(TraceFormat.FRAME_HEADER_SIZE + payload.length + TraceFormat.FRAME_CRC_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(TraceFormat.FRAME_SYNC).putInt(sequence).put((byte) type).putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        return b.putInt((int) crc.getValue()).array();
    }

    /** The file's header and the given frames (type, payload) numbered from 0, each with its checksum. */
    static byte[] file(byte[] header, List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(header, TraceFormat.HEADER_SIZE));
        for (int i = 0; i < frames.size(); i++) {
            out.writeBytes(frame(i, frames.get(i).type(), frames.get(i).payload()));
        }
        return out.toByteArray();
    }

    /** Puts the right checksum back into a header changed on purpose. */
    static byte[] signHeader(byte[] file) {
        CRC32C crc = new CRC32C();
        crc.update(file, 0, TraceFormat.HEADER_CRC);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(TraceFormat.HEADER_CRC, (int) crc.getValue());
        return file;
    }

    /** A version 1 file: its 16-byte header with {@code recordSize}, then the frames (type, payload) unchecked. */
    static byte[] version1(int recordSize, List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(TraceFormat.HEADER_SIZE_V1).order(ByteOrder.LITTLE_ENDIAN)
                .put(TraceFormat.MAGIC).putShort((short) 1).putShort((short) 0).putInt(recordSize).array());
        for (Frame frame : frames) {
            out.writeBytes(ByteBuffer.allocate(TraceFormat.FRAME_HEADER_SIZE_V1).order(ByteOrder.LITTLE_ENDIAN)
                    .put((byte) frame.type()).putInt(frame.payload().length).array());
            out.writeBytes(frame.payload());
        }
        return out.toByteArray();
    }

    /** A frame to give {@link #file} or {@link #version1}. */
    static Frame of(int type, byte[] payload) {
        return new Frame(-1, -1, type, payload);
    }

    /** {@code bytes} with {@code inserted} put in at {@code at}. */
    static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteBuffer b = ByteBuffer.allocate(bytes.length + inserted.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.put(bytes, 0, at).put(inserted).put(bytes, at, bytes.length - at).array();
    }

    /** {@code bytes} without the {@code length} bytes at {@code at}. */
    static byte[] delete(byte[] bytes, int at, int length) {
        ByteBuffer b = ByteBuffer.allocate(bytes.length - length);
        return b.put(bytes, 0, at).put(bytes, at + length, bytes.length - at - length).array();
    }
}
