package io.netjourney.journey;

import java.util.ArrayList;
import java.util.List;

/**
 * A flow with its mtr-style statistics per hop, request and reply, over the packets the assembler retained.
 *
 * @param requests packets of the request direction retained (the statistics' sample)
 * @param replies  likewise for the reply direction; ICMP errors that answered packets of the flow are not replies
 *                 here (their path starts where the error was made), they are {@code answers}
 * @param answers  what the flow's retained ICMP errors answered, in the order they came
 */
public record FlowReport(FlowSummary flow, int requests, int replies, List<PathStatistics.Hop<Place>> request,
                         List<PathStatistics.Hop<Place>> reply, List<Answer> answers) {

    /** Where a hop is: an interface in a namespace (its name as the reference packet saw it). */
    public record Place(long netnsInode, int ifindex, String ifname) {
    }

    /** The report of every retained flow of the assembler, in flow order. */
    public static List<FlowReport> of(JourneyAssembler assembler) {
        List<FlowReport> reports = new ArrayList<>();
        for (FlowSummary flow : assembler.flows()) {
            List<PathStatistics.Path<Place>> requests = new ArrayList<>();
            List<PathStatistics.Path<Place>> replies = new ArrayList<>();
            List<Answer> answers = new ArrayList<>();
            for (PacketJourney packet : assembler.packets(flow.flowId())) {
                Answer answer = packet.hops().isEmpty() ? null : packet.hops().get(0).answers();
                if (answer != null) {
                    answers.add(answer);
                } else {
                    (packet.direction() == PacketDirection.REQUEST ? requests : replies).add(path(packet));
                }
            }
            reports.add(new FlowReport(flow, requests.size(), replies.size(), PathStatistics.of(requests),
                    PathStatistics.of(replies), answers));
        }
        return reports;
    }

    /** A packet's path (its deepest branch, see {@link Branches#deepest}) as statistics steps. */
    private static PathStatistics.Path<Place> path(PacketJourney packet) {
        List<TracedHop> crossings = new ArrayList<>(packet.hops().size());
        int died = -1;
        for (TracedHop hop : packet.hops()) {
            if (hop.event().isCrossing()) {
                crossings.add(hop);
            } else if (hop.event().isDrop()) {
                died = hop.parent();
            }
        }
        List<PathStatistics.Step<Place>> steps = new ArrayList<>(crossings.size());
        for (TracedHop hop : Branches.deepest(crossings, died)) {
            steps.add(new PathStatistics.Step<>(new Place(hop.event().netnsInode(), hop.event().ifindex(),
                    hop.event().ifname()), hop.deltaNs()));
        }
        return new PathStatistics.Path<>(packet.packetId(), steps);
    }
}
