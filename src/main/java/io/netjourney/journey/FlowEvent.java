package io.netjourney.journey;

import io.netjourney.capture.netfilter.NetfilterVerdict;

/**
 * One line of a flow's story, in time order: a crossing or drop of one of its packets, a routing decision made for
 * its endpoints, an ARP exchange it waited for, or a netfilter verdict on one of its packets.
 *
 * @param hop         the crossing, drop or routing decision (for a netfilter verdict: the packet it names, placed
 *                    in the deciding namespace, packet id 0)
 * @param place       where it happened: the interface crossed; for a drop the interface its packet crossed last
 *                    before it; for a routing decision the output interface (ifindex 0 when none was found); for a
 *                    netfilter verdict the interface of the crossing it follows
 * @param timestampNs when (a netfilter verdict carries no time: that of the crossing it follows)
 * @param netfilter   the verdict, for a netfilter line; else null
 */
public record FlowEvent(TracedHop hop, FlowReport.Place place, long timestampNs, NetfilterVerdict netfilter) {

    public FlowEvent(TracedHop hop, FlowReport.Place place) {
        this(hop, place, hop.event().timestampNs(), null);
    }
}
