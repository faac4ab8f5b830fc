package io.netjourney.ui.model;

import io.netjourney.capture.DeviceKind;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
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
 * The namespaces, interfaces and links seen so far, in first-seen order. Namespace labels are looked up once,
 * when the namespace is first seen. Namespaces and interfaces that no longer exist on the machine are marked gone
 * and removed {@link #GONE_KEPT_NS} later, unless something still in use needs them.
 */
final class GraphModel {
    /** How long a namespace or interface that no longer exists stays in the diagram, greyed. */
    static final long GONE_KEPT_NS = 60_000_000_000L;

    private final Names names;
    private final Map<Long, String> namespaceLabels = new HashMap<>();
    private final List<DiagramGraph.Namespace> namespaces = new ArrayList<>();
    /** Keyed by {@link #key(long, int)}: no string built per crossing. */
    private final Map<Long, InterfaceNode> byKey = new HashMap<>();
    private final Map<String, InterfaceNode> byId = new HashMap<>();
    private final List<DiagramGraph.Interface> interfaces = new ArrayList<>();
    private final List<DiagramGraph.Link> links = new ArrayList<>();
    /** When each namespace (by inode) and interface (by id) was first seen missing. */
    private final Map<Long, Long> namespacesGoneSince = new LinkedHashMap<>();
    private final Map<String, Long> interfacesGoneSince = new LinkedHashMap<>();
    private boolean changed;

    GraphModel(Names names) {
        this.names = names;
    }

    /** The node of the interface a crossing is on, added (with its namespace) when first seen. */
    InterfaceNode node(HopEvent e) {
        InterfaceNode node = byKey.get(key(e.netnsInode(), e.ifindex()));
        return node != null ? node : add(e);
    }

    /**
     * A packet stepped from one interface to the next: adds the link the first time, and infers veth peers
     * (tx on a veth, next rx on a veth in another namespace).
     */
    void step(InterfaceNode from, Hook fromHook, InterfaceNode to, Hook toHook) {
        if (from.neighbours.add(to)) {
            to.neighbours.add(from);
            links.add(new DiagramGraph.Link(from.id(), to.id()));
            changed = true;
        }
        if (from.veth && to.veth && from.peer == null && to.peer == null
                && from.diagram.netnsInode() != to.diagram.netnsInode()
                && fromHook.direction() == Hook.Direction.TX && toHook.direction() == Hook.Direction.RX) {
            from.peer = to;
            to.peer = from;
        }
    }

    /** Whether something was added since the last call. */
    boolean takeChanged() {
        boolean result = changed;
        changed = false;
        return result;
    }

    DiagramGraph snapshot() {
        return new DiagramGraph(namespaces, interfaces, links, namespacesGoneSince.keySet(),
                interfacesGoneSince.keySet());
    }

    /**
     * Marks what no longer exists as gone (and what exists again as not), and removes what has been gone for
     * {@link #GONE_KEPT_NS}, except the interfaces in {@code inUse} and their namespaces.
     */
    void applyLiveness(Liveness live, long nowNs, Set<String> inUse) {
        for (DiagramGraph.Namespace ns : namespaces) {
            markGone(namespacesGoneSince, ns.inode(), !live.namespaceExists(ns.inode()), nowNs);
        }
        for (DiagramGraph.Interface i : interfaces) {
            markGone(interfacesGoneSince, i.id(), !live.interfaceExists(i.netnsInode(), i.ifindex()), nowNs);
        }
        Set<Long> namespacesInUse = new HashSet<>();
        for (String id : inUse) {
            InterfaceNode node = byId.get(id);
            if (node != null) {
                namespacesInUse.add(node.diagram.netnsInode());
            }
        }
        Set<String> expired = new HashSet<>();
        interfacesGoneSince.forEach((id, since) -> {
            InterfaceNode node = byId.get(id);
            if (nowNs - since >= GONE_KEPT_NS && !inUse.contains(id)
                    && (node == null || !namespacesInUse.contains(node.diagram.netnsInode()))) {
                expired.add(id);
            }
        });
        Set<Long> expiredNamespaces = new HashSet<>();
        namespacesGoneSince.forEach((inode, since) -> {
            if (nowNs - since >= GONE_KEPT_NS && !namespacesInUse.contains(inode)) {
                expiredNamespaces.add(inode);
            }
        });
        if (!expired.isEmpty() || !expiredNamespaces.isEmpty()) {
            remove(expired, expiredNamespaces);
        }
    }

    private <K> void markGone(Map<K, Long> goneSince, K key, boolean gone, long nowNs) {
        if (gone && !goneSince.containsKey(key)) {
            goneSince.put(key, nowNs);
            changed = true;
        } else if (!gone && goneSince.remove(key) != null) {
            changed = true;
        }
    }

    /** Drops these interfaces, and these namespaces with every interface in them, and the links they had. */
    private void remove(Set<String> expired, Set<Long> expiredNamespaces) {
        Set<String> removedIds = new HashSet<>(expired);
        for (DiagramGraph.Interface i : interfaces) {
            if (expiredNamespaces.contains(i.netnsInode())) {
                removedIds.add(i.id());
            }
        }
        interfaces.removeIf(i -> removedIds.contains(i.id()));
        links.removeIf(l -> removedIds.contains(l.fromId()) || removedIds.contains(l.toId()));
        for (String id : removedIds) {
            InterfaceNode node = byId.remove(id);
            interfacesGoneSince.remove(id);
            if (node != null) {
                byKey.remove(key(node.diagram.netnsInode(), node.diagram.ifindex()));
                for (InterfaceNode neighbour : node.neighbours) {
                    neighbour.neighbours.remove(node);
                }
            }
        }
        namespaces.removeIf(ns -> expiredNamespaces.contains(ns.inode()));
        expiredNamespaces.forEach(inode -> {
            namespacesGoneSince.remove(inode);
            namespaceLabels.remove(inode);
        });
        changed = true;
    }

    InterfaceNode byId(String id) {
        return byId.get(id);
    }

    Optional<NodeDetails> details(String id) {
        InterfaceNode node = byId.get(id);
        if (node == null) {
            return Optional.empty();
        }
        DiagramGraph.Interface i = node.diagram;
        String masterName = null;
        if (i.masterId() != null) {
            InterfaceNode master = byId.get(i.masterId());
            masterName = master != null ? master.diagram.name()
                    : "ifindex " + i.masterId().substring(i.masterId().indexOf(':') + 1);
        }
        InterfaceNode peer = node.peer;
        return Optional.of(new NodeDetails(i.id(), i.kind(), i.ifindex(), i.name(), i.netnsInode(), node.namespace,
                i.masterId(), masterName, peer == null ? null : peer.id(), peer == null ? null : peer.diagram.name(),
                peer == null ? null : peer.namespace));
    }

    void clear() {
        namespaceLabels.clear();
        namespaces.clear();
        byKey.clear();
        byId.clear();
        interfaces.clear();
        links.clear();
        namespacesGoneSince.clear();
        interfacesGoneSince.clear();
        changed = false;
    }

    private InterfaceNode add(HopEvent e) {
        long inode = e.netnsInode();
        String namespace = namespaceLabels.get(inode);
        if (namespace == null) {
            namespace = names.netnsName(inode).orElse(Long.toString(inode));
            namespaceLabels.put(inode, namespace);
            namespaces.add(new DiagramGraph.Namespace(inode, namespace));
        }
        String masterId = e.masterIfindex() != 0 ? DiagramGraph.idOf(inode, e.masterIfindex()) : null;
        DeviceKind kind = e.deviceKind();
        DiagramGraph.Interface diagram = new DiagramGraph.Interface(DiagramGraph.idOf(inode, e.ifindex()), inode,
                e.ifindex(), e.ifname(), kind.label(), masterId);
        InterfaceNode node = new InterfaceNode(diagram, namespace, kind == DeviceKind.VETH);
        byKey.put(key(inode, e.ifindex()), node);
        byId.put(diagram.id(), node);
        interfaces.add(diagram);
        changed = true;
        return node;
    }

    /** Netns inodes are 32-bit, so inode and ifindex fit one long. */
    private static long key(long inode, int ifindex) {
        return inode << 32 | (ifindex & 0xFFFF_FFFFL);
    }
}
