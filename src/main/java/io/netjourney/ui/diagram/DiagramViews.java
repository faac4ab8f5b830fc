package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import io.netjourney.ui.diagram.DiagramLayout.Point;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
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
        return ns.title();
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
        place(node, at);
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
        title.relocate(DiagramLayout.BOX_TITLE_INSET, 7);
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

    /** Sizes and moves a namespace box to {@code at}; its title gets the box's width. */
    static void placeBox(Pane box, Rect at) {
        ((Label) box.getChildren().get(0)).setMaxWidth(at.width() - 2 * DiagramLayout.BOX_TITLE_INSET);
        place(box, at);
    }

    /** Sizes and moves a box or a node to {@code at}. */
    static void place(Region box, Rect at) {
        box.setMinSize(at.width(), at.height());
        box.setPrefSize(at.width(), at.height());
        box.setMaxSize(at.width(), at.height());
        box.relocate(at.x(), at.y());
    }

    /** An edge route as a polyline with these style classes. */
    static Polyline polyline(List<Point> route, String... styleClasses) {
        double[] xy = new double[route.size() * 2];
        for (int i = 0; i < route.size(); i++) {
            xy[2 * i] = route.get(i).x();
            xy[2 * i + 1] = route.get(i).y();
        }
        Polyline line = new Polyline(xy);
        line.getStyleClass().addAll(styleClasses);
        return line;
    }
}
