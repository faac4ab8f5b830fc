package io.netjourney.journey;

import java.util.ArrayList;
import java.util.List;

/**
 * A flow with its mtr-style statistics per hop, request and reply, over the packets the assembler retained (see
 * {@link FlowPaths}).
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
            reports.add(of(flow, assembler.packets(flow.flowId())));
        }
        return reports;
    }

    /** The report of one flow from its retained packets. */
    static FlowReport of(FlowSummary flow, List<PacketJourney> packets) {
        FlowPaths.Direction request = FlowPaths.of(packets, PacketDirection.REQUEST);
        FlowPaths.Direction reply = FlowPaths.of(packets, PacketDirection.REPLY);
        return new FlowReport(flow, request.packets(), reply.packets(), request.statistics(), reply.statistics(),
                FlowPaths.answers(packets));
    }
}
