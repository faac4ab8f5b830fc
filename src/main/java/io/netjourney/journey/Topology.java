package io.netjourney.journey;

import io.netjourney.capture.DeviceKind;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.RouteDecision;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interfaces packets crossed and the links between them, learnt from the packets' trees: a link joins two
 * interfaces when a crossing on one directly follows a crossing on the other in some packet (so a flooded copy links
 * the bridge to the port it left through, never one port to another). Also what happened at each place: the
 * routing decisions that chose an interface, the latest netfilter verdict in a namespace. Interfaces and namespaces
 * are kept in first-seen order. Not thread-safe: {@link JourneyModel} owns it.
 */
public final class Topology {

    /** An interface as first seen; {@code masterIfindex} is its bridge's (same namespace), 0 for none. */
    public record Interface(long netnsInode, int ifindex, String name, DeviceKind kind, int masterIfindex) {
        public long key() {
            return keyOf(netnsInode, ifindex);
        }
    }

    /** Two interfaces a packet stepped between, by {@link #keyOf} key, in the order first seen. */
    public record Link(long from, long to) {
    }

    /** How many routing decisions chose an interface as output, and the latest of them. */
    public record Routes(long count, TracedHop latest) {
    }

    /**
     * What the topology was at one moment. {@code version} grows with every change, so a presenter can skip a
     * snapshot it already has.
     *
     * @param peers      inferred veth peers both ways: a veth whose packet was sent (tx) and next received (rx) on a
     *                   veth in another namespace has that one as its peer (the first such step wins)
     * @param routesOut  per output interface, the routing decisions that chose it
     * @param netfilter  per namespace inode, the latest netfilter verdict given there
     */
    public record Snapshot(long version, List<Long> namespaces, List<Interface> interfaces, List<Link> links,
                           Map<Long, Long> peers, Map<Long, Routes> routesOut, Map<Long, NetfilterVerdict> netfilter) {
        public static final Snapshot EMPTY = new Snapshot(0, List.of(), List.of(), List.of(), Map.of(), Map.of(),
                Map.of());

        public Snapshot {
            namespaces = List.copyOf(namespaces);
            interfaces = List.copyOf(interfaces);
            links = List.copyOf(links);
            peers = Map.copyOf(peers);
            routesOut = Map.copyOf(routesOut);
            netfilter = Map.copyOf(netfilter);
        }
    }

    private final Set<Long> namespaces = new LinkedHashSet<>();
    private final Map<Long, Interface> interfaces = new LinkedHashMap<>();
    private final Set<Link> linkSet = new HashSet<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<Long, Long> peers = new HashMap<>();
    private final Map<Long, Routes> routesOut = new HashMap<>();
    private final Map<Long, NetfilterVerdict> netfilter = new HashMap<>();
    private long version;
    private Snapshot snapshot = Snapshot.EMPTY;

    /** Netns inodes are 32-bit, so inode and ifindex fit one long. */
    public static long keyOf(long netnsInode, int ifindex) {
        return netnsInode << 32 | (ifindex & 0xFFFF_FFFFL);
    }

    /** A crossing: its interface is added when first seen; {@code from} is the crossing it follows, or null. */
    void crossed(HopEvent from, HopEvent to) {
        long toKey = keyOf(to.netnsInode(), to.ifindex());
        Interface toInterface = interfaces.get(toKey);
        if (toInterface == null) {
            toInterface = add(to);
        }
        if (from == null) {
            return;
        }
        long fromKey = keyOf(from.netnsInode(), from.ifindex());
        if (fromKey == toKey) {
            return;
        }
        if (!linkSet.contains(new Link(toKey, fromKey)) && linkSet.add(new Link(fromKey, toKey))) {
            links.add(new Link(fromKey, toKey));
            version++;
        }
        Interface fromInterface = interfaces.get(fromKey);
        if (fromInterface != null && fromInterface.kind() == DeviceKind.VETH && toInterface.kind() == DeviceKind.VETH
                && fromInterface.netnsInode() != toInterface.netnsInode()
                && from.hook().direction() == Hook.Direction.TX && to.hook().direction() == Hook.Direction.RX
                && !peers.containsKey(fromKey) && !peers.containsKey(toKey)) {
            peers.put(fromKey, toKey);
            peers.put(toKey, fromKey);
            version++;
        }
    }

    /** A routing decision that found its output interface. */
    void routed(TracedHop route) {
        if (route.event() instanceof RouteDecision e && e.found() && e.ifindex() != 0) {
            routesOut.merge(keyOf(e.netnsInode(), e.ifindex()), new Routes(1, route),
                    (old, one) -> new Routes(old.count() + 1, route));
            version++;
        }
    }

    void decided(NetfilterVerdict verdict) {
        netfilter.put(verdict.netnsInode(), verdict);
        version++;
    }

    private Interface add(HopEvent e) {
        if (namespaces.add(e.netnsInode())) {
            version++;
        }
        Interface added = new Interface(e.netnsInode(), e.ifindex(), e.ifname(), e.deviceKind(), e.masterIfindex());
        interfaces.put(added.key(), added);
        version++;
        return added;
    }

    public long version() {
        return version;
    }

    /** The topology now; the same object while nothing changed. */
    public Snapshot snapshot() {
        if (snapshot.version() != version) {
            snapshot = new Snapshot(version, new ArrayList<>(namespaces), new ArrayList<>(interfaces.values()), links,
                    peers, routesOut, netfilter);
        }
        return snapshot;
    }
}
