package io.netjourney.sinks;

import io.netjourney.sinks.TraceFileReader.Ending;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frames of a version 2 file: each with a sync word, a sequence number and a CRC32C. A frame that fails a check
 * is skipped: the next frame is looked for from the byte after the bad one's start, and the sequence numbers of
 * the next good frame tell how many were lost; a frame seen before (a repeated write) is skipped too. What was
 * skipped goes to {@link SkippedFrames}.
 */
final class CheckedFrames extends FrameSource {
    /** What is at a position. */
    private enum Candidate {
        /** A frame whose checks hold. */
        GOOD,
        /** Not a frame. */
        BAD,
        /** The start of a frame the file ends in. */
        CUT,
        /** The end of the file. */
        NOTHING
    }

    private final SkippedFrames skipped;
    private final CRC32C crc = new CRC32C();
    private int expectedSequence;
    /** The size of the candidate frame just checked. */
    private int candidateSize;

    CheckedFrames(Lookahead in, SkippedFrames skipped) {
        super(in);
        this.skipped = skipped;
    }

    @Override
    protected Frame read() throws IOException {
        long damagedFrom = -1;
        long repeatedFrames = 0;
        long cutFrom = -1;
        while (true) {
            long at = in.offset();
            Candidate candidate = candidate();
            if (candidate == Candidate.GOOD) {
                int ahead = in.slice(TraceFormat.FRAME_SEQUENCE, 4).getInt() - expectedSequence;
                if (ahead < 0) {
                    damagedFrom = damagedFrom < 0 ? at : damagedFrom;
                    repeatedFrames++;
                    in.skip(candidateSize);
                    continue;
                }
                if (damagedFrom >= 0 || ahead > 0) {
                    long from = damagedFrom < 0 ? at : damagedFrom;
                    skipped.add(new SkippedFrames.Place(from, at - from, repeatedFrames + ahead, null));
                }
                expectedSequence += ahead + 1;
                return take(at);
            }
            if (candidate == Candidate.NOTHING) {
                endAt(at, damagedFrom, repeatedFrames, cutFrom);
                return null;
            }
            if (candidate == Candidate.CUT && cutFrom < 0) {
                cutFrom = at;
            }
            damagedFrom = damagedFrom < 0 ? at : damagedFrom;
            in.skip(1);
        }
    }

    /** The file ended at {@code end}: a frame cut there is a cut file, other bytes since the last frame damage. */
    private void endAt(long end, long damagedFrom, long repeatedFrames, long cutFrom) {
        long damageEnd = cutFrom < 0 ? end : cutFrom;
        if (damagedFrom >= 0 && damageEnd > damagedFrom) {
            skipped.add(new SkippedFrames.Place(damagedFrom, damageEnd - damagedFrom, Math.max(1, repeatedFrames),
                    null));
        }
        ended(cutFrom < 0 ? Ending.NO_END_MARKER : Ending.TRUNCATED_FRAME);
    }

    private Frame take(long at) {
        int length = candidateSize - TraceFormat.FRAME_HEADER_SIZE - TraceFormat.FRAME_CRC_SIZE;
        Frame frame = new Frame(at, Byte.toUnsignedInt(in.get(TraceFormat.FRAME_TYPE)),
                in.slice(TraceFormat.FRAME_HEADER_SIZE, length), candidateSize);
        in.skip(candidateSize);
        return frame;
    }

    /** What starts at the position (consumes nothing; a GOOD frame's size is then in {@link #candidateSize}). */
    private Candidate candidate() throws IOException {
        int header = in.fill(TraceFormat.FRAME_HEADER_SIZE);
        if (header == 0) {
            return Candidate.NOTHING;
        }
        for (int i = 0; i < Math.min(header, TraceFormat.FRAME_SYNC.length); i++) {
            if (in.get(i) != TraceFormat.FRAME_SYNC[i]) {
                return Candidate.BAD;
            }
        }
        if (header < TraceFormat.FRAME_HEADER_SIZE) {
            return Candidate.CUT;
        }
        long length = Integer.toUnsignedLong(in.slice(TraceFormat.FRAME_LENGTH, 4).getInt());
        if (length > TraceFormat.MAX_FRAME_LENGTH) {
            return Candidate.BAD;
        }
        int size = TraceFormat.FRAME_HEADER_SIZE + (int) length + TraceFormat.FRAME_CRC_SIZE;
        if (in.fill(size) < size) {
            return Candidate.CUT;
        }
        int checked = size - TraceFormat.FRAME_CRC_SIZE;
        crc.reset();
        crc.update(in.slice(0, checked));
        if ((int) crc.getValue() != in.slice(checked, TraceFormat.FRAME_CRC_SIZE).getInt()) {
            return Candidate.BAD;
        }
        candidateSize = size;
        return Candidate.GOOD;
    }

    /** Nothing follows END: bytes after it are damage. */
    @Override
    protected void afterEnd() throws IOException {
        long at = in.offset();
        long after = in.skipToEnd();
        if (after > 0) {
            skipped.add(new SkippedFrames.Place(at, after, 0, "after the end marker"));
        }
    }

    @Override
    void unreadable(Frame frame, String why) {
        skipped.add(new SkippedFrames.Place(frame.offset(), frame.size(), 1, why));
    }
}
