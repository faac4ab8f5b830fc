package io.netjourney.session;

import io.netjourney.capture.CaptureStats;

/**
 * How many packets the kernel should send one of ({@link Session#setSampling}) so that a front end gets no more
 * events than it takes with room to spare, decided every few tenths of a second from what matched: up at once when
 * the matching events outrun {@link #START_ABOVE} a second (before the kernel's ring fills), down (to every packet in
 * the end) once they stayed low for {@link #CALM_SECONDS} seconds. N is one of 1, 2, 5, 10, 20, 50, ... so that it
 * reads well in a status bar. The kernel counts every packet meanwhile, so counts stay exact. Not thread-safe: one
 * caller (the session's thread, {@link SessionOptions#autoSample()}).
 */
final class AutoSampling {
    /** Matching events a second above which the kernel starts sampling. */
    public static final long START_ABOVE = 20_000;
    /** What is sent a second at most once sampling: what the window's model and views take with room to spare. */
    public static final long SEND_AT_MOST = 10_000;
    static final int CALM_SECONDS = 5;
    private static final int MAX_EVERY = 100_000;

    /** How often the session looks at the matching events' rate: before the kernel's ring fills. */
    static final long CHECK_EVERY_NS = 100_000_000L;

    private int every = 1;
    private long calmNs;
    private long checkedAtNs;
    private long matchedBefore;

    /** Sampling from {@code startNs} on (System.nanoTime()). */
    AutoSampling(long startNs) {
        checkedAtNs = startNs;
    }

    AutoSampling() {
        this(System.nanoTime());
    }

    /** Whether it is time to look at the counters again. */
    boolean due(long nowNs) {
        return nowNs - checkedAtNs >= CHECK_EVERY_NS;
    }

    /** The N to apply, from the kernel's counters now: what matched since the last look (sent, lost or not sent). */
    int after(CaptureStats kernel, long nowNs) {
        long matched = kernel.submitted() + kernel.lost() + kernel.sampledOut();
        int n = next(matched - matchedBefore, nowNs - checkedAtNs);
        matchedBefore = matched;
        checkedAtNs = nowNs;
        return n;
    }

    /** The N in force (1: every packet sent). */
    public int every() {
        return every;
    }

    /**
     * The N to apply after {@code elapsedNs} in which {@code matching} events matched the filter (sent or not, also
     * those lost); {@link #every()} unchanged when nothing is to change.
     */
    public int next(long matching, long elapsedNs) {
        if (elapsedNs <= 0) {
            return every;
        }
        int needed = needed((long) (matching * 1e9 / elapsedNs));
        if (needed > every) {
            every = needed;
            calmNs = 0;
        } else if (needed < every) {
            calmNs += elapsedNs;
            if (calmNs >= CALM_SECONDS * 1_000_000_000L) {
                every = needed;
                calmNs = 0;
            }
        } else {
            calmNs = 0;
        }
        return every;
    }

    /** The smallest N of the ladder that brings what is sent within {@link #SEND_AT_MOST}; 1 below the start. */
    static int needed(long matchingPerSecond) {
        if (matchingPerSecond <= START_ABOVE) {
            return 1;
        }
        for (int decade = 1; decade <= MAX_EVERY; decade *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                long n = (long) decade * step;
                if (n > 1 && (matchingPerSecond + n - 1) / n <= SEND_AT_MOST) {
                    return (int) n;
                }
            }
        }
        return MAX_EVERY;
    }
}
