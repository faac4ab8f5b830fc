package io.netjourney.ui.model;

import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.PathStatistics;
import io.netjourney.ui.diagram.Highlight.PathEdge;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics and highlighted edges of one direction of the selected flow, computed by
 * {@link PathStatistics} (the same code as the command line's report) over the retained packets, once per batch
 * that touched the flow.
 */
final class PathAnalysis {
    static final PathAnalysis EMPTY = new PathAnalysis(List.of(), List.of());

    final List<HopStat> stats;
    final List<PathEdge> edges;

    private PathAnalysis(List<HopStat> stats, List<PathEdge> edges) {
        this.stats = stats;
        this.edges = edges;
    }

    static PathAnalysis of(FlowData flow, PacketDirection direction) {
        PacketData path = flow.path(direction);
        if (path == null || path.size() == 0) {
            return EMPTY;
        }
        List<PathStatistics.Path<InterfaceNode>> packets = new ArrayList<>();
        for (PacketData packet : flow.packets.values()) {
            if (packet.direction == direction) {
                packets.add(steps(packet.id, packet.path()));
            }
        }
        List<Crossing> drawn = path.path();
        List<PathStatistics.Hop<InterfaceNode>> hops = PathStatistics.of(steps(path.id, drawn), packets);
        List<HopStat> stats = new ArrayList<>(hops.size());
        for (PathStatistics.Hop<InterfaceNode> hop : hops) {
            Crossing c = drawn.get(hop.hop() - 1);
            stats.add(new HopStat(direction, hop.hop(), c.node().id(), c.node().diagram.name(), c.node().namespace,
                    c.hop().event().hook().tracepoint(), hop.seen(), hop.lost(), hop.lastHop(),
                    hop.lastNs() < 0 ? Double.NaN : Micros.of(hop.lastNs()), hop.meanNs() / 1_000,
                    hop.bestNs() < 0 ? Double.NaN : Micros.of(hop.bestNs()),
                    hop.worstNs() < 0 ? Double.NaN : Micros.of(hop.worstNs())));
        }
        return new PathAnalysis(stats, edges(drawn, stats));
    }

    /** A packet's drawn path (its deepest branch) as statistics steps. */
    private static PathStatistics.Path<InterfaceNode> steps(long packetId, List<Crossing> path) {
        List<PathStatistics.Step<InterfaceNode>> steps = new ArrayList<>(path.size());
        for (Crossing c : path) {
            steps.add(new PathStatistics.Step<>(c.node(), c.hop().deltaNs()));
        }
        return new PathStatistics.Path<>(packetId, steps);
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
}
