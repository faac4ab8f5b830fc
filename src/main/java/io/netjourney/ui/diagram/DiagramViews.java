package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import io.netjourney.ui.diagram.EdgeGeometry.Curve;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.SVGPath;

/** Makes the scene-graph nodes of the diagram; every themable part gets a style class, the stylesheet the rest. */
final class DiagramViews {
    private DiagramViews() {
    }

    /** The CSS id of an interface node: {@code iface-<inode>-<ifindex>}. */
    static String interfaceCssId(DiagramGraph.Interface iface) {
        return "iface-" + iface.netnsInode() + "-" + iface.ifindex();
    }

    /** The CSS id of a namespace box: {@code ns-<inode>}. */
    static String namespaceCssId(long inode) {
        return "ns-" + inode;
    }

    static String namespaceTitle(DiagramGraph.Namespace ns) {
        String inode = Long.toString(ns.inode());
        String label = ns.label();
        return label == null || label.isBlank() || label.equals(inode) ? "netns " + inode : label + " · " + inode;
    }

    /** The title of a namespace that no longer exists: its name (or inode) and "deleted"; the inode is in the tooltip. */
    static String goneTitle(DiagramGraph.Namespace ns) {
        String inode = Long.toString(ns.inode());
        String label = ns.label();
        return (label == null || label.isBlank() ? inode : label) + " · deleted";
    }

    static Label interfaceNode(DiagramGraph.Interface iface, Rect at) {
        String kind = KindIcons.normalize(iface.kind());
        Label node = new Label(iface.name(), icon(kind));
        node.setId(interfaceCssId(iface));
        node.getStyleClass().addAll("interface-node", "kind-" + kind);
        node.setMinSize(at.width(), at.height());
        node.setPrefSize(at.width(), at.height());
        node.setMaxSize(at.width(), at.height());
        node.relocate(at.x(), at.y());
        StringBuilder tip = new StringBuilder(iface.name()).append('\n').append(kind)
                .append(" · ifindex ").append(iface.ifindex()).append(" · netns ").append(iface.netnsInode());
        if (iface.masterId() != null) {
            tip.append("\nmaster ").append(iface.masterId());
        }
        node.setTooltip(new Tooltip(tip.toString()));
        return node;
    }

    static SVGPath icon(String kind) {
        SVGPath icon = new SVGPath();
        icon.setContent(KindIcons.path(kind));
        icon.getStyleClass().add("kind-icon");
        return icon;
    }

    static Pane namespaceBox(DiagramGraph.Namespace ns) {
        Label title = new Label(namespaceTitle(ns));
        title.getStyleClass().add("namespace-label");
        title.setMaxWidth(DiagramLayout.BOX_WIDTH - 20);
        title.relocate(12, 9);
        title.setTooltip(new Tooltip(namespaceTitle(ns)));
        Pane box = new Pane(title);
        box.setId(namespaceCssId(ns.inode()));
        box.getStyleClass().add("namespace-box");
        return box;
    }

    /** Adds or removes the "gone" style class; true when it changed. */
    static boolean setGone(Node node, boolean gone) {
        boolean was = node.getStyleClass().contains("gone");
        if (gone && !was) {
            node.getStyleClass().add("gone");
        } else if (!gone && was) {
            node.getStyleClass().remove("gone");
        }
        return gone != was;
    }

    static void place(Pane box, Rect at) {
        box.setMinSize(at.width(), at.height());
        box.setPrefSize(at.width(), at.height());
        box.setMaxSize(at.width(), at.height());
        box.relocate(at.x(), at.y());
    }

    static CubicCurve curve(Curve c, String... styleClasses) {
        CubicCurve shape = new CubicCurve(c.start().x(), c.start().y(), c.c1().x(), c.c1().y(),
                c.c2().x(), c.c2().y(), c.end().x(), c.end().y());
        shape.getStyleClass().addAll(styleClasses);
        return shape;
    }

    /** The port → master relation: an elbow through the box's left gutter, {@code gutter} px left of the bridge. */
    static Polyline masterLink(Rect port, Rect bridge, double gutter) {
        double x = bridge.x() - gutter;
        Polyline line = new Polyline(bridge.x(), bridge.centerY(), x, bridge.centerY(), x, port.centerY(),
                port.x(), port.centerY());
        line.getStyleClass().addAll("link", "master-link");
        return line;
    }
}
