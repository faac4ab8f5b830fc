package io.netjourney.ui.diagram;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Draws a {@link JourneyDiagram}: a clipped viewport holding the zoomed and panned content, whose layers are, from
 * the back, background, namespace boxes, links, highlighted paths, interface nodes, edge labels, moving packets.
 * Graph updates are applied incrementally (only new boxes, nodes and links are created); the highlight layers are
 * redrawn when the highlight changes.
 */
final class JourneyDiagramSkin extends SkinBase<JourneyDiagram> {
    private static final double SCROLL_NOTCH = 40;

    private final Pane viewport = new Pane();
    private final Pane content = new Pane();
    private final Region background = new Region();
    private final Group boxLayer = new Group();
    private final Group linkLayer = new Group();
    private final Group pathLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Group packetLayer = new Group();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale();
    private final ViewTransform view = new ViewTransform();
    /** Room around a path brought into view, in diagram units (its hop labels sit beside the nodes). */
    private static final double PATH_MARGIN = 40;
    private Set<String> lastPathInView = Set.of();
    private final PacketAnimator animator = new PacketAnimator(packetLayer);

    private DiagramLayout layout = new DiagramLayout();
    private DiagramGraph drawn = DiagramGraph.EMPTY;
    private final Map<Long, Pane> boxes = new HashMap<>();
    private final Map<String, Label> nodes = new HashMap<>();
    private final Map<String, DiagramGraph.Interface> interfaces = new HashMap<>();
    private final Map<String, Node> links = new HashMap<>();
    private double pressX;
    private double pressY;
    private double pressTx;
    private double pressTy;

    JourneyDiagramSkin(JourneyDiagram control) {
        super(control);
        background.getStyleClass().add("diagram-background");
        content.getStyleClass().add("diagram-content");
        content.getChildren().addAll(background, boxLayer, linkLayer, pathLayer, nodeLayer, labelLayer, packetLayer);
        Group zoomed = new Group(content);
        zoomed.getTransforms().addAll(pan, zoom);
        viewport.getStyleClass().add("diagram-viewport");
        viewport.getChildren().add(zoomed);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        getChildren().add(viewport);

        registerChangeListener(control.graphProperty(), o -> refreshGraph());
        registerChangeListener(control.highlightProperty(), o -> refreshHighlight());
        registerChangeListener(control.selectedInterfaceProperty(), o -> refreshSelection());
        installHandlers(control);
        refreshGraph();
    }

    // ---- drawing

    private void refreshGraph() {
        DiagramGraph graph = getSkinnable().getGraph();
        if (!graph.isExtensionOf(drawn)) {
            clear();
        }
        layout.update(graph);
        for (DiagramGraph.Namespace ns : graph.namespaces()) {
            box(ns);
        }
        for (DiagramGraph.Interface iface : graph.interfaces()) {
            box(new DiagramGraph.Namespace(iface.netnsInode(), null));
            nodes.computeIfAbsent(iface.id(), id -> newNode(iface));
        }
        boxes.forEach((inode, box) -> DiagramViews.place(box, layout.namespaceBox(inode)));
        for (DiagramGraph.Link link : graph.links()) {
            addLink(link.fromId(), link.toId());
        }
        for (DiagramGraph.Interface iface : graph.interfaces()) {
            addMasterLink(iface);
        }
        markGone(graph);
        content.setPrefSize(layout.width(), layout.height());
        content.setMinSize(layout.width(), layout.height());
        background.setMinSize(layout.width(), layout.height());
        background.setPrefSize(layout.width(), layout.height());
        drawn = graph;
        refreshHighlight();
        refreshSelection();
    }

    /** Greys out (and labels "deleted") the namespaces and interfaces that no longer exist. */
    private void markGone(DiagramGraph graph) {
        for (DiagramGraph.Namespace ns : graph.namespaces()) {
            Pane box = boxes.get(ns.inode());
            boolean gone = graph.isGone(ns);
            if (box != null && DiagramViews.setGone(box, gone)) {
                String title = gone ? DiagramViews.goneTitle(ns) : DiagramViews.namespaceTitle(ns);
                Label label = (Label) box.getChildren().get(0);
                label.setText(title);
                label.getTooltip().setText(title);
            }
        }
        for (DiagramGraph.Interface iface : graph.interfaces()) {
            Label node = nodes.get(iface.id());
            boolean gone = graph.isGone(iface);
            if (node != null && DiagramViews.setGone(node, gone) && node.getTooltip() != null) {
                String tip = node.getTooltip().getText().replace("\n(deleted)", "");
                node.getTooltip().setText(gone ? tip + "\n(deleted)" : tip);
            }
        }
    }

    private void clear() {
        layout = new DiagramLayout();
        boxes.clear();
        nodes.clear();
        interfaces.clear();
        links.clear();
        boxLayer.getChildren().clear();
        linkLayer.getChildren().clear();
        nodeLayer.getChildren().clear();
    }

    private void box(DiagramGraph.Namespace ns) {
        Pane box = boxes.get(ns.inode());
        if (box == null) {
            box = DiagramViews.namespaceBox(ns);
            boxes.put(ns.inode(), box);
            boxLayer.getChildren().add(box);
        } else if (ns.label() != null) {
            ((Label) box.getChildren().get(0)).setText(DiagramViews.namespaceTitle(ns));
        }
    }

    private Label newNode(DiagramGraph.Interface iface) {
        Label node = DiagramViews.interfaceNode(iface, layout.interfaceNode(iface.id()));
        node.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                getSkinnable().interfaceClicked(iface.id());
            }
            e.consume();
        });
        interfaces.put(iface.id(), iface);
        nodeLayer.getChildren().add(node);
        return node;
    }

    private void addLink(String fromId, String toId) {
        Rect from = layout.interfaceNode(fromId);
        Rect to = layout.interfaceNode(toId);
        String key = pairKey(fromId, toId);
        if (from == null || to == null || fromId.equals(toId) || links.containsKey(key)) {
            return;
        }
        Node curve = DiagramViews.curve(EdgeGeometry.travel(from, to, 0, 0), "link");
        curve.setUserData(key);
        links.put(key, curve);
        linkLayer.getChildren().add(curve);
    }

    private void addMasterLink(DiagramGraph.Interface port) {
        String key = "master|" + port.id();
        DiagramGraph.Interface bridge = port.masterId() == null ? null : interfaces.get(port.masterId());
        if (bridge == null || bridge.netnsInode() != port.netnsInode() || links.containsKey(key)) {
            return;
        }
        int bridgeIndex = 0;
        for (DiagramGraph.Interface other : interfaces.values()) {
            if (other.netnsInode() == bridge.netnsInode() && "bridge".equals(KindIcons.normalize(other.kind()))
                    && !other.id().equals(bridge.id()) && layout.interfaceNode(other.id()).y()
                    < layout.interfaceNode(bridge.id()).y()) {
                bridgeIndex++;
            }
        }
        Node elbow = DiagramViews.masterLink(layout.interfaceNode(port.id()), layout.interfaceNode(bridge.id()),
                8 + 5 * (bridgeIndex % 3));
        elbow.setUserData(pairKey(port.id(), bridge.id()));
        links.put(key, elbow);
        linkLayer.getChildren().add(elbow);
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /**
     * When a path appears or changes, and part of it is outside the view, fits the view to it (never beyond 1:1);
     * the same path again (a live flow's update) leaves the view where the user put it.
     */
    private void bringIntoView(Set<String> onPath) {
        if (onPath.isEmpty() || onPath.equals(lastPathInView)) {
            return;
        }
        lastPathInView = Set.copyOf(onPath);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String id : onPath) {
            DiagramLayout.Rect node = layout.interfaceNode(id);
            if (node != null) {
                minX = Math.min(minX, node.x());
                minY = Math.min(minY, node.y());
                maxX = Math.max(maxX, node.maxX());
                maxY = Math.max(maxY, node.y() + node.height());
            }
        }
        if (minX > maxX) {
            return;
        }
        double vw = viewport.getWidth();
        double vh = viewport.getHeight();
        boolean visible = view.tx() + minX * view.scale() >= 0 && view.ty() + minY * view.scale() >= 0
                && view.tx() + maxX * view.scale() <= vw && view.ty() + maxY * view.scale() <= vh;
        if (!visible) {
            view.fitRegion(minX - PATH_MARGIN, minY - PATH_MARGIN, maxX - minX + 2 * PATH_MARGIN,
                    maxY - minY + 2 * PATH_MARGIN, vw, vh);
            applyView();
        }
    }

    private void refreshHighlight() {
        Highlight highlight = getSkinnable().getHighlight();
        Set<String> onPath = HighlightPainter.paint(highlight, layout::interfaceNode,
                layout.interfaceNodes(), pathLayer, labelLayer);
        boolean dim = !highlight.request().isEmpty() || !highlight.reply().isEmpty();
        bringIntoView(onPath);
        Set<String> pathPairs = new HashSet<>();
        List<Highlight.PathEdge> steps = new ArrayList<>(highlight.request());
        steps.addAll(highlight.reply());
        for (Highlight.PathEdge step : steps) {
            pathPairs.add(pairKey(step.fromId(), step.toId()));
        }
        Set<Long> litNamespaces = new HashSet<>();
        nodes.forEach((id, node) -> {
            boolean lit = onPath.contains(id) || highlight.marked().contains(id) || highlight.dropped().contains(id);
            if (lit) {
                litNamespaces.add(interfaces.get(id).netnsInode());
            }
            styleClass(node, "dimmed", dim && !lit);
            styleClass(node, "on-path", onPath.contains(id));
            styleClass(node, "marked", highlight.marked().contains(id));
            styleClass(node, "dropped", highlight.dropped().contains(id));
        });
        boxes.forEach((inode, box) -> styleClass(box, "dimmed", dim && !litNamespaces.contains(inode)));
        links.values().forEach(link -> styleClass(link, "dimmed", dim && !pathPairs.contains(link.getUserData())));
    }

    private void refreshSelection() {
        String selected = getSkinnable().getSelectedInterface();
        nodes.forEach((id, node) -> styleClass(node, "selected", id.equals(selected)));
    }

    private static void styleClass(Node node, String styleClass, boolean on) {
        if (!on) {
            node.getStyleClass().remove(styleClass);
        } else if (!node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        }
    }

    // ---- zoom, pan, clicks

    private void installHandlers(JourneyDiagram control) {
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            pressY = e.getY();
            pressTx = view.tx();
            pressTy = view.ty();
            control.requestFocus();
        });
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                viewport.setCursor(Cursor.MOVE);
                view.panTo(pressTx + e.getX() - pressX, pressTy + e.getY() - pressY);
                applyView();
            }
        });
        viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> viewport.setCursor(Cursor.DEFAULT));
        viewport.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                control.backgroundClicked();
            }
        });
        viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomBy(Math.pow(ViewTransform.STEP, e.getDeltaY() / SCROLL_NOTCH), e.getX(), e.getY());
            } else {
                view.panBy(e.getDeltaX(), 0);
                applyView();
            }
            e.consume();
        });
        viewport.setOnZoom(e -> zoomBy(e.getZoomFactor(), e.getX(), e.getY()));
        control.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case PLUS, EQUALS, ADD -> control.zoomIn();
                case MINUS, SUBTRACT -> control.zoomOut();
                case DIGIT0, NUMPAD0 -> control.zoomToFit();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    void zoomBy(double factor, double x, double y) {
        view.zoomAt(factor, x, y);
        applyView();
    }

    void zoomToFit() {
        view.fit(layout.width(), layout.height(), viewport.getWidth(), viewport.getHeight());
        applyView();
    }

    private void applyView() {
        pan.setX(view.tx());
        pan.setY(view.ty());
        zoom.setX(view.scale());
        zoom.setY(view.scale());
    }

    // ---- packets and snapshots

    boolean animatePacket(List<String> interfaceIds, boolean reply) {
        List<Rect> path = new ArrayList<>();
        for (String id : interfaceIds) {
            Rect node = layout.interfaceNode(id);
            if (node != null) {
                path.add(node);
            }
        }
        return animator.animate(path, reply);
    }

    /**
     * Gives {@code draw} the drawing at 1:1, neither zoomed nor panned, styled and laid out, with the moving packets
     * hidden (they are not part of the picture): what snapshots and the SVG export show.
     */
    <T> T still(Function<Region, T> draw) {
        boolean packets = packetLayer.isVisible();
        packetLayer.setVisible(false);
        try {
            content.applyCss();
            content.autosize();
            content.layout();
            return draw.apply(content);
        } finally {
            packetLayer.setVisible(packets);
        }
    }

    WritableImage snapshot(double scale) {
        return still(drawing -> snapshotOf(scale));
    }

    private WritableImage snapshotOf(double scale) {
        int width = (int) Math.round(layout.width() * scale);
        int height = (int) Math.round(layout.height() * scale);
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(new Scale(scale, scale));
        params.setViewport(new Rectangle2D(0, 0, width, height));
        params.setFill(Color.TRANSPARENT);
        return content.snapshot(params, new WritableImage(width, height));
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        viewport.resizeRelocate(x, y, w, h);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return Math.min(1200, layout.width()) + left + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return Math.min(800, layout.height()) + top + bottom;
    }
}
