package io.netjourney.sinks;

import io.netjourney.sinks.TraceFileReader.Ending;
import java.io.IOException;

/**
 * The frames of a version 1 file: type and length, no checksum. Damage there cannot be told from content, so a
 * frame that does not decode is an error, as it always was.
 */
final class Version1Frames extends FrameSource {
    private final String source;

    Version1Frames(Lookahead in, String source) {
        super(in);
        this.source = source;
    }

    @Override
    protected Frame read() throws IOException {
        int got = in.fill(TraceFormat.FRAME_HEADER_SIZE_V1);
        if (got < TraceFormat.FRAME_HEADER_SIZE_V1) {
            in.skip(got);
            ended(got == 0 ? Ending.NO_END_MARKER : Ending.TRUNCATED_FRAME);
            return null;
        }
        long offset = in.offset();
        int type = Byte.toUnsignedInt(in.get(0));
        long length = Integer.toUnsignedLong(in.slice(1, 4).getInt());
        if (length > TraceFormat.MAX_FRAME_LENGTH) {
            throw corrupt(offset, "frame of " + length + " bytes");
        }
        int size = TraceFormat.FRAME_HEADER_SIZE_V1 + (int) length;
        int whole = in.fill(size);
        if (whole < size) {
            in.skip(whole);
            ended(Ending.TRUNCATED_FRAME);
            return null;
        }
        Frame frame = new Frame(offset, type, in.slice(TraceFormat.FRAME_HEADER_SIZE_V1, (int) length), size);
        in.skip(size);
        return frame;
    }

    @Override
    void unreadable(Frame frame, String why) throws TraceFileException {
        throw corrupt(frame.offset(), why);
    }

    private TraceFileException corrupt(long frameOffset, String why) {
        return new TraceFileException(source + ": corrupt trace file at byte " + frameOffset + ": " + why);
    }
}
