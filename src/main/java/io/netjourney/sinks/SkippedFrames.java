package io.netjourney.sinks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a reader skipped in a damaged trace file: how many frames, how many bytes, and where. */
public final class SkippedFrames {
    /** Offsets named in {@link #describe()}; the rest are counted. */
    private static final int OFFSETS_SHOWN = 5;
    /** Places kept in {@link #places()}: a file damaged all over does not fill the memory with them. */
    private static final int PLACES_KEPT = 1000;

    /**
     * One damaged place.
     *
     * @param offset where the damage starts in the file
     * @param bytes  bytes skipped there (0 where whole frames are missing)
     * @param frames frames lost there, as the sequence numbers tell (at least 1 where they cannot tell)
     * @param why    why a frame that arrived whole was not read, or null for damage
     */
    public record Place(long offset, long bytes, long frames, String why) {
    }

    private final List<Place> places = new ArrayList<>();
    private long count;
    private long frames;
    private long bytes;

    void add(Place place) {
        count++;
        frames += place.frames();
        bytes += place.bytes();
        if (places.size() < PLACES_KEPT) {
            places.add(place);
        }
    }

    /** Frames skipped or missing. */
    public long frames() {
        return frames;
    }

    /** Bytes skipped. */
    public long bytes() {
        return bytes;
    }

    /** The damaged places in file order (the first thousand). */
    public List<Place> places() {
        return Collections.unmodifiableList(places);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** "skipped 3 damaged frames (412 bytes) at offsets 1234, 5678, 9012", or empty if nothing was skipped. */
    public Optional<String> describe() {
        if (isEmpty()) {
            return Optional.empty();
        }
        String what = frames == 0 ? count(bytes, "damaged byte")
                : count(frames, "damaged frame") + " (" + count(bytes, "byte") + ")";
        String where = places.stream().limit(OFFSETS_SHOWN).map(SkippedFrames::where)
                .collect(Collectors.joining(", "));
        String more = count > OFFSETS_SHOWN ? " and " + (count - OFFSETS_SHOWN) + " more" : "";
        return Optional.of("skipped " + what + " at offset" + (count == 1 ? " " : "s ") + where + more);
    }

    private static String where(Place place) {
        return place.why() == null ? Long.toString(place.offset()) : place.offset() + " (" + place.why() + ")";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
