package io.netjourney.ui.model;

import io.netjourney.capture.Names;
import io.netjourney.journey.Topology;
import io.netjourney.ui.diagram.DiagramGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The diagram's view of the journey model's {@link Topology}: namespaces labelled by name, interfaces and links by
 * diagram id, and what no longer exists on the machine marked gone and hidden {@link #GONE_KEPT_NS} later unless
 * something still in use needs it. Namespace labels are looked up once, when the namespace is first seen.
 */
final class GraphModel {
    /** How long a namespace or interface that no longer exists stays in the diagram, greyed. */
    static final long GONE_KEPT_NS = 60_000_000_000L;

    private final Names names;
    private final Map<Long, String> namespaceLabels = new HashMap<>();
    private Topology.Snapshot topology = Topology.Snapshot.EMPTY;
    private Map<String, Topology.Interface> byId = Map.of();
    /** When each namespace (by inode) and interface (by id) was first seen missing; and what was hidden since. */
    private final Map<Long, Long> namespacesGoneSince = new LinkedHashMap<>();
    private final Map<String, Long> interfacesGoneSince = new LinkedHashMap<>();
    private final Set<Long> hiddenNamespaces = new HashSet<>();
    private final Set<String> hiddenInterfaces = new HashSet<>();
    private DiagramGraph graph = DiagramGraph.EMPTY;
    private boolean changed;

    GraphModel(Names names) {
        this.names = names;
    }

    /** Takes the model's topology; the diagram changes only when the topology or a namespace's name did. */
    void update(Topology.Snapshot snapshot) {
        if (snapshot.version() == topology.version()) {
            topology = snapshot; // the same structure, newer counts
            if (namesArrived()) {
                rebuild();
            }
            return;
        }
        boolean structural = snapshot.interfaces().size() != topology.interfaces().size()
                || snapshot.links().size() != topology.links().size() || !snapshot.peers().equals(topology.peers());
        topology = snapshot;
        Map<String, Topology.Interface> ids = new HashMap<>(snapshot.interfaces().size() * 2);
        for (Topology.Interface i : snapshot.interfaces()) {
            ids.put(idOf(i), i);
        }
        byId = ids;
        if (structural || graph == DiagramGraph.EMPTY || namesArrived()) {
            rebuild();
        }
    }

    /** Whether a namespace shown by its inode has a name now (resolved in the background since). */
    private boolean namesArrived() {
        for (Long inode : topology.namespaces()) {
            if (!namespaceLabels.containsKey(inode) && names.netnsName(inode).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private void rebuild() {
        List<DiagramGraph.Namespace> namespaces = new ArrayList<>();
        for (Long inode : topology.namespaces()) {
            if (!hiddenNamespaces.contains(inode)) {
                namespaces.add(new DiagramGraph.Namespace(inode, label(inode)));
            }
        }
        List<DiagramGraph.Interface> interfaces = new ArrayList<>();
        for (Topology.Interface i : topology.interfaces()) {
            if (!hidden(i)) {
                interfaces.add(new DiagramGraph.Interface(idOf(i), i.netnsInode(), i.ifindex(), i.name(),
                        i.kind().label(), i.masterIfindex() == 0 ? null
                        : DiagramGraph.idOf(i.netnsInode(), i.masterIfindex())));
            }
        }
        List<DiagramGraph.Link> links = new ArrayList<>();
        for (Topology.Link link : topology.links()) {
            String from = idOf(link.from());
            String to = idOf(link.to());
            if (!hiddenInterfaces.contains(from) && !hiddenInterfaces.contains(to)
                    && !hiddenNamespaces.contains(link.from() >>> 32) && !hiddenNamespaces.contains(link.to() >>> 32)) {
                links.add(new DiagramGraph.Link(from, to));
            }
        }
        Set<Long> goneNamespaces = new HashSet<>(namespacesGoneSince.keySet());
        goneNamespaces.removeAll(hiddenNamespaces);
        Set<String> goneInterfaces = new HashSet<>();
        for (DiagramGraph.Interface i : interfaces) {
            if (interfacesGoneSince.containsKey(i.id())) {
                goneInterfaces.add(i.id());
            }
        }
        graph = new DiagramGraph(namespaces, interfaces, links, goneNamespaces, goneInterfaces);
        changed = true;
    }

    private boolean hidden(Topology.Interface i) {
        return hiddenNamespaces.contains(i.netnsInode()) || hiddenInterfaces.contains(idOf(i));
    }

    /** The namespace's name once known (names are resolved in the background: until then, its inode). */
    private String label(long inode) {
        String known = namespaceLabels.get(inode);
        if (known != null) {
            return known;
        }
        Optional<String> name = names.netnsName(inode);
        name.ifPresent(found -> namespaceLabels.put(inode, found));
        return name.orElse(Long.toString(inode));
    }

    /** Whether the diagram changed since the last call. */
    boolean takeChanged() {
        boolean result = changed;
        changed = false;
        return result;
    }

    DiagramGraph snapshot() {
        return graph;
    }

    /**
     * Marks what no longer exists as gone (and what exists again as not), and hides what has been gone for
     * {@link #GONE_KEPT_NS}, except the interfaces in {@code inUse} and their namespaces.
     */
    void applyLiveness(Liveness live, long nowNs, Set<String> inUse) {
        boolean marks = false;
        for (Long inode : topology.namespaces()) {
            marks |= markGone(namespacesGoneSince, inode, !live.namespaceExists(inode), nowNs);
        }
        for (Topology.Interface i : topology.interfaces()) {
            marks |= markGone(interfacesGoneSince, idOf(i), !live.interfaceExists(i.netnsInode(), i.ifindex()),
                    nowNs);
        }
        Set<Long> namespacesInUse = new HashSet<>();
        for (String id : inUse) {
            Topology.Interface i = byId.get(id);
            if (i != null) {
                namespacesInUse.add(i.netnsInode());
            }
        }
        boolean hid = false;
        for (Map.Entry<String, Long> gone : interfacesGoneSince.entrySet()) {
            Topology.Interface i = byId.get(gone.getKey());
            if (nowNs - gone.getValue() >= GONE_KEPT_NS && !inUse.contains(gone.getKey())
                    && (i == null || !namespacesInUse.contains(i.netnsInode()))) {
                hid |= hiddenInterfaces.add(gone.getKey());
            }
        }
        for (Map.Entry<Long, Long> gone : namespacesGoneSince.entrySet()) {
            if (nowNs - gone.getValue() >= GONE_KEPT_NS && !namespacesInUse.contains(gone.getKey())) {
                hid |= hiddenNamespaces.add(gone.getKey());
            }
        }
        if (marks || hid) {
            rebuild();
        }
    }

    private static <K> boolean markGone(Map<K, Long> goneSince, K key, boolean gone, long nowNs) {
        if (gone && !goneSince.containsKey(key)) {
            goneSince.put(key, nowNs);
            return true;
        }
        return !gone && goneSince.remove(key) != null;
    }

    /** The model's record of an interface, by diagram id (also one hidden from the diagram), or null. */
    Topology.Interface byId(String id) {
        return byId.get(id);
    }

    /** A namespace's label: its name, or its inode as text. */
    String namespace(long inode) {
        return label(inode);
    }

    Topology.Snapshot topology() {
        return topology;
    }

    Optional<NodeDetails> details(String id) {
        Topology.Interface i = byId.get(id);
        if (i == null || hidden(i)) {
            return Optional.empty();
        }
        String masterId = i.masterIfindex() == 0 ? null : DiagramGraph.idOf(i.netnsInode(), i.masterIfindex());
        String masterName = null;
        if (masterId != null) {
            Topology.Interface master = byId.get(masterId);
            masterName = master != null ? master.name() : "ifindex " + i.masterIfindex();
        }
        Long peerKey = topology.peers().get(i.key());
        Topology.Interface peer = peerKey == null ? null : byId.get(idOf(peerKey));
        return Optional.of(new NodeDetails(id, i.kind().label(), i.ifindex(), i.name(), i.netnsInode(),
                label(i.netnsInode()), masterId, masterName, peer == null ? null : idOf(peer),
                peer == null ? null : peer.name(), peer == null ? null : label(peer.netnsInode())));
    }

    void clear() {
        namespaceLabels.clear();
        topology = Topology.Snapshot.EMPTY;
        byId = Map.of();
        namespacesGoneSince.clear();
        interfacesGoneSince.clear();
        hiddenNamespaces.clear();
        hiddenInterfaces.clear();
        graph = DiagramGraph.EMPTY;
        changed = false;
    }

    static String idOf(Topology.Interface i) {
        return DiagramGraph.idOf(i.netnsInode(), i.ifindex());
    }

    static String idOf(long key) {
        return DiagramGraph.idOf(key >>> 32, (int) key);
    }
}
