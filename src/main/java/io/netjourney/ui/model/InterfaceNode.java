package io.netjourney.ui.model;

import io.netjourney.ui.diagram.DiagramGraph;
import java.util.HashSet;
import java.util.Set;

/** The model's record of one interface: its diagram node, namespace label, links seen and inferred veth peer. */
final class InterfaceNode {
    final DiagramGraph.Interface diagram;
    final String namespace;
    final boolean veth;
    /** Interfaces a packet stepped to or from directly (both directions, so each link is kept once). */
    final Set<InterfaceNode> neighbours = new HashSet<>(4);
    InterfaceNode peer;

    InterfaceNode(DiagramGraph.Interface diagram, String namespace, boolean veth) {
        this.diagram = diagram;
        this.namespace = namespace;
        this.veth = veth;
    }

    String id() {
        return diagram.id();
    }
}
