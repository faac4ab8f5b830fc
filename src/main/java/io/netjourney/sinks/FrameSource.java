package io.netjourney.sinks;

import io.netjourney.sinks.TraceFileReader.Ending;
import java.io.IOException;
import java.nio.ByteBuffer;

/** The frames of a trace file after its header, in file order, and how the file ended; one class per version. */
abstract class FrameSource {

    /**
     * A whole frame.
     *
     * @param offset  where it starts in the file
     * @param payload its payload, little endian: valid until the next {@link #next()}
     * @param size    its bytes in the file, header and checksum included
     */
    record Frame(long offset, int type, ByteBuffer payload, int size) {
    }

    protected final Lookahead in;
    private Ending ending = Ending.NOT_REACHED;

    FrameSource(Lookahead in) {
        this.in = in;
    }

    /** The frames of the header's version. */
    static FrameSource of(TraceHeader header, Lookahead in, String source, SkippedFrames skipped) {
        return header.version() == TraceFormat.VERSION_1 ? new Version1Frames(in, source)
                : new CheckedFrames(in, skipped);
    }

    /** The next frame (END included), or null once the file ended. */
    final Frame next() throws IOException {
        if (ending != Ending.NOT_REACHED) {
            return null;
        }
        Frame frame = read();
        if (frame != null && frame.type() == TraceFormat.END) {
            ending = Ending.COMPLETE;
            afterEnd();
        }
        return frame;
    }

    /** Reads the next frame; at the end of the file, says how it ended with {@link #ended} and returns null. */
    protected abstract Frame read() throws IOException;

    /** Called once the END frame was read. */
    protected void afterEnd() throws IOException {
    }

    /** A whole frame whose content cannot be decoded: skipped, or an error where damage cannot be told. */
    abstract void unreadable(Frame frame, String why) throws TraceFileException;

    protected final void ended(Ending how) {
        ending = how;
    }

    final Ending ending() {
        return ending;
    }

    /** The file's length, once it ended. */
    final long endOffset() {
        return in.offset();
    }
}
