package io.netjourney.journey;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths of a flow's two directions and their mtr-style statistics, over its retained packets: each packet's
 * path is its deepest branch ({@link Branches#deepest}), and a direction's path is that of its reference packet
 * ({@link PathStatistics#reference}: the most crossings on that branch, the newest on a tie). The one definition of
 * "the path" that the report, the diagram and the statistics share. An ICMP error that answered a packet of the
 * flow is not a reply here (its path starts where the error was made): it is one of the flow's {@link #answers}.
 */
public final class FlowPaths {
    private FlowPaths() {
    }

    /**
     * One direction of a flow.
     *
     * @param packets    retained packets of this direction (the statistics' sample)
     * @param reference  the packet whose path is drawn, or null when there is none
     * @param path       that packet's deepest branch, crossings only, from its first crossing
     * @param statistics per hop of that path
     */
    public record Direction(int packets, PacketJourney reference, List<TracedHop> path,
                            List<PathStatistics.Hop<FlowReport.Place>> statistics) {
        public static final Direction NONE = new Direction(0, null, List.of(), List.of());

        public Direction {
            path = List.copyOf(path);
            statistics = List.copyOf(statistics);
        }
    }

    /** The given direction of these packets (a flow's retained ones). */
    public static Direction of(List<PacketJourney> packets, PacketDirection direction) {
        List<PathStatistics.Path<FlowReport.Place>> paths = new ArrayList<>();
        Map<Long, List<TracedHop>> branches = new HashMap<>();
        Map<Long, PacketJourney> byId = new HashMap<>();
        for (PacketJourney packet : packets) {
            if (packet.direction() != direction || answer(packet) != null) {
                continue;
            }
            List<TracedHop> branch = deepestBranch(packet);
            branches.put(packet.packetId(), branch);
            byId.put(packet.packetId(), packet);
            paths.add(steps(packet.packetId(), branch));
        }
        PathStatistics.Path<FlowReport.Place> reference = PathStatistics.reference(paths);
        if (reference == null) {
            return Direction.NONE;
        }
        return new Direction(paths.size(), byId.get(reference.packetId()), branches.get(reference.packetId()),
                PathStatistics.of(reference, paths));
    }

    /** What the packets that are ICMP errors answered, in the order they came. */
    public static List<Answer> answers(List<PacketJourney> packets) {
        List<Answer> answers = new ArrayList<>();
        for (PacketJourney packet : packets) {
            Answer answer = answer(packet);
            if (answer != null) {
                answers.add(answer);
            }
        }
        return answers;
    }

    private static Answer answer(PacketJourney packet) {
        return packet.hops().isEmpty() ? null : packet.hops().get(0).answers();
    }

    /** Where a crossing was. */
    public static FlowReport.Place placeOf(TracedHop hop) {
        return new FlowReport.Place(hop.event().netnsInode(), hop.event().ifindex(), hop.event().ifname());
    }

    /** The packet's crossings from its first to its deepest one, preferring a branch that was not dropped. */
    static List<TracedHop> deepestBranch(PacketJourney packet) {
        return deepestBranch(packet.hops());
    }

    /** {@link #deepestBranch(PacketJourney)} of a packet's hops (crossings and drops, in arrival order). */
    static List<TracedHop> deepestBranch(List<TracedHop> hops) {
        List<TracedHop> crossings = new ArrayList<>(hops.size());
        int died = -1;
        for (TracedHop hop : hops) {
            if (hop.event() instanceof Crossing) {
                crossings.add(hop);
            } else if (hop.event() instanceof Drop) {
                died = hop.parent();
            }
        }
        return Branches.deepest(crossings, died);
    }

    private static PathStatistics.Path<FlowReport.Place> steps(long packetId, List<TracedHop> branch) {
        List<PathStatistics.Step<FlowReport.Place>> steps = new ArrayList<>(branch.size());
        for (TracedHop hop : branch) {
            steps.add(new PathStatistics.Step<>(placeOf(hop), hop.deltaNs()));
        }
        return new PathStatistics.Path<>(packetId, steps);
    }
}
