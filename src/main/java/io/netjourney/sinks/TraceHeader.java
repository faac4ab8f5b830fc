package io.netjourney.sinks;

import io.netjourney.capture.HopRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/** The header of a {@link TraceFormat trace file}: which version, how long its records are. */
record TraceHeader(int version, int recordSize) {

    /** The header this netjourney writes. */
    static byte[] encode() {
        ByteBuffer header = ByteBuffer.allocate(TraceFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.put(TraceFormat.MAGIC).putShort((short) TraceFormat.VERSION).putShort((short) TraceFormat.HEADER_SIZE)
                .putInt(TraceFormat.RECORD_SIZE).putInt(checksum(header.array()));
        return header.array();
    }

    /** Reads and consumes the header; a file that is not a trace, or a damaged header, is a TraceFileException. */
    static TraceHeader read(Lookahead in, String source) throws IOException {
        int read = in.fill(TraceFormat.HEADER_SIZE);
        ByteBuffer header = in.slice(0, read);
        if (read == 0) {
            throw notATrace(source, "empty file");
        }
        int magicLength = Math.min(read, TraceFormat.MAGIC.length);
        if (!header.slice(0, magicLength).equals(ByteBuffer.wrap(TraceFormat.MAGIC, 0, magicLength))) {
            throw notATrace(source, "bad magic");
        }
        if (read < TraceFormat.HEADER_SIZE_V1) {
            throw cutShort(source, read);
        }
        int version = Short.toUnsignedInt(header.getShort(TraceFormat.MAGIC.length));
        int headerSize = Short.toUnsignedInt(header.getShort(TraceFormat.MAGIC.length + 2));
        long recordSize = Integer.toUnsignedLong(header.getInt(TraceFormat.MAGIC.length + 4));
        if (version == TraceFormat.VERSION_1) {
            if (headerSize != 0) {
                throw damaged(source, "version 1 with a header size of " + headerSize);
            }
            headerSize = TraceFormat.HEADER_SIZE_V1;
        } else {
            if (read < TraceFormat.HEADER_SIZE) {
                throw cutShort(source, read);
            }
            if (header.getInt(TraceFormat.HEADER_CRC) != checksum(header)) {
                throw damaged(source, "checksum mismatch");
            }
            if (version != TraceFormat.VERSION) {
                throw new TraceFileException(source + ": trace file version " + version + ", this netjourney reads "
                        + "versions " + TraceFormat.VERSION_1 + " and " + TraceFormat.VERSION);
            }
            if (headerSize != TraceFormat.HEADER_SIZE) {
                throw damaged(source, "header size " + headerSize);
            }
        }
        if (recordSize != TraceFormat.RECORD_SIZE && recordSize != HopRecord.VERDICT_SIZE
                && recordSize != HopRecord.SIZE_V1) {
            throw new TraceFileException(source + ": trace file records are " + recordSize
                    + " bytes, this netjourney reads " + TraceFormat.RECORD_SIZE + "-byte records (and the older "
                    + HopRecord.VERDICT_SIZE + "- and " + HopRecord.SIZE_V1
                    + "-byte ones; recorded by another netjourney version)");
        }
        in.skip(headerSize);
        return new TraceHeader(version, (int) recordSize);
    }

    /** CRC32C of the header's first 16 bytes. */
    private static int checksum(byte[] header) {
        return checksum(ByteBuffer.wrap(header));
    }

    private static int checksum(ByteBuffer header) {
        CRC32C crc = new CRC32C();
        crc.update(header.slice(0, TraceFormat.HEADER_CRC));
        return (int) crc.getValue();
    }

    private static TraceFileException notATrace(String source, String why) {
        return new TraceFileException(source + ": not a netjourney trace file: " + why);
    }

    private static TraceFileException cutShort(String source, int read) {
        return notATrace(source, "header cut short after " + read + " bytes");
    }

    private static TraceFileException damaged(String source, String why) {
        return new TraceFileException(source + ": damaged trace file header (" + why + "), nothing in the file can "
                + "be trusted");
    }
}
