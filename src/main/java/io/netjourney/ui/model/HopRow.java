package io.netjourney.ui.model;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.journey.DropClass;
import io.netjourney.journey.TracedHop;
import io.netjourney.ui.diagram.DiagramGraph;

/**
 * One row of the hop table: one retained crossing of the selected flow. Columns are computed when read, so
 * rebuilding the table once per batch costs one small object per crossing.
 *
 * @param hop         the crossing
 * @param interfaceId the diagram id of the interface it crossed ({@link DiagramGraph#idOf(long, int)})
 * @param namespace   the namespace label (name, or the inode as text)
 * @param offsetNs    time since the flow's first crossing seen by the window
 * @param netfilter   for a netfilter verdict row, the verdict (its packet is {@code hop}); else null
 */
public record HopRow(TracedHop hop, String interfaceId, String namespace, long offsetNs, NetfilterVerdict netfilter) {

    public HopRow(TracedHop hop, String interfaceId, String namespace, long offsetNs) {
        this(hop, interfaceId, namespace, offsetNs, null);
    }

    /** Time offset from the flow's first crossing seen by the window, µs. */
    public double offsetUs() {
        return Micros.of(offsetNs);
    }

    public String offsetText() {
        return Micros.format(offsetUs());
    }

    /**
     * The crossing's hop number along its packet's branch, from 1 (the numbering of the Statistics tab and the
     * diagram's edge labels); blank for a netfilter verdict, which is not a crossing.
     */
    public String hopNumber() {
        return netfilter != null || hop.packetId() == 0 ? "" : Integer.toString(hop.hopIndex() + 1);
    }

    public String interfaceName() {
        return hop.event().ifname();
    }

    /** The tracepoint, e.g. "net_dev_queue". */
    public String hook() {
        return netfilter != null ? "nftables trace" : hop.event().hook().tracepoint();
    }

    /** "request" or "reply". */
    public String direction() {
        return hop.direction().label();
    }

    /** "172.17.0.1 → 172.17.0.2", with ports for TCP and UDP. */
    public String route() {
        return Text.route(hop.event());
    }

    /** The source of {@link #route()}: "172.17.0.1", "172.17.0.1:40000". */
    public String source() {
        return Text.source(hop.event());
    }

    /** The destination of {@link #route()}. */
    public String destination() {
        return Text.destination(hop.event());
    }

    public int length() {
        return hop.event().length();
    }

    /** "seq 3" for an ICMP echo, TCP flags like "[S.]", else "". */
    public String info() {
        if (netfilter != null) {
            return "netfilter " + netfilter.where() + ": " + (netfilter.isPolicy() ? "policy" : netfilter.rule())
                    + " → " + netfilter.verdict();
        }
        String info = Text.info(hop.event());
        if (hop.translation() == null) {
            return info;
        }
        return (info.isEmpty() ? "" : info + " · ") + hop.translation();
    }

    /**
     * {@link #info()} as the hop table shows it below the addresses: an expected drop without its hint (normal
     * operation; the tooltip and the CSV have it whole).
     */
    public String briefInfo() {
        return netfilter != null || hop.translation() != null ? info() : Text.briefInfo(hop.event());
    }

    /** Time since the packet's previous crossing, µs; NaN on its first crossing. */
    public double deltaUs() {
        return hop.deltaNs() < 0 ? Double.NaN : Micros.of(hop.deltaNs());
    }

    /** {@link #deltaUs()} as text, blank on the packet's first crossing. */
    public String deltaText() {
        return Micros.format(deltaUs());
    }

    /** A drop that is normal operation (see {@link DropClass}): shown dimmed, never as a loss. */
    public boolean expectedDrop() {
        return netfilter == null && DropClass.of(hop.event()).expected();
    }

    public HopEvent event() {
        return hop.event();
    }
}
