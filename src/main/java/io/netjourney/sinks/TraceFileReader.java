package io.netjourney.sinks;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.capture.Names;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * events cleanly; {@link #ending()} and {@link #warning()} tell. Damaged frames are skipped and the reading goes
 * on at the next good one; {@link #skipped()} and {@link #warning()} tell. A file that is not a trace or whose
 * header is damaged, or a version 1 file (no checksums) with a frame that does not decode, raises
 * {@link TraceFileException} with a message for the user. Not thread-safe.
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

    private final Lookahead in;
    private final String source;
    private final TraceHeader header;
    private final FrameSource frames;
    private final SkippedFrames skipped = new SkippedFrames();
    /** While {@link #readEntry()} reads: netfilter verdicts are returned, not skipped. */
    private boolean wantNetfilter;
    private NetfilterVerdict pendingNetfilter;
    private final Map<Long, String> netnsNames = new HashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private long hops;
    private long lostEvents;

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
        this.in = new Lookahead(in);
        this.source = source;
        this.header = TraceHeader.read(this.in, source);
        this.frames = FrameSource.of(header, this.in, source, skipped);
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
        for (FrameSource.Frame frame = frames.next(); frame != null; frame = frames.next()) {
            HopEvent hop;
            try {
                hop = content(frame.type(), frame.payload());
            } catch (UnreadableFrame e) {
                frames.unreadable(frame, e.getMessage());
                continue;
            }
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

    private NetfilterVerdict netfilter(ByteBuffer payload) throws UnreadableFrame {
        need(payload, Long.BYTES, "netfilter verdict");
        long netns = payload.getLong();
        String[] texts = new String[6];
        for (int i = 0; i < texts.length; i++) {
            need(payload, Short.BYTES, "netfilter verdict");
            int length = Short.toUnsignedInt(payload.getShort());
            need(payload, length, "netfilter verdict");
            texts[i] = utf8(payload.slice().limit(length));
            payload.position(payload.position() + length);
        }
        Crossing packet = null;
        if (payload.remaining() > 0) {
            HopEvent decoded;
            try {
                decoded = HopRecord.decode(payload.slice());
            } catch (IllegalArgumentException e) {
                throw new UnreadableFrame("netfilter packet: " + e.getMessage());
            }
            if (!(decoded instanceof Crossing crossing)) {
                throw new UnreadableFrame("netfilter packet is not a crossing: " + decoded.getClass().getSimpleName());
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

    private HopEvent content(int type, ByteBuffer payload) throws UnreadableFrame {
        switch (type) {
            case TraceFormat.HOP:
                // a record may end early where what it holds does (no verdict, no quoted header)
                if (payload.remaining() > header.recordSize() || payload.remaining() < HopRecord.SIZE_V1) {
                    throw new UnreadableFrame("hop frame of " + payload.remaining() + " bytes, expected "
                            + HopRecord.SIZE_V1 + " to " + header.recordSize());
                }
                try {
                    return named(HopRecord.decode(payload));
                } catch (IllegalArgumentException e) {
                    throw new UnreadableFrame(e.getMessage());
                }
            case TraceFormat.NETNS_NAME:
                need(payload, Long.BYTES, "namespace name");
                long inode = payload.getLong();
                netnsNames.put(inode, utf8(payload));
                return null;
            case TraceFormat.LOST:
                need(payload, Long.BYTES, "lost events");
                lostEvents = Math.max(lostEvents, payload.getLong());
                return null;
            case TraceFormat.META:
                need(payload, Short.BYTES, "metadata");
                int keyLength = Short.toUnsignedInt(payload.getShort());
                need(payload, keyLength, "metadata");
                ByteBuffer key = payload.slice().limit(keyLength);
                payload.position(payload.position() + keyLength);
                metadata.put(utf8(key), utf8(payload));
                return null;
            case TraceFormat.NETFILTER:
                if (wantNetfilter) {
                    pendingNetfilter = netfilter(payload);
                }
                return null;
            case TraceFormat.END:
                return null;
            case 0:
                throw new UnreadableFrame("frame type 0 (zeroed bytes?)");
            default:
                return null; // a frame type added after this version: skip it
        }
    }

    /** How the file ended so far. */
    public Ending ending() {
        return frames.ending();
    }

    /** What was skipped so far as damaged. */
    public SkippedFrames skipped() {
        return skipped;
    }

    /** What to tell the user about damage skipped and a file that did not end with its END frame. */
    public Optional<String> warning() {
        List<String> warnings = new ArrayList<>();
        skipped.describe().ifPresent(warnings::add);
        endingWarning().ifPresent(warnings::add);
        return warnings.isEmpty() ? Optional.empty() : Optional.of(source + ": " + String.join("; ", warnings));
    }

    private Optional<String> endingWarning() {
        switch (ending()) {
            case NO_END_MARKER:
                return Optional.of("trace ends after " + hops
                        + " hops without an end marker (writer killed or still writing)");
            case TRUNCATED_FRAME:
                return Optional.of("trace cut short at byte " + frames.endOffset() + " after " + hops
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
        return header.version();
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

    private static void need(ByteBuffer payload, int bytes, String what) throws UnreadableFrame {
        if (payload.remaining() < bytes) {
            throw new UnreadableFrame(what + " frame too short");
        }
    }

    private static String utf8(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    /** A whole frame whose content does not decode; the message says why. */
    private static final class UnreadableFrame extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableFrame(String why) {
            super(why, null, false, false);
        }
    }
}
