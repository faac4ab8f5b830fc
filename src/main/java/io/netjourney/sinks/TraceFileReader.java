package io.netjourney.sinks;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.capture.Names;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Replays a {@link TraceFormat trace file}: hops decoded by {@link HopRecord#decode}, the namespace names,
 * lost events and metadata found on the way. A file cut short (its writer killed, or still writing) ends the
 * events cleanly; {@link #ending()} and {@link #warning()} tell. A file that is not a trace, or is corrupt,
 * raises {@link TraceFileException} with a message for the user. Not thread-safe.
 */
public final class TraceFileReader implements Closeable, Iterable<HopEvent> {

    /** How the file ended, once the reader got there. */
    public enum Ending {
        /** Not at the end yet. */
        NOT_REACHED,
        /** The END frame: the writer closed the file. */
        COMPLETE,
        /** No END frame after the last whole frame: the writer was killed or is still writing. */
        NO_END_MARKER,
        /** The last frame is cut short: the writer was killed or is still writing. */
        TRUNCATED_FRAME
    }

    private final InputStream in;
    private final String source;
    private final int version;
    private final int recordSize;
    /** While {@link #readEntry()} reads: netfilter verdicts are returned, not skipped. */
    private boolean wantNetfilter;
    private NetfilterVerdict pendingNetfilter;
    private final Map<Long, String> netnsNames = new HashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final byte[] frameHeader = new byte[TraceFormat.FRAME_HEADER_SIZE];
    private long offset;
    private long hops;
    private long lostEvents;
    private Ending ending = Ending.NOT_REACHED;

    /** Opens {@code file} and reads its header. */
    public static TraceFileReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new TraceFileReader(in, file.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads the header from {@code in} (which this reader closes).
     *
     * @param source what to call the file in messages, such as its path
     */
    public TraceFileReader(InputStream in, String source) throws IOException {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.source = source;
        byte[] header = new byte[TraceFormat.HEADER_SIZE];
        int read = readUpTo(header);
        if (read == 0) {
            throw notATrace("empty file");
        }
        int magicLength = Math.min(read, TraceFormat.MAGIC.length);
        if (!Arrays.equals(header, 0, magicLength, TraceFormat.MAGIC, 0, magicLength)) {
            throw notATrace("bad magic");
        }
        if (read < header.length) {
            throw notATrace("header cut short after " + read + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        version = Short.toUnsignedInt(b.getShort(TraceFormat.MAGIC.length));
        if (version != TraceFormat.VERSION) {
            throw new TraceFileException(source + ": trace file version " + version + ", this netjourney reads version "
                    + TraceFormat.VERSION);
        }
        long recordSize = Integer.toUnsignedLong(b.getInt(TraceFormat.MAGIC.length + 4));
        this.recordSize = (int) Math.min(recordSize, Integer.MAX_VALUE);
        if (recordSize != TraceFormat.RECORD_SIZE && recordSize != HopRecord.VERDICT_SIZE
                && recordSize != HopRecord.SIZE_V1) {
            throw new TraceFileException(source + ": trace file records are " + recordSize
                    + " bytes, this netjourney reads " + TraceFormat.RECORD_SIZE + "-byte records (and the older "
                    + HopRecord.VERDICT_SIZE + "- and " + HopRecord.SIZE_V1
                    + "-byte ones; recorded by another netjourney version)");
        }
    }

    /** One recorded item: a hop, or a netfilter verdict ({@code trace --netfilter}); exactly one is set. */
    public record Entry(HopEvent hop, NetfilterVerdict netfilter) {
    }

    /** The next hop or netfilter verdict in recording order, or null at the end of the file. */
    public Entry readEntry() throws IOException {
        wantNetfilter = true;
        try {
            HopEvent hop = read();
            if (pendingNetfilter != null) {
                NetfilterVerdict v = pendingNetfilter;
                pendingNetfilter = null;
                return new Entry(null, v);
            }
            return hop == null ? null : new Entry(hop, null);
        } finally {
            wantNetfilter = false;
        }
    }

    /** The next hop, or null at the end of the file (see {@link #ending()}); netfilter verdicts are skipped. */
    public HopEvent read() throws IOException {
        while (ending == Ending.NOT_REACHED) {
            long frameOffset = offset;
            int got = readUpTo(frameHeader);
            if (got == 0) {
                ending = Ending.NO_END_MARKER;
                break;
            }
            if (got < frameHeader.length) {
                ending = Ending.TRUNCATED_FRAME;
                break;
            }
            ByteBuffer h = ByteBuffer.wrap(frameHeader).order(ByteOrder.LITTLE_ENDIAN);
            int type = Byte.toUnsignedInt(h.get(0));
            long length = Integer.toUnsignedLong(h.getInt(1));
            if (length > TraceFormat.MAX_FRAME_LENGTH) {
                throw corrupt(frameOffset, "frame of " + length + " bytes");
            }
            byte[] payload = new byte[(int) length];
            if (readUpTo(payload) < payload.length) {
                ending = Ending.TRUNCATED_FRAME;
                break;
            }
            HopEvent hop = frame(frameOffset, type, ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN));
            if (hop != null) {
                hops++;
                return hop;
            }
            if (pendingNetfilter != null) {
                return null;
            }
        }
        return null;
    }

    private NetfilterVerdict netfilter(long frameOffset, ByteBuffer payload) throws TraceFileException {
        need(frameOffset, payload, Long.BYTES, "netfilter verdict");
        long netns = payload.getLong();
        String[] texts = new String[6];
        for (int i = 0; i < texts.length; i++) {
            need(frameOffset, payload, Short.BYTES, "netfilter verdict");
            int length = Short.toUnsignedInt(payload.getShort());
            need(frameOffset, payload, length, "netfilter verdict");
            texts[i] = utf8(payload.slice().limit(length));
            payload.position(payload.position() + length);
        }
        Crossing packet = null;
        if (payload.remaining() > 0) {
            HopEvent decoded;
            try {
                decoded = HopRecord.decode(payload.slice());
            } catch (IllegalArgumentException e) {
                throw corrupt(frameOffset, "netfilter packet: " + e.getMessage());
            }
            if (!(decoded instanceof Crossing crossing)) {
                throw corrupt(frameOffset, "netfilter packet is not a crossing: " + decoded.getClass().getSimpleName());
            }
            packet = crossing;
        }
        return new NetfilterVerdict(netns, texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], packet);
    }

    /** A drop with the reason and location names its recording machine wrote as metadata. */
    private HopEvent named(HopEvent event) {
        if (!(event instanceof Drop drop) || drop.reasonName() != null) {
            return event;
        }
        String reason = metadata.get(TraceFormat.DROP_REASON_KEY + drop.reason());
        String location = metadata.get(TraceFormat.DROP_LOCATION_KEY + Long.toHexString(drop.location()));
        return reason == null && location == null ? event : drop.named(reason, location);
    }

    private HopEvent frame(long frameOffset, int type, ByteBuffer payload) throws TraceFileException {
        switch (type) {
            case TraceFormat.HOP:
                // a record may end early where what it holds does (no verdict, no quoted header)
                if (payload.remaining() > recordSize || payload.remaining() < HopRecord.SIZE_V1) {
                    throw corrupt(frameOffset, "hop frame of " + payload.remaining() + " bytes, expected "
                            + HopRecord.SIZE_V1 + " to " + recordSize);
                }
                try {
                    return named(HopRecord.decode(payload));
                } catch (IllegalArgumentException e) {
                    throw corrupt(frameOffset, e.getMessage());
                }
            case TraceFormat.NETNS_NAME:
                need(frameOffset, payload, Long.BYTES, "namespace name");
                long inode = payload.getLong();
                netnsNames.put(inode, utf8(payload));
                return null;
            case TraceFormat.LOST:
                need(frameOffset, payload, Long.BYTES, "lost events");
                lostEvents = Math.max(lostEvents, payload.getLong());
                return null;
            case TraceFormat.META:
                need(frameOffset, payload, Short.BYTES, "metadata");
                int keyLength = Short.toUnsignedInt(payload.getShort());
                need(frameOffset, payload, keyLength, "metadata");
                ByteBuffer key = payload.slice().limit(keyLength);
                payload.position(payload.position() + keyLength);
                metadata.put(utf8(key), utf8(payload));
                return null;
            case TraceFormat.NETFILTER:
                if (wantNetfilter) {
                    pendingNetfilter = netfilter(frameOffset, payload);
                }
                return null;
            case TraceFormat.END:
                ending = Ending.COMPLETE;
                return null;
            case 0:
                throw corrupt(frameOffset, "frame type 0 (zeroed bytes?)");
            default:
                return null; // a frame type added after this version: skip it
        }
    }

    /** How the file ended so far. */
    public Ending ending() {
        return ending;
    }

    /** What to tell the user when the file did not end with its END frame. */
    public Optional<String> warning() {
        switch (ending) {
            case NO_END_MARKER:
                return Optional.of(source + ": trace ends after " + hops
                        + " hops without an end marker (writer killed or still writing)");
            case TRUNCATED_FRAME:
                return Optional.of(source + ": trace cut short at byte " + offset + " after " + hops
                        + " hops (writer killed or still writing)");
            default:
                return Optional.empty();
        }
    }

    /** Namespace names found so far, as a live view. */
    public Names names() {
        return inode -> Optional.ofNullable(netnsNames.get(inode));
    }

    /** Namespace names found so far: inode to name. */
    public Map<Long, String> netnsNames() {
        return Collections.unmodifiableMap(netnsNames);
    }

    /** Metadata found so far, in file order. */
    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** The kernel's lost-event total as last recorded so far. */
    public long lostEvents() {
        return lostEvents;
    }

    /** Hops read so far. */
    public long hops() {
        return hops;
    }

    public int version() {
        return version;
    }

    /** The remaining hops; I/O and format errors surface as {@link UncheckedIOException}. */
    @Override
    public Iterator<HopEvent> iterator() {
        return new Iterator<>() {
            private HopEvent next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = read();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next != null;
            }

            @Override
            public HopEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                HopEvent hop = next;
                next = null;
                return hop;
            }
        };
    }

    /** The remaining hops as a sequential stream (see {@link #iterator()}). */
    public Stream<HopEvent> events() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads until {@code buffer} is full or the stream ends; returns the bytes read. */
    private int readUpTo(byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        offset += n;
        return n;
    }

    private void need(long frameOffset, ByteBuffer payload, int bytes, String what) throws TraceFileException {
        if (payload.remaining() < bytes) {
            throw corrupt(frameOffset, what + " frame too short");
        }
    }

    private static String utf8(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    private TraceFileException notATrace(String why) {
        return new TraceFileException(source + ": not a netjourney trace file: " + why);
    }

    private TraceFileException corrupt(long frameOffset, String why) {
        return new TraceFileException(source + ": corrupt trace file at byte " + frameOffset + ": " + why);
    }
}
