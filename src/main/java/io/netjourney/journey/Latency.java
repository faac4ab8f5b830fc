package io.netjourney.journey;

/**
 * Running latency figures over samples in nanoseconds: how many, the newest (by packet id), mean, best, worst and
 * population standard deviation. The one accumulator behind a hop's statistics ({@link PathStatistics}) and a
 * conversation's ({@link ConversationStatistics}). Not thread-safe.
 */
final class Latency {
    private long count;
    private double sum;
    private double squares;
    private long best = Long.MAX_VALUE;
    private long worst = Long.MIN_VALUE;
    private long last = -1;
    private long lastPacket = Long.MIN_VALUE;

    /** A sample of packet {@code packetId}; a larger id is a newer packet, whose sample becomes the last. */
    void add(long packetId, long ns) {
        count++;
        sum += ns;
        squares += (double) ns * ns;
        best = Math.min(best, ns);
        worst = Math.max(worst, ns);
        if (packetId > lastPacket) {
            lastPacket = packetId;
            last = ns;
        }
    }

    Latency copy() {
        Latency copy = new Latency();
        copy.count = count;
        copy.sum = sum;
        copy.squares = squares;
        copy.best = best;
        copy.worst = worst;
        copy.last = last;
        copy.lastPacket = lastPacket;
        return copy;
    }

    long count() {
        return count;
    }

    /** The newest sample, -1 when none. */
    long last() {
        return last;
    }

    /** NaN when none. */
    double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** -1 when none. */
    long best() {
        return count == 0 ? -1 : best;
    }

    /** -1 when none. */
    long worst() {
        return count == 0 ? -1 : worst;
    }

    /** NaN when none. */
    double stddev() {
        if (count == 0) {
            return Double.NaN;
        }
        double mean = mean();
        return Math.sqrt(Math.max(0, squares / count - mean * mean));
    }
}
