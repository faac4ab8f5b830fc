package io.netjourney.ui.model;

import io.netjourney.journey.PacketDirection;

/**
 * One line of the mtr-style statistics: one position on the selected flow's request or reply path (see
 * {@link JourneyViewModel} for the definitions). Latencies are the Δt into this hop from the path's previous hop,
 * µs; NaN where no packet made that step (always for the first hop of a path).
 *
 * @param direction  which path
 * @param hop        position on that path, from 1 (one per crossing, so an interface crossed twice has two)
 * @param seen       retained packets of this direction seen at this hop
 * @param lost       of those, the packets never seen at the next hop; 0 for the path's last hop
 * @param lastHop    whether this is the path's last hop (it has no next, so no loss)
 */
public record HopStat(PacketDirection direction, int hop, String interfaceId, String interfaceName,
                      String namespace, String hook, int seen, int lost, boolean lastHop, double lastUs,
                      double avgUs, double bestUs, double worstUs) {

    /** {@code lost / seen} in percent; 0 when nothing was seen. */
    public double lossPercent() {
        return seen == 0 ? 0 : 100.0 * lost / seen;
    }
}
