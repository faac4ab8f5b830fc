package io.netjourney.ui.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where things go, by structure alone: which column each namespace takes, which sub-column each interface takes
 * inside its namespace, and the order of both top to bottom. The result depends only on the topology (names and
 * links), never on the order the graph listed things in, so the same topology always gets the same picture.
 *
 * <h2>Columns</h2>
 * Each connected group of namespaces has a hub: the namespace holding the most bridge ports (then the most
 * neighbours, then the most interfaces, then the first name) — the host with its docker0. Its leaves (neighbours
 * linked to nothing but the hub: the containers) go left of it, a column for every {@value #LEAVES_PER_SHORT_COLUMN}
 * of them and at most {@value #MAX_LEAF_COLUMNS} columns, dealt out in rows like text (by name, left to right,
 * then the next row): the rows follow the hub's ports top to bottom, so their links to the hub run side by side,
 * and one more leaf only moves the ones after it, each to the next place. Every other namespace goes right, one
 * column further per step away from the hub (a router, then what lies behind it). When the hub has bridge ports,
 * only namespaces linked to one of them count as its leaves (a router reached by a plain veth stays right of the hub
 * even while nothing is seen behind it). Groups that are not connected get their own columns, one group after the
 * other.
 *
 * <h2>Inside a namespace</h2>
 * Interfaces linked towards the left (to a namespace in an earlier column, or bridge ports) come first, then
 * bridges, then interfaces linked towards the right; interfaces with no link (a container's loopback) go left of
 * all these, side by side in up to {@value #IDLE_SUBS} sub-columns, so a container's box is one interface tall. Top
 * to bottom, namespaces in a column follow their name; an interface follows the order of the namespace its link
 * leads to (so a bridge's ports line up with their containers), then its name.
 */
final class DiagramStructure {
    static final int SUB_IN = 0;
    static final int SUB_MIDDLE = 1;
    static final int SUB_OUT = 2;
    /** Interfaces with no link take at most this many sub-columns of their own, left of the others. */
    static final int IDLE_SUBS = 2;
    /** Leaves take at most this many columns; a column holds this many or fewer when there are few. */
    static final int MAX_LEAF_COLUMNS = 3;
    static final int LEAVES_PER_SHORT_COLUMN = 4;

    /** A namespace's place: its column (any integer, left to right) and its rank top to bottom within it. */
    record NamespacePlace(int column, int order) {
    }

    /** An interface's place inside its namespace: sub-column {@link #SUB_IN}..{@link #SUB_OUT} and rank within it. */
    record InterfacePlace(int sub, int order) {
    }

    private final Map<Long, NamespacePlace> namespaces;
    private final Map<String, InterfacePlace> interfaces;
    private final List<Long> namespaceOrder;

    private DiagramStructure(Map<Long, NamespacePlace> namespaces, Map<String, InterfacePlace> interfaces,
            List<Long> namespaceOrder) {
        this.namespaces = namespaces;
        this.interfaces = interfaces;
        this.namespaceOrder = namespaceOrder;
    }

    NamespacePlace place(long inode) {
        return namespaces.get(inode);
    }

    InterfacePlace place(String interfaceId) {
        return interfaces.get(interfaceId);
    }

    /** Every namespace, left to right by column, then top to bottom. */
    List<Long> namespaces() {
        return namespaceOrder;
    }

    static DiagramStructure of(DiagramGraph graph) {
        Map<Long, String> labels = labels(graph);
        Map<String, DiagramGraph.Interface> byId = new HashMap<>();
        for (DiagramGraph.Interface i : graph.interfaces()) {
            byId.put(i.id(), i);
        }
        Map<Long, Set<Long>> neighbours = new TreeMap<>();
        labels.keySet().forEach(inode -> neighbours.put(inode, new TreeSet<>()));
        /* namespaces linked to a bridge port of another namespace: containers, when their only link is that one */
        Set<Long> viaPort = new HashSet<>();
        for (DiagramGraph.Link link : graph.links()) {
            DiagramGraph.Interface a = byId.get(link.fromId());
            DiagramGraph.Interface b = byId.get(link.toId());
            if (a != null && b != null && a.netnsInode() != b.netnsInode()) {
                neighbours.get(a.netnsInode()).add(b.netnsInode());
                neighbours.get(b.netnsInode()).add(a.netnsInode());
                if (a.masterId() != null) {
                    viaPort.add(b.netnsInode());
                }
                if (b.masterId() != null) {
                    viaPort.add(a.netnsInode());
                }
            }
        }
        Comparator<Long> byName = Comparator.comparing((Long inode) -> labels.get(inode), DiagramStructure::natural)
                .thenComparing(inode -> inode);
        Map<Long, Integer> ports = portCounts(graph);
        Map<Long, Integer> interfaceCounts = new HashMap<>();
        graph.interfaces().forEach(i -> interfaceCounts.merge(i.netnsInode(), 1, Integer::sum));
        Comparator<Long> hubFirst = Comparator.comparing((Long inode) -> -ports.getOrDefault(inode, 0))
                .thenComparing(inode -> -neighbours.get(inode).size())
                .thenComparing(inode -> -interfaceCounts.getOrDefault(inode, 0))
                .thenComparing(byName);

        Map<Long, Integer> columns = new HashMap<>();
        int offset = 0;
        for (List<Long> group : groups(neighbours, byName)) {
            Map<Long, Integer> local = columnsOf(group, neighbours, ports, viaPort, hubFirst, byName);
            int min = local.values().stream().min(Integer::compare).orElse(0);
            int max = local.values().stream().max(Integer::compare).orElse(0);
            for (Map.Entry<Long, Integer> e : local.entrySet()) {
                columns.put(e.getKey(), e.getValue() - min + offset);
            }
            offset += max - min + 1;
        }
        List<Long> order = new ArrayList<>(labels.keySet());
        order.sort(Comparator.comparing((Long inode) -> columns.get(inode)).thenComparing(byName));
        Map<Long, NamespacePlace> nsPlaces = new LinkedHashMap<>();
        Map<Integer, Integer> filled = new HashMap<>();
        for (long inode : order) {
            int column = columns.get(inode);
            nsPlaces.put(inode, new NamespacePlace(column, filled.merge(column, 1, Integer::sum) - 1));
        }
        List<Long> alphabetical = new ArrayList<>(labels.keySet());
        alphabetical.sort(byName);
        Map<Long, Integer> nameRanks = new HashMap<>();
        alphabetical.forEach(inode -> nameRanks.put(inode, nameRanks.size()));
        return new DiagramStructure(nsPlaces, interfacePlaces(graph, byId, nsPlaces, nameRanks), List.copyOf(order));
    }

    /** Every namespace's label (or its inode as text), including namespaces known only through an interface. */
    private static Map<Long, String> labels(DiagramGraph graph) {
        Map<Long, String> labels = new TreeMap<>();
        for (DiagramGraph.Namespace ns : graph.namespaces()) {
            labels.put(ns.inode(), ns.label() == null ? Long.toString(ns.inode()) : ns.label());
        }
        for (DiagramGraph.Interface i : graph.interfaces()) {
            labels.putIfAbsent(i.netnsInode(), Long.toString(i.netnsInode()));
        }
        return labels;
    }

    private static Map<Long, Integer> portCounts(DiagramGraph graph) {
        Map<Long, Integer> ports = new HashMap<>();
        for (DiagramGraph.Interface i : graph.interfaces()) {
            if (i.masterId() != null) {
                ports.merge(i.netnsInode(), 1, Integer::sum);
            }
        }
        return ports;
    }

    /** The connected groups of namespaces, each sorted by name, the groups in the order of their first names. */
    private static List<List<Long>> groups(Map<Long, Set<Long>> neighbours, Comparator<Long> byName) {
        List<Long> all = new ArrayList<>(neighbours.keySet());
        all.sort(byName);
        Set<Long> seen = new HashSet<>();
        List<List<Long>> groups = new ArrayList<>();
        for (long start : all) {
            if (!seen.add(start)) {
                continue;
            }
            List<Long> group = new ArrayList<>();
            Deque<Long> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                long inode = queue.removeFirst();
                group.add(inode);
                for (long next : neighbours.get(inode)) {
                    if (seen.add(next)) {
                        queue.addLast(next);
                    }
                }
            }
            group.sort(byName);
            groups.add(group);
        }
        return groups;
    }

    private static Map<Long, Integer> columnsOf(List<Long> group, Map<Long, Set<Long>> neighbours,
            Map<Long, Integer> ports, Set<Long> viaPort, Comparator<Long> hubFirst, Comparator<Long> byName) {
        long hub = group.stream().min(hubFirst).orElseThrow();
        boolean hubHasPorts = ports.getOrDefault(hub, 0) > 0;
        List<Long> leaves = new ArrayList<>();
        for (long n : neighbours.get(hub)) {
            if (neighbours.get(n).size() == 1 && (!hubHasPorts || viaPort.contains(n))) {
                leaves.add(n);
            }
        }
        leaves.sort(byName);
        Map<Long, Integer> columns = new HashMap<>();
        columns.put(hub, 0);
        int leafColumns = Math.min(MAX_LEAF_COLUMNS,
                (leaves.size() + LEAVES_PER_SHORT_COLUMN - 1) / LEAVES_PER_SHORT_COLUMN);
        for (int i = 0; i < leaves.size(); i++) {
            int across = i % leafColumns;
            columns.put(leaves.get(i), across - leafColumns);
        }
        Deque<Long> queue = new ArrayDeque<>(List.of(hub));
        while (!queue.isEmpty()) {
            long inode = queue.removeFirst();
            for (long next : neighbours.get(inode)) {
                if (!columns.containsKey(next)) {
                    columns.put(next, columns.get(inode) + 1);
                    queue.addLast(next);
                }
            }
        }
        return columns;
    }

    private static Map<String, InterfacePlace> interfacePlaces(DiagramGraph graph,
            Map<String, DiagramGraph.Interface> byId, Map<Long, NamespacePlace> nsPlaces, Map<Long, Integer> nameRanks) {
        Set<String> bridges = new HashSet<>();
        for (DiagramGraph.Interface i : graph.interfaces()) {
            if ("bridge".equals(KindIcons.normalize(i.kind()))) {
                bridges.add(i.id());
            }
            if (i.masterId() != null && byId.containsKey(i.masterId())) {
                bridges.add(i.masterId());
            }
        }
        Map<String, Integer> subs = new HashMap<>();
        /* the name rank of the namespace across an interface's link, to order ports like their peers */
        Map<String, Integer> across = new HashMap<>();
        Set<String> linked = new HashSet<>();
        for (DiagramGraph.Link link : graph.links()) {
            DiagramGraph.Interface a = byId.get(link.fromId());
            DiagramGraph.Interface b = byId.get(link.toId());
            if (a == null || b == null || a.id().equals(b.id())) {
                continue;
            }
            linked.add(a.id());
            linked.add(b.id());
            if (a.netnsInode() != b.netnsInode()) {
                side(a, b, nsPlaces, subs);
                side(b, a, nsPlaces, subs);
                across.merge(a.id(), nameRanks.get(b.netnsInode()), Math::min);
                across.merge(b.id(), nameRanks.get(a.netnsInode()), Math::min);
            }
        }
        Set<String> routedFromBridge = new HashSet<>();
        for (DiagramGraph.Link link : graph.links()) {
            DiagramGraph.Interface a = byId.get(link.fromId());
            DiagramGraph.Interface b = byId.get(link.toId());
            if (a != null && b != null && a.netnsInode() == b.netnsInode()) {
                if (bridges.contains(a.id()) && !a.id().equals(b.masterId())) {
                    routedFromBridge.add(b.id());
                }
                if (bridges.contains(b.id()) && !b.id().equals(a.masterId())) {
                    routedFromBridge.add(a.id());
                }
            }
        }
        Map<Long, Integer> firstSub = new HashMap<>();
        for (DiagramGraph.Interface i : graph.interfaces()) {
            int sub;
            if (bridges.contains(i.id())) {
                sub = SUB_MIDDLE;
            } else if (subs.containsKey(i.id())) {
                sub = subs.get(i.id());
            } else if (i.masterId() != null) {
                sub = SUB_IN;
            } else if (routedFromBridge.contains(i.id())) {
                sub = SUB_OUT;
            } else {
                continue;
            }
            subs.put(i.id(), sub);
            firstSub.merge(i.netnsInode(), sub, Math::min);
            linked.add(i.id());
        }
        Map<Long, List<DiagramGraph.Interface>> idle = new TreeMap<>();
        for (DiagramGraph.Interface i : graph.interfaces()) {
            if (!subs.containsKey(i.id())) {
                idle.computeIfAbsent(i.netnsInode(), inode -> new ArrayList<>()).add(i);
            }
        }
        idle.forEach((inode, list) -> {
            list.sort(Comparator.comparing(DiagramGraph.Interface::name, DiagramStructure::natural)
                    .thenComparing(DiagramGraph.Interface::ifindex));
            int columns = Math.min(IDLE_SUBS, list.size());
            int first = firstSub.getOrDefault(inode, SUB_MIDDLE + columns) - columns;
            for (int k = 0; k < list.size(); k++) {
                subs.put(list.get(k).id(), first + k % columns);
            }
        });
        List<DiagramGraph.Interface> sorted = new ArrayList<>(graph.interfaces());
        sorted.sort(Comparator.comparing((DiagramGraph.Interface i) -> i.netnsInode())
                .thenComparing(i -> subs.get(i.id()))
                .thenComparing(i -> linked.contains(i.id()) ? 0 : 1)
                .thenComparing(i -> across.getOrDefault(i.id(), Integer.MAX_VALUE))
                .thenComparing(DiagramGraph.Interface::name, DiagramStructure::natural)
                .thenComparing(DiagramGraph.Interface::ifindex));
        Map<String, InterfacePlace> places = new HashMap<>();
        Map<String, Integer> filled = new HashMap<>();
        for (DiagramGraph.Interface i : sorted) {
            int sub = subs.get(i.id());
            int order = filled.merge(i.netnsInode() + "/" + sub, 1, Integer::sum) - 1;
            places.put(i.id(), new InterfacePlace(sub, order));
        }
        return places;
    }

    /** Puts {@code self} on the side of its namespace that faces {@code other}'s namespace. */
    private static void side(DiagramGraph.Interface self, DiagramGraph.Interface other, Map<Long, NamespacePlace> ns,
            Map<String, Integer> subs) {
        NamespacePlace mine = ns.get(self.netnsInode());
        NamespacePlace theirs = ns.get(other.netnsInode());
        int sub = theirs.column() < mine.column() ? SUB_IN : theirs.column() > mine.column() ? SUB_OUT : SUB_MIDDLE;
        subs.merge(self.id(), sub, Math::min);
    }

    /** Orders names as people do: "ctr2" before "ctr10" (runs of digits compare as numbers), then as text. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
                int byNumber = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (byNumber != 0) {
                    return byNumber;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
