package io.netjourney.journey;

/**
 * The assembler's index from content to packet, over the packets that crossed lately: only a packet whose previous
 * crossing was at most the link window before can be continued by content ({@link JourneyAssembler}), so an older
 * one need not be found. Keeping only the recent ones keeps the index small enough to stay in the cache: when it held
 * every retained packet, a new packet's lookup mostly found an old packet of equal content that had to be read from
 * memory only to be rejected (the JMH benchmarks showed it, see BENCHMARKS.md).
 *
 * <p>Two generations, each a {@link ContentTable} spanning {@code spanNs} of the clock: the current one takes the
 * packets indexed or crossed while it spans the clock, and when its span is over it becomes the previous one, whose
 * entries are dropped at the end of the next span. So a packet stays findable for at least {@code spanNs} after its
 * latest crossing; a span of twice the link window leaves a link window of slack for events that arrive out of order.
 * A packet's {@link PacketState#contentGeneration} says which generation holds it. At most one packet per content
 * across both: indexing a packet displaces a packet of equal content from either. Not thread-safe.
 */
final class ContentIndex {
    /** The {@link PacketState#contentGeneration} of a packet that is not indexed. */
    static final long NONE = -1;

    private final long spanNs;
    private ContentTable current = new ContentTable();
    private ContentTable previous = new ContentTable();
    /** The generation number of {@link #current} (the previous one's is one less) and when its span ends. */
    private long generation = 1;
    private long currentEndsNs;
    private boolean started;

    ContentIndex(long spanNs) {
        if (spanNs <= 0) {
            throw new IllegalArgumentException("spanNs must be positive: " + spanNs);
        }
        this.spanNs = spanNs;
    }

    /** Moves the generations on to the clock {@code nowNs}, dropping the packets indexed more than a span ago. */
    void advance(long nowNs) {
        if (!started) {
            started = true;
            currentEndsNs = after(nowNs);
            return;
        }
        if (nowNs < currentEndsNs) {
            return;
        }
        ContentTable ended = previous;
        ended.clear();
        previous = current;
        current = ended;
        generation++;
        currentEndsNs = after(currentEndsNs);
        if (nowNs >= currentEndsNs) {
            // a quiet period longer than a span: what the previous generation holds is that old too
            previous.clear();
            generation++;
            currentEndsNs = after(nowNs);
        }
    }

    /** A span after {@code ns}, or the end of time. */
    private long after(long ns) {
        long end = ns + spanNs;
        return end < ns ? Long.MAX_VALUE : end;
    }

    /** The packet indexed under content equal to {@code key}, or null. */
    PacketState get(ContentKey key) {
        PacketState packet = current.get(key);
        return packet != null ? packet : previous.get(key);
    }

    /**
     * Indexes {@code packet} under its content in the current generation, unless it is there already; a packet of
     * equal content in either generation is no longer indexed.
     */
    void refresh(PacketState packet) {
        if (packet.contentGeneration == generation) {
            return;
        }
        remove(packet);
        PacketState displaced = current.put(packet);
        if (displaced == null) {
            displaced = previous.get(packet.content);
            if (displaced != null) {
                previous.remove(displaced);
            }
        }
        if (displaced != null) {
            displaced.contentGeneration = NONE;
        }
        packet.contentGeneration = generation;
    }

    /** Removes {@code packet} from the generation that holds it, if any. */
    void remove(PacketState packet) {
        if (packet.contentGeneration == generation) {
            current.remove(packet);
        } else if (packet.contentGeneration == generation - 1) {
            previous.remove(packet);
        }
        packet.contentGeneration = NONE;
    }

    int size() {
        return current.size() + previous.size();
    }
}
