package io.netjourney.sinks;

import io.netjourney.capture.HopRecord;
import java.nio.charset.StandardCharsets;

/**
 * The netjourney trace file ({@code .njt}): a header, then frames, all integers little endian.
 * <pre>
 * header   magic "NJTRACE1" (8 bytes) | version u16 = 2 | header size u16 = 20 | record size u32 = 272
 *          | CRC32C u32 of the 16 bytes before it
 *          (record size: 216 before ICMP errors carried their quoted header, 168 before drops and routes were
 *          recorded; all are read)
 * frame    sync "NJ" FE ED (4 bytes) | sequence u32 (0, 1, 2, ... in writing order) | type u8 | payload length u32
 *          | payload | CRC32C u32 of the frame's bytes before it (sync to the end of the payload)
 *   1 HOP         a struct nj_hop record, decoded by HopRecord: record size bytes, or shorter down to 168 where
 *                 what it holds ends earlier (written: 272 for an ICMP error with its quoted header, else 216)
 *   2 NETNS_NAME  inode u64 | name UTF-8 (rest of the payload); written before the first hop in that namespace
 *   3 LOST        u64: total events the kernel lost so far (running total: the last one counts)
 *   4 META        key length u16 | key UTF-8 | value UTF-8   (e.g. "filter", "hostname", "boot_time_ns")
 *   5 END         empty: the writer closed the file; nothing follows it
 *   6 NETFILTER   a netfilter verdict (trace --netfilter): netns u64, six u16-length UTF-8 strings, the packet's record
 * </pre>
 * Frames are streamed, so a file is readable while it is written and after its writer was killed: a reader
 * stops at a cut frame or a missing END and says so. Readers skip frame types they do not know (up to
 * {@link #MAX_FRAME_LENGTH} bytes), so frames can be added without a new version; changing the record
 * layout changes the record size, which readers reject.
 *
 * <p>Damage: a header whose checksum fails is an error (nothing after it can be trusted). A frame whose sync,
 * length or checksum is wrong is skipped: the reader looks for the next sync word from the byte after the bad
 * frame's start and goes on at the first frame whose checksum holds; the sequence numbers tell how many frames
 * were lost in between, and show a repeated frame (skipped too). Bytes after END are damage. A frame whose
 * checksum holds but whose content cannot be decoded (a hop of an impossible size, an unknown hook) is skipped
 * and reported as well. Timestamps are not judged: a frame whose checksum holds is what the writer wrote, and
 * the kernel's records from several CPUs are not in time order anyway.
 *
 * <p>Version 1 (read, no longer written): the header without its checksum and with a reserved u16 = 0 in place
 * of the header size (16 bytes); frames are type u8 | payload length u32 | payload, without sync, sequence or
 * checksum, so a reader cannot tell damage there and stops at the first frame it cannot decode.
 */
public final class TraceFormat {
    /** File name extension. */
    public static final String EXTENSION = ".njt";
    /** The version written. */
    public static final int VERSION = 2;
    /** The first version: no checksums. */
    static final int VERSION_1 = 1;

    static final byte[] MAGIC = "NJTRACE1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = 20;
    static final int HEADER_SIZE_V1 = 16;
    /** Where the header's checksum is (after the 16 bytes it covers). */
    static final int HEADER_CRC = 16;

    static final byte[] FRAME_SYNC = {'N', 'J', (byte) 0xFE, (byte) 0xED};
    /** Sync, sequence, type, length. */
    static final int FRAME_HEADER_SIZE = 13;
    static final int FRAME_SEQUENCE = 4;
    static final int FRAME_TYPE = 8;
    static final int FRAME_LENGTH = 9;
    static final int FRAME_CRC_SIZE = 4;
    /** Type, length. */
    static final int FRAME_HEADER_SIZE_V1 = 5;
    static final int MAX_FRAME_LENGTH = 1 << 20;
    static final int RECORD_SIZE = HopRecord.SIZE;
    /** Metadata keys naming drop reasons ("drop.reason.12" = "NETFILTER_DROP") and locations (by hex address). */
    static final String DROP_REASON_KEY = "drop.reason.";
    static final String DROP_LOCATION_KEY = "drop.location.";

    static final int HOP = 1;
    static final int NETNS_NAME = 2;
    static final int LOST = 3;
    static final int META = 4;
    static final int END = 5;
    static final int NETFILTER = 6;

    /** Offset of netns_ino in the record (struct nj_hop; HopRecord.NETNS_INO). */
    static final int RECORD_NETNS_INO = 56;

    private TraceFormat() {
    }
}
