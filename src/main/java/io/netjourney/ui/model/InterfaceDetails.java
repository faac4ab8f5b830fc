package io.netjourney.ui.model;

import io.netjourney.capture.names.InterfaceAddress;
import io.netjourney.capture.names.InterfaceInfo;
import io.netjourney.journey.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the Interface tab shows for a clicked interface: what the diagram knows of it ({@link NodeDetails}), what the
 * last scan of its namespace said (MAC, MTU, state, addresses; null when not scanned: only a live capture scans), what
 * the journey model counted there, and the routing decisions and netfilter verdicts about it.
 *
 * @param routes    "12 routing decision(s) chose this interface; the latest: …", or null
 * @param netfilter "latest netfilter verdict in this namespace: …", or null
 */
public record InterfaceDetails(NodeDetails node, InterfaceInfo scanned, Topology.Counts counts, String routes,
                               String netfilter) {

    /** Where a field goes: the left column (the interface in the diagram), the right (its link), or a full line. */
    public enum Place { LEFT, RIGHT, LINE }

    /** One labelled value of the tab; {@code key} is also the last part of its CSS id ("iface-detail-mac"). */
    public record Field(String key, String label, String value, Place place) {
    }

    /** "nj-veth1  (veth, ifindex 3)". */
    public String title() {
        return node.name() + "  (" + node.kind() + ", ifindex " + node.ifindex() + ")";
    }

    /** The tab's fields, in order. */
    public List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("namespace", "namespace", node.namespace() + " · inode " + node.netnsInode(),
                Place.LEFT));
        if (node.masterName() != null) {
            fields.add(new Field("master", "master", node.masterName(), Place.LEFT));
        }
        if (node.peerName() != null) {
            fields.add(new Field("peer", "veth peer", node.peerName() + " in " + node.peerNamespace(), Place.LEFT));
        }
        fields.add(new Field("crossings", "crossings", String.format(Locale.ROOT, "%,d", counts.crossings()),
                Place.LEFT));
        fields.add(new Field("drops", "drops", drops(), Place.LEFT));
        if (scanned == null) {
            fields.add(new Field("link", "link", "not known: interfaces are scanned (ip addr) while capturing on "
                    + "this machine", Place.RIGHT));
        } else {
            fields.add(new Field("mac", "MAC", scanned.mac().isEmpty() ? "none" : scanned.mac(), Place.RIGHT));
            fields.add(new Field("mtu", "MTU", Integer.toString(scanned.mtu()), Place.RIGHT));
            fields.add(new Field("state", "state", scanned.operState().isEmpty() ? "not reported"
                    : scanned.operState(), Place.RIGHT));
            fields.add(new Field("addresses", "addresses", scanned.addresses().isEmpty() ? "none"
                    : scanned.addresses().stream().map(InterfaceAddress::toString).collect(Collectors.joining(", ")),
                    Place.RIGHT));
        }
        if (routes != null) {
            fields.add(new Field("routes", "routing", routes, Place.LINE));
        }
        if (netfilter != null) {
            fields.add(new Field("netfilter", "netfilter", netfilter, Place.LINE));
        }
        return fields;
    }

    private String drops() {
        String real = String.format(Locale.ROOT, "%,d", counts.drops());
        return counts.expectedDrops() == 0 ? real
                : real + String.format(Locale.ROOT, " (and %,d expected, not losses)", counts.expectedDrops());
    }
}
