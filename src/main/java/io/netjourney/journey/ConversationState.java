package io.netjourney.journey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The model's mutable record of one conversation: its retained flows and its running figures. A packet counts once
 * it has settled (no crossing for a while, or pushed out by newer ones, see {@link Conversations}); until then its
 * part is worked out afresh for each view, so a view is never behind. Not thread-safe.
 */
final class ConversationState {
    final long id;
    final ConversationKey key;
    final Set<FlowState> flows = new HashSet<>();
    long flowsSeen;
    long packets;
    /** Packets not settled yet, oldest first. */
    final ArrayDeque<PacketState> pending = new ArrayDeque<>();
    private long seen;
    private long lost;
    private final Latency latency = new Latency();
    private final long[] history = new long[ConversationStatistics.HISTORY];
    private int historyCount;
    /** Its packets the kernel counted, -1 when it does not count. */
    long counted = -1;
    /** Whether {@link Conversations} listed it as changed since its last snapshot. */
    boolean changed;

    ConversationState(long id, ConversationKey key) {
        this.id = id;
        this.key = key;
    }

    /** Counts a packet for good. */
    void settle(PacketState packet) {
        if (packet.answers != null) {
            return;
        }
        seen++;
        if (packet.lost) {
            lost++;
        }
        long transit = transit(packet);
        if (transit >= 0) {
            latency.add(packet.id, transit);
            history[historyCount++ % history.length] = transit;
        }
    }

    /** The figures with the pending packets' part as they stand now. */
    ConversationStatistics statistics() {
        long seenNow = seen;
        long lostNow = lost;
        Latency latencyNow = latency.copy();
        List<Long> samples = new ArrayList<>(history.length);
        int kept = Math.min(historyCount, history.length);
        for (int i = historyCount - kept; i < historyCount; i++) {
            samples.add(history[i % history.length]);
        }
        for (PacketState packet : pending) {
            if (packet.answers != null) {
                continue;
            }
            seenNow++;
            lostNow += packet.lost ? 1 : 0;
            long transit = transit(packet);
            if (transit >= 0) {
                latencyNow.add(packet.id, transit);
                samples.add(transit);
            }
        }
        List<Long> newest = samples.subList(Math.max(0, samples.size() - history.length), samples.size());
        return new ConversationStatistics(seenNow, lostNow, latencyNow.count(), latencyNow.last(), latencyNow.mean(),
                latencyNow.best(), latencyNow.worst(), newest);
    }

    /** A request's way through the traced interfaces (its deepest branch, first to last crossing); else -1. */
    static long transit(PacketState packet) {
        if (packet.lost || packet.direction != PacketDirection.REQUEST) {
            return -1;
        }
        if (packet.branches == 1 && packet.drops == 0) {
            return trunkTransit(packet.hops);
        }
        List<TracedHop> branch = FlowPaths.deepestBranch(packet.hops);
        if (branch.size() < 2) {
            return -1;
        }
        long sum = 0;
        for (int i = 1; i < branch.size(); i++) {
            sum += branch.get(i).deltaNs();
        }
        return sum;
    }

    /** The same for a packet that never split: its crossings follow each other, so their Δt add up. */
    private static long trunkTransit(List<TracedHop> hops) {
        if (hops.size() < 2) {
            return -1;
        }
        long sum = 0;
        for (int i = 1; i < hops.size(); i++) {
            sum += hops.get(i).deltaNs();
        }
        return sum;
    }
}
