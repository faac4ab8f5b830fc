package io.netjourney.journey;

import io.netjourney.collect.LongKeyMap;
import io.netjourney.capture.DeviceKind;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.RouteDecision;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

    /**
     * What was counted at one interface: its crossings (one per hook that saw a packet there), and the drops of
     * packets whose last crossing before the drop was there (or that the kernel dropped on it), expected ones apart.
     */
    public record Counts(long crossings, long drops, long expectedDrops) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    /** How many routing decisions chose an interface as output, and the latest of them. */
    public record Routes(long count, TracedHop latest) {
    }

    /**
     * What the topology was at one moment. {@code version} grows with every change of its structure (interfaces,
     * links, peers, routes, verdicts), so a presenter can skip what it has drawn; {@code counts} change without it.
     *
     * @param peers      inferred veth peers both ways: a veth whose packet was sent (tx) and next received (rx) on a
     *                   veth in another namespace has that one as its peer (the first such step wins)
     * @param routesOut  per output interface, the routing decisions that chose it
     * @param netfilter  per namespace inode, the latest netfilter verdict given there
     * @param counts     per interface ({@link #keyOf} key), what was counted there; an interface without an entry
     *                   counted nothing
     */
    public record Snapshot(long version, List<Long> namespaces, List<Interface> interfaces, List<Link> links,
                           Map<Long, Long> peers, Map<Long, Routes> routesOut, Map<Long, NetfilterVerdict> netfilter,
                           Map<Long, Counts> counts) {
        public static final Snapshot EMPTY = new Snapshot(0, List.of(), List.of(), List.of(), Map.of(), Map.of(),
                Map.of(), Map.of());

        public Snapshot {
            namespaces = List.copyOf(namespaces);
            interfaces = List.copyOf(interfaces);
            links = List.copyOf(links);
            peers = Map.copyOf(peers);
            routesOut = Map.copyOf(routesOut);
            netfilter = Map.copyOf(netfilter);
            counts = Map.copyOf(counts);
        }

        /** What was counted at the interface with this {@link #keyOf} key. */
        public Counts countsAt(long key) {
            return counts.getOrDefault(key, Counts.NONE);
        }
    }

    private final Set<Long> namespaces = new LinkedHashSet<>();
    /** Every crossing looks its interface up here: no boxing, no allocation once the interface is known. */
    private final LongKeyMap<Node> nodes = new LongKeyMap<>();
    private final List<Interface> interfaces = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<Long, Long> peers = new HashMap<>();
    private final Map<Long, Routes> routesOut = new HashMap<>();
    private final Map<Long, NetfilterVerdict> netfilter = new HashMap<>();
    private long version;
    private boolean counted;
    /** Per interface, what the kernel counted there; empty while it does not count. */
    private Map<Long, Counts> kernelCounts = Map.of();
    private Snapshot snapshot = Snapshot.EMPTY;

    /** Netns inodes are 32-bit, so inode and ifindex fit one long. */
    public static long keyOf(long netnsInode, int ifindex) {
        return netnsInode << 32 | (ifindex & 0xFFFF_FFFFL);
    }

    /** An interface and the interfaces a packet stepped to or from directly (both ways, so a link is kept once). */
    private static final class Node {
        final Interface info;
        long[] neighbours = new long[2];
        int neighbourCount;
        boolean peered;
        long crossings;
        long drops;
        long expectedDrops;

        Node(Interface info) {
            this.info = info;
        }

        boolean linked(long key) {
            for (int i = 0; i < neighbourCount; i++) {
                if (neighbours[i] == key) {
                    return true;
                }
            }
            return false;
        }

        void link(long key) {
            if (neighbourCount == neighbours.length) {
                neighbours = Arrays.copyOf(neighbours, neighbours.length * 2);
            }
            neighbours[neighbourCount++] = key;
        }
    }

    /** A crossing: its interface is added when first seen; {@code from} is the crossing it follows, or null. */
    void crossed(HopEvent from, HopEvent to) {
        long toKey = keyOf(to.netnsInode(), to.ifindex());
        Node toNode = nodes.get(toKey);
        if (toNode == null) {
            toNode = add(to, toKey);
        }
        toNode.crossings++;
        counted = true;
        if (from == null) {
            return;
        }
        long fromKey = keyOf(from.netnsInode(), from.ifindex());
        // the common cases first, without a lookup: the same interface again (another hook), a link known already
        if (fromKey == toKey || toNode.linked(fromKey)) {
            return;
        }
        Node fromNode = nodes.get(fromKey);
        if (fromNode == null) {
            return;
        }
        toNode.link(fromKey);
        fromNode.link(toKey);
        links.add(new Link(fromKey, toKey));
        version++;
        Interface a = fromNode.info;
        Interface b = toNode.info;
        if (a.kind() == DeviceKind.VETH && b.kind() == DeviceKind.VETH && a.netnsInode() != b.netnsInode()
                && from.hook().direction() == Hook.Direction.TX && to.hook().direction() == Hook.Direction.RX
                && !fromNode.peered && !toNode.peered) {
            fromNode.peered = true;
            toNode.peered = true;
            peers.put(fromKey, toKey);
            peers.put(toKey, fromKey);
        }
    }

    /** A drop, counted at {@code at}: the crossing its packet made last before it, or the drop itself. */
    void dropped(HopEvent at, boolean expected) {
        Node node = nodes.get(keyOf(at.netnsInode(), at.ifindex()));
        if (node == null) {
            return;
        }
        if (expected) {
            node.expectedDrops++;
        } else {
            node.drops++;
        }
        counted = true;
    }

    /**
     * What the kernel counted per interface (exact, also while it sends only some packets): from now on these are the
     * counts of the interfaces it counted at; the model's own stand for the others.
     */
    void kernelCounted(Map<Long, Counts> exact) {
        if (!exact.equals(kernelCounts)) {
            kernelCounts = Map.copyOf(exact);
            counted = true;
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

    private Node add(HopEvent e, long key) {
        namespaces.add(e.netnsInode());
        Node added = new Node(new Interface(e.netnsInode(), e.ifindex(), e.ifname(), e.deviceKind(),
                e.masterIfindex()));
        nodes.put(key, added);
        interfaces.add(added.info);
        version++;
        return added;
    }

    public long version() {
        return version;
    }

    /** The topology now; the same object while nothing changed (not even a count). */
    public Snapshot snapshot() {
        if (snapshot.version() != version) {
            snapshot = new Snapshot(version, new ArrayList<>(namespaces), interfaces, links, peers, routesOut,
                    netfilter, counts());
        } else if (counted) {
            Snapshot s = snapshot;
            snapshot = new Snapshot(version, s.namespaces(), s.interfaces(), s.links(), s.peers(), s.routesOut(),
                    s.netfilter(), counts());
        }
        counted = false;
        return snapshot;
    }

    private Map<Long, Counts> counts() {
        Map<Long, Counts> counts = new HashMap<>(interfaces.size() * 2);
        for (Interface i : interfaces) {
            Node node = nodes.get(i.key());
            Counts kernel = kernelCounts.get(i.key());
            if (kernel != null) {
                counts.put(i.key(), kernel);
            } else if (node.crossings + node.drops + node.expectedDrops > 0) {
                counts.put(i.key(), new Counts(node.crossings, node.drops, node.expectedDrops));
            }
        }
        return counts;
    }
}
