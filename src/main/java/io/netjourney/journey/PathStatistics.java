package io.netjourney.journey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * mtr-style statistics of one direction of a flow, per hop of a reference path (the packet drawn as the path):
 * how many packets were seen at each hop, how many of those never reached the next one, and the latency of the step
 * into each hop (last, mean, best, worst, standard deviation). A hop is the n-th crossing of one place (an interface)
 * within a packet, so a packet that crosses an interface twice has two hops there. The one implementation of these
 * statistics: the command line's report and the window's Statistics tab both use it.
 */
public final class PathStatistics {
    private PathStatistics() {
    }

    /** One crossing as the statistics see it: where (anything that tells interfaces apart) and the Δt into it. */
    public record Step<P>(P place, long deltaNs) {
    }

    /** One packet's crossings in order; a larger id is a newer packet. */
    public record Path<P>(long packetId, List<Step<P>> steps) {
        public Path {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One hop of the reference path.
     *
     * @param hop      position on the path, from 1
     * @param seen     packets seen at this hop
     * @param lost     of those, the packets never seen at the next hop; 0 for the last hop
     * @param lastHop  whether this is the path's last hop (it has no next, so no loss)
     * @param samples  packets that made the step from the previous hop into this one (0 for the first hop)
     * @param lastNs   the newest such packet's Δt, -1 when none
     * @param meanNs   mean Δt, NaN when none; likewise {@code stddevNs} (population standard deviation)
     * @param bestNs   smallest Δt, -1 when none; likewise {@code worstNs}
     */
    public record Hop<P>(int hop, P place, int seen, int lost, boolean lastHop, long samples, long lastNs,
                         double meanNs, long bestNs, long worstNs, double stddevNs) {
        /** {@code lost / seen} in percent; 0 when nothing was seen. */
        public double lossPercent() {
            return seen == 0 ? 0 : 100.0 * lost / seen;
        }
    }

    /** The packet that stands for a direction's path: the one with the most crossings, the newest on a tie. */
    public static <P> Path<P> reference(List<Path<P>> packets) {
        Path<P> best = null;
        for (Path<P> packet : packets) {
            if (best == null || packet.steps().size() > best.steps().size()
                    || packet.steps().size() == best.steps().size() && packet.packetId() >= best.packetId()) {
                best = packet;
            }
        }
        return best;
    }

    /** Statistics of {@code packets} (one direction of a flow) along {@link #reference(List)}. */
    public static <P> List<Hop<P>> of(List<Path<P>> packets) {
        Path<P> reference = reference(packets);
        return reference == null ? List.of() : of(reference, packets);
    }

    /** Statistics of {@code packets} along the given reference path (one of them). */
    public static <P> List<Hop<P>> of(Path<P> reference, List<Path<P>> packets) {
        List<Position<P>> path = positions(reference.steps());
        int n = path.size();
        Map<Position<P>, Integer> index = new HashMap<>(n * 2);
        for (int k = 0; k < n; k++) {
            index.putIfAbsent(path.get(k), k);
        }
        Tally tally = new Tally(n);
        for (Path<P> packet : packets) {
            tally.add(packet, positions(packet.steps()), index);
        }
        List<Hop<P>> hops = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            hops.add(tally.hop(k, reference.steps().get(k).place()));
        }
        return hops;
    }

    /** The n-th crossing (from 0) of one place within a packet. */
    private record Position<P>(P place, int occurrence) {
        Position {
            Objects.requireNonNull(place);
        }
    }

    private static <P> List<Position<P>> positions(List<Step<P>> steps) {
        List<Position<P>> positions = new ArrayList<>(steps.size());
        Map<P, Integer> seen = new HashMap<>(steps.size() * 2);
        for (Step<P> step : steps) {
            positions.add(new Position<>(step.place(), seen.merge(step.place(), 1, Integer::sum) - 1));
        }
        return positions;
    }

    /** Per position on the path: packets seen and lost, and the Δt of the step into it. */
    private static final class Tally {
        final int[] seen;
        final int[] lost;
        final Latency[] latency;

        Tally(int n) {
            seen = new int[n];
            lost = new int[n];
            latency = new Latency[n];
            for (int k = 0; k < n; k++) {
                latency[k] = new Latency();
            }
        }

        <P> void add(Path<P> packet, List<Position<P>> positions, Map<Position<P>, Integer> index) {
            boolean[] at = new boolean[seen.length];
            for (int i = 0; i < positions.size(); i++) {
                Integer k = index.get(positions.get(i));
                if (k == null || at[k]) {
                    continue;
                }
                at[k] = true;
                seen[k]++;
                // only a packet that made the path's step (k-1 → k) has a Δt for that step
                Integer previous = i > 0 ? index.get(positions.get(i - 1)) : null;
                long delta = previous != null && previous == k - 1 ? packet.steps().get(i).deltaNs() : -1;
                if (delta >= 0) {
                    latency[k].add(packet.packetId(), delta);
                }
            }
            for (int k = 0; k + 1 < at.length; k++) {
                if (at[k] && !at[k + 1]) {
                    lost[k]++;
                }
            }
        }

        <P> Hop<P> hop(int k, P place) {
            Latency l = latency[k];
            return new Hop<>(k + 1, place, seen[k], lost[k], k == seen.length - 1, l.count(), l.last(), l.mean(),
                    l.best(), l.worst(), l.stddev());
        }
    }
}
