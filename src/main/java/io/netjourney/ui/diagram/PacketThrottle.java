package io.netjourney.ui.diagram;

/**
 * Decides whether one more live packet may be animated: at most {@code maxConcurrent} at once and at most
 * {@code perSecond} started per second (a token bucket holding up to {@code burst}). What it refuses is dropped:
 * a flood shows a steady trickle of dots, never a strobe or a queue. Pure logic; the caller gives the time.
 */
final class PacketThrottle {
    private final int maxConcurrent;
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;
    private boolean clockStarted;
    private int running;

    PacketThrottle(int maxConcurrent, double perSecond, double burst) {
        this.maxConcurrent = maxConcurrent;
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** True (and counted as running) when an animation may start now. */
    boolean tryStart(long nowNanos) {
        if (clockStarted) {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
        }
        clockStarted = true;
        lastNanos = nowNanos;
        if (running >= maxConcurrent || tokens < 1) {
            return false;
        }
        tokens -= 1;
        running++;
        return true;
    }

    /** An animation that {@link #tryStart} allowed has ended. */
    void finished() {
        running = Math.max(0, running - 1);
    }

    int running() {
        return running;
    }
}
