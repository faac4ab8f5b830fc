package io.netjourney.journey;

import java.util.List;

/**
 * Everything the model knows about one flow, for a view of it: its paths and their statistics, and its story.
 *
 * @param flow        the flow as a list shows it
 * @param request     its request path and statistics
 * @param reply       its reply path and statistics
 * @param events      its retained crossings and drops with the routing decisions, ARP exchanges and netfilter
 *                    verdicts that belong to it, in time order (see {@link JourneyModel#detail(long)})
 * @param firstSeenNs the earliest of its events (crossings, and routing decisions or ARP before them): times in a
 *                    view count from here, so none is negative
 * @param droppedAt   where the request that made the flow dropped died (its last crossing before the drop), or
 *                    the drawn request when that one was lost; else null
 */
public record FlowDetail(FlowView flow, FlowPaths.Direction request, FlowPaths.Direction reply,
                         List<FlowEvent> events, long firstSeenNs, FlowReport.Place droppedAt) {

    public FlowDetail {
        events = List.copyOf(events);
    }
}
