package io.netjourney.sinks;

import io.netjourney.capture.HopRecord;
import java.nio.charset.StandardCharsets;

/**
 * The netjourney trace file ({@code .njt}): a header, then frames, all integers little endian.
 * <pre>
 * header   magic "NJTRACE1" (8 bytes) | version u16 = 1 | reserved u16 = 0 | record size u32 = 272 (216 before
 *          ICMP errors carried their quoted header, 168 before drops and routes were recorded; all are read)
 * frame    type u8 | payload length u32 | payload
 *   1 HOP         a struct nj_hop record, decoded by HopRecord: record size bytes, or shorter down to 168 where
 *                 what it holds ends earlier (written: 272 for an ICMP error with its quoted header, else 216)
 *   2 NETNS_NAME  inode u64 | name UTF-8 (rest of the payload); written before the first hop in that namespace
 *   3 LOST        u64: total events the kernel lost so far (running total: the last one counts)
 *   4 META        key length u16 | key UTF-8 | value UTF-8   (e.g. "filter", "hostname", "boot_time_ns")
 *   5 END         empty: the writer closed the file
 * </pre>
 * Frames are streamed, so a file is readable while it is written and after its writer was killed: a reader
 * stops at a cut frame or a missing END and says so. Readers skip frame types they do not know (up to
 * {@link #MAX_FRAME_LENGTH} bytes), so frames can be added without a new version; changing the record
 * layout changes the record size, which readers reject.
 */
public final class TraceFormat {
    /** File name extension. */
    public static final String EXTENSION = ".njt";
    public static final int VERSION = 1;

    static final byte[] MAGIC = "NJTRACE1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = 16;
    static final int FRAME_HEADER_SIZE = 5;
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
    /** A netfilter verdict (trace --netfilter): netns u64, six u16-length UTF-8 strings, the packet's record. */
    static final int NETFILTER = 6;

    /** Offset of netns_ino in the record (struct nj_hop; HopRecord.NETNS_INO). */
    static final int RECORD_NETNS_INO = 56;

    private TraceFormat() {
    }
}
