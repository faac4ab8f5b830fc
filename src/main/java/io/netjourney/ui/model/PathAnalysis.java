package io.netjourney.ui.model;

import io.netjourney.journey.PacketDirection;
import io.netjourney.ui.diagram.Highlight.PathEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics and highlighted edges of one direction of a flow (definitions in {@link JourneyViewModel}).
 * Computed for the selected flow only, once per batch that touched it.
 */
final class PathAnalysis {
    static final PathAnalysis EMPTY = new PathAnalysis(List.of(), List.of());

    final List<HopStat> stats;
    final List<PathEdge> edges;

    private PathAnalysis(List<HopStat> stats, List<PathEdge> edges) {
        this.stats = stats;
        this.edges = edges;
    }

    /** A hop of a path: the n-th crossing (from 0) of one interface within a packet. */
    private record Step(InterfaceNode node, int occurrence) {
    }

    static PathAnalysis of(FlowData flow, PacketDirection direction) {
        PacketData path = flow.path(direction);
        if (path == null || path.size() == 0) {
            return EMPTY;
        }
        List<Crossing> hops = path.crossings;
        int n = hops.size();
        Map<Step, Integer> positions = new HashMap<>(n * 2);
        List<Step> steps = steps(path);
        for (int i = 0; i < n; i++) {
            positions.putIfAbsent(steps.get(i), i);
        }
        Tally tally = new Tally(n);
        for (PacketData packet : flow.packets.values()) {
            if (packet.direction == direction) {
                tally.add(packet, steps(packet), positions);
            }
        }
        List<HopStat> stats = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Crossing c = hops.get(k);
            stats.add(tally.stat(k, direction, c));
        }
        return new PathAnalysis(stats, edges(hops, stats));
    }

    /** Steps between different interfaces, numbered from 1, labelled with the mean Δt into their end. */
    private static List<PathEdge> edges(List<Crossing> hops, List<HopStat> stats) {
        List<PathEdge> edges = new ArrayList<>(hops.size());
        for (int k = 1; k < hops.size(); k++) {
            InterfaceNode from = hops.get(k - 1).node();
            InterfaceNode to = hops.get(k).node();
            if (from != to) {
                int number = edges.size() + 1;
                double avg = stats.get(k).avgUs();
                String label = Double.isNaN(avg) ? Integer.toString(number)
                        : number + " · " + Micros.format(avg) + " µs";
                edges.add(new PathEdge(from.id(), to.id(), number, label));
            }
        }
        return edges;
    }

    private static List<Step> steps(PacketData packet) {
        List<Crossing> crossings = packet.crossings;
        List<Step> steps = new ArrayList<>(crossings.size());
        Map<InterfaceNode, Integer> seen = new HashMap<>(crossings.size() * 2);
        for (Crossing c : crossings) {
            int occurrence = seen.merge(c.node(), 1, Integer::sum) - 1;
            steps.add(new Step(c.node(), occurrence));
        }
        return steps;
    }

    /** Per path position: packets seen, lost, and the Δt sums. */
    private static final class Tally {
        final int[] seen;
        final int[] lost;
        final long[] deltaCount;
        final long[] deltaSum;
        final long[] best;
        final long[] worst;
        final long[] last;
        final long[] lastPacket;

        Tally(int n) {
            seen = new int[n];
            lost = new int[n];
            deltaCount = new long[n];
            deltaSum = new long[n];
            best = new long[n];
            worst = new long[n];
            last = new long[n];
            lastPacket = new long[n];
            for (int k = 0; k < n; k++) {
                best[k] = Long.MAX_VALUE;
                worst[k] = Long.MIN_VALUE;
                last[k] = -1;
                lastPacket[k] = Long.MIN_VALUE;
            }
        }

        void add(PacketData packet, List<Step> steps, Map<Step, Integer> positions) {
            boolean[] at = new boolean[seen.length];
            for (int i = 0; i < steps.size(); i++) {
                Integer k = positions.get(steps.get(i));
                if (k == null || at[k]) {
                    continue;
                }
                at[k] = true;
                seen[k]++;
                // only a packet that made the path's step (k-1 → k) has a Δt of that step
                Integer previous = i > 0 ? positions.get(steps.get(i - 1)) : null;
                boolean step = previous != null && previous == k - 1;
                long delta = step ? packet.crossings.get(i).hop().deltaNs() : -1;
                if (delta >= 0) {
                    deltaCount[k]++;
                    deltaSum[k] += delta;
                    best[k] = Math.min(best[k], delta);
                    worst[k] = Math.max(worst[k], delta);
                    if (packet.id > lastPacket[k]) {
                        lastPacket[k] = packet.id;
                        last[k] = delta;
                    }
                }
            }
            for (int k = 0; k + 1 < at.length; k++) {
                if (at[k] && !at[k + 1]) {
                    lost[k]++;
                }
            }
        }

        HopStat stat(int k, PacketDirection direction, Crossing c) {
            boolean any = deltaCount[k] > 0;
            double nan = Double.NaN;
            return new HopStat(direction, k + 1, c.node().id(), c.node().diagram.name(), c.node().namespace,
                    c.hop().event().hook().tracepoint(), seen[k], lost[k], k == seen.length - 1,
                    last[k] < 0 ? nan : Micros.of(last[k]),
                    any ? Micros.of(deltaSum[k]) / deltaCount[k] : nan,
                    any ? Micros.of(best[k]) : nan, any ? Micros.of(worst[k]) : nan);
        }
    }
}
