package io.netjourney.ui.diagram;

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
    /**
     * Whether the view follows the graph, fitting it whole whenever its layout or the viewport changes: from the
     * start and after Fit, until the user zooms or pans (or a selected path is brought into view).
     */
    private boolean followFit = true;
    private final PacketAnimator animator = new PacketAnimator(packetLayer);

    private DiagramLayout layout = DiagramLayout.EMPTY;
    private DiagramGraph drawn = DiagramGraph.EMPTY;
    private final LayoutWorker worker = new LayoutWorker(this::apply);
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
        DiagramGraph initial = control.getGraph();
        apply(initial, DiagramLayout.of(initial));
    }

    // ---- drawing

    /**
     * A graph whose topology is the one drawn (only what is gone changed) is restyled at once; any other is laid out
     * off the FX thread and drawn when its layout arrives.
     */
    private void refreshGraph() {
        DiagramGraph graph = getSkinnable().getGraph();
        if (DiagramLayout.laysOutAlike(graph, drawn)) {
            apply(graph, layout);
        } else {
            worker.request(graph);
        }
    }

    /** Draws {@code graph} as {@code next} places it: new boxes and nodes appear, the rest move, the links follow. */
    private void apply(DiagramGraph graph, DiagramLayout next) {
        layout = next;
        Set<Long> liveBoxes = new HashSet<>();
        for (DiagramGraph.Namespace ns : graph.namespaces()) {
            box(ns);
            liveBoxes.add(ns.inode());
        }
        Set<String> liveNodes = new HashSet<>();
        for (DiagramGraph.Interface iface : graph.interfaces()) {
            if (!liveBoxes.contains(iface.netnsInode())) {
                box(new DiagramGraph.Namespace(iface.netnsInode(), null));
                liveBoxes.add(iface.netnsInode());
            }
            liveNodes.add(iface.id());
            nodes.computeIfAbsent(iface.id(), id -> newNode(iface));
            interfaces.put(iface.id(), iface);
        }
        boxes.keySet().removeIf(inode -> {
            boolean stale = !liveBoxes.contains(inode);
            if (stale) {
                boxLayer.getChildren().remove(boxes.get(inode));
            }
            return stale;
        });
        nodes.keySet().removeIf(id -> {
            boolean stale = !liveNodes.contains(id);
            if (stale) {
                nodeLayer.getChildren().remove(nodes.get(id));
                interfaces.remove(id);
            }
            return stale;
        });
        boxes.forEach((inode, box) -> DiagramViews.placeBox(box, layout.namespaceBox(inode)));
        nodes.forEach((id, node) -> DiagramViews.place(node, layout.interfaceNode(id)));
        drawLinks();
        markGone(graph);
        content.setPrefSize(layout.width(), layout.height());
        content.setMinSize(layout.width(), layout.height());
        background.setMinSize(layout.width(), layout.height());
        background.setPrefSize(layout.width(), layout.height());
        drawn = graph;
        if (followFit) {
            fitView();
        }
        refreshHighlight();
        refreshSelection();
    }

    private void drawLinks() {
        links.clear();
        linkLayer.getChildren().clear();
        for (DiagramLayout.Edge edge : layout.edges()) {
            Node line = edge.master() ? DiagramViews.polyline(edge.route(), "link", "master-link")
                    : DiagramViews.polyline(edge.route(), "link");
            String key = DiagramLayout.pairKey(edge.fromId(), edge.toId());
            line.setUserData(key);
            links.put(key, line);
            linkLayer.getChildren().add(line);
        }
    }

    /** Greys out (and labels "deleted") the namespaces and interfaces that no longer exist. */
    private void markGone(DiagramGraph graph) {
        for (DiagramGraph.Namespace ns : graph.namespaces()) {
            Pane box = boxes.get(ns.inode());
            boolean gone = graph.isGone(ns);
            if (box != null && DiagramViews.setGone(box, gone)) {
                DiagramViews.title(box, ns, gone);
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

    private void box(DiagramGraph.Namespace ns) {
        Pane box = boxes.get(ns.inode());
        if (box == null) {
            box = DiagramViews.namespaceBox(ns);
            boxes.put(ns.inode(), box);
            boxLayer.getChildren().add(box);
        } else if (ns.label() != null && !box.getStyleClass().contains("gone")) {
            DiagramViews.title(box, ns, false);
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
        nodeLayer.getChildren().add(node);
        return node;
    }

    /**
     * When a path appears or changes, and part of it is outside the view, fits the view to it and the titles of the
     * boxes whose first row it runs through (see {@link #withTitle}; never beyond 1:1);
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
                DiagramGraph.Interface iface = interfaces.get(id);
                DiagramLayout.Rect titled = iface == null ? node
                        : withTitle(node, layout.namespaceBox(iface.netnsInode()));
                minX = Math.min(minX, titled.x());
                minY = Math.min(minY, titled.y());
                maxX = Math.max(maxX, titled.maxX());
                maxY = Math.max(maxY, titled.maxY());
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
            followFit = false;
            applyView();
        }
    }

    /**
     * A node on a path, and its box from its left border to the node when the node sits in the box's first row,
     * right under the title: a container's name comes into view with its eth0 (a host's title far above a port
     * does not).
     */
    private static DiagramLayout.Rect withTitle(DiagramLayout.Rect node, DiagramLayout.Rect box) {
        if (box == null || node.y() - box.y() > DiagramLayout.BOX_HEADER + DiagramLayout.NODE_GAP) {
            return node;
        }
        return new DiagramLayout.Rect(box.x(), box.y(), node.maxX() - box.x(), node.maxY() - box.y());
    }

    private void refreshHighlight() {
        Highlight highlight = getSkinnable().getHighlight();
        Set<String> onPath = HighlightPainter.paint(highlight, layout, pathLayer, labelLayer);
        boolean dim = !highlight.request().isEmpty() || !highlight.reply().isEmpty();
        bringIntoView(onPath);
        Set<String> pathPairs = new HashSet<>();
        List<Highlight.PathEdge> steps = new ArrayList<>(highlight.request());
        steps.addAll(highlight.reply());
        for (Highlight.PathEdge step : steps) {
            pathPairs.addAll(layout.pairsAlong(step.fromId(), step.toId()));
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
                followFit = false;
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
                followFit = false;
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
        followFit = false;
        applyView();
    }

    /** Fits the whole diagram, and keeps fitting it as it grows, until the user zooms or pans. */
    void zoomToFit() {
        followFit = true;
        fitView();
    }

    private void fitView() {
        if (viewport.getWidth() > 0 && viewport.getHeight() > 0) {
            view.fit(layout.width(), layout.height(), viewport.getWidth(), viewport.getHeight());
            applyView();
        }
    }

    private void applyView() {
        pan.setX(view.tx());
        pan.setY(view.ty());
        zoom.setX(view.scale());
        zoom.setY(view.scale());
    }

    // ---- packets and snapshots

    boolean animatePacket(List<String> interfaceIds, boolean reply) {
        List<List<DiagramLayout.Point>> legs = new ArrayList<>();
        for (int i = 1; i < interfaceIds.size(); i++) {
            legs.add(HighlightGeometry.route(layout, interfaceIds.get(i - 1), interfaceIds.get(i), reply ? 1 : -1));
        }
        return animator.animate(legs, reply);
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
        boolean resized = viewport.getWidth() != w || viewport.getHeight() != h;
        viewport.resizeRelocate(x, y, w, h);
        if (resized && followFit) {
            fitView();
        }
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
