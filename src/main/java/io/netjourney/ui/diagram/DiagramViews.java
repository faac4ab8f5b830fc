package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import io.netjourney.ui.diagram.DiagramLayout.Point;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.SVGPath;

/** Makes the scene-graph nodes of the diagram; every themable part gets a style class, the stylesheet the rest. */
final class DiagramViews {
    /** Where {@link Tooltip#install} keeps a node's tooltip (DiagramExportTest checks it still does). */
    private static final String INSTALLED_TOOLTIP = "javafx.scene.control.Tooltip";

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

    /** A box's title: the namespace's name alone; its inode is in the box's tooltip. */
    static String namespaceTitle(DiagramGraph.Namespace ns) {
        return ns.title();
    }

    static String goneTitle(DiagramGraph.Namespace ns) {
        return ns.goneTitle();
    }

    /** A box's tooltip: its name and inode, and "(deleted)" once it no longer exists. */
    static String namespaceTip(DiagramGraph.Namespace ns, boolean gone) {
        return ns.description() + (gone ? "\n(deleted)" : "");
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
        Pane box = new Pane(title);
        box.setId(namespaceCssId(ns.inode()));
        box.getStyleClass().add("namespace-box");
        Tooltip.install(box, new Tooltip(namespaceTip(ns, false)));
        return box;
    }

    /** The tooltip installed on a box or node (a control's own, or one given by {@link Tooltip#install}), or null. */
    static Tooltip tooltipOf(Node node) {
        if (node instanceof Control control && control.getTooltip() != null) {
            return control.getTooltip();
        }
        return node.getProperties().get(INSTALLED_TOOLTIP) instanceof Tooltip tip ? tip : null;
    }

    /** A box's title and tooltip, for a namespace that exists or is gone. */
    static void title(Pane box, DiagramGraph.Namespace ns, boolean gone) {
        ((Label) box.getChildren().get(0)).setText(gone ? goneTitle(ns) : namespaceTitle(ns));
        Tooltip tip = tooltipOf(box);
        if (tip != null) {
            tip.setText(namespaceTip(ns, gone));
        }
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
