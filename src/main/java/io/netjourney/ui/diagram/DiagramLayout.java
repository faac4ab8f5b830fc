package io.netjourney.ui.diagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Where the journey diagram puts things: one box per namespace, one node per interface, and the route of every
 * edge between two interfaces. Pure logic, no JavaFX, immutable; {@link #of} computes a layout from scratch.
 *
 * <h2>Algorithm</h2>
 * {@link DiagramStructure} decides by structure which column each namespace takes (containers left of their host,
 * routers and what lies behind them to the right), each interface's sub-column inside its namespace (towards the
 * left, bridges, towards the right) and the order of all of them top to bottom. The Eclipse Layout Kernel's layered
 * algorithm (ELK Layered) then lays that out, taking those columns and orders as given (interactive layering,
 * forced model order): namespaces are compound nodes holding their interfaces ({@code INCLUDE_CHILDREN}), so the
 * boxes are sized around their contents and edges, routed orthogonally, run between boxes rather than through
 * them. A long chain (containers, host, router, far) is folded where a single edge joins two parts, the later part
 * on the next row, like text, so the picture keeps to about {@link #ASPECT_RATIO}, the shape of the diagram's area
 * in the window. Everything handed to ELK is sorted by name, so the picture depends on the topology only, not on
 * the order things were discovered in; a new namespace or interface shifts only what comes after it.
 *
 * <p>Edges are the observed links plus each bridge port's link to its bridge. A link between two ports of the same
 * bridge (a bridged frame) is drawn through the bridge: along the first port's link to the bridge, then along the
 * other's. The space between columns ({@link #LAYER_GAP}) is wide enough for an edge's hop labels. Gaps are kept
 * small where nothing needs the room: between the nodes of a long column ({@link #INNER_NODE_GAP}: a host's ports) and
 * between the sub-columns of a box no edge runs inside ({@link #INNER_GAP}: a container's loopback beside its
 * eth0), so a host with 19 containers fits a 1440×900 window at about 3/4 scale.
 */
public final class DiagramLayout {
    /** The narrowest interface node; a namespace's nodes are as wide as its longest interface name needs. */
    public static final double NODE_WIDTH = 96;
    public static final double NODE_HEIGHT = 28;
    public static final double BOX_PAD_SIDE = 14;
    public static final double BOX_HEADER = 28;
    public static final double BOX_PAD_BOTTOM = 10;
    public static final double BOX_WIDTH = 2 * BOX_PAD_SIDE + NODE_WIDTH;
    /** Between two boxes, and two nodes of one box; {@link #INNER_NODE_GAP} in a long column of them. */
    public static final double NODE_GAP = 10;
    public static final double INNER_NODE_GAP = 5;
    public static final int LONG_COLUMN = 4;
    /** Between an edge and a node it passes, and (2 px less) between two edges side by side. */
    public static final double EDGE_GAP = 10;
    public static final double LAYER_GAP = 100;
    /** Between the sub-columns of a namespace no edge runs inside. */
    public static final double INNER_GAP = 2 * NODE_GAP;
    public static final double MARGIN = 16;
    /** The shape a long chain of namespaces is folded towards: the diagram's area in a 1440×900 window, 1436×521. */
    public static final double ASPECT_RATIO = 2.7;
    /** How far a box's title sits from its left border (and keeps from its right one). */
    public static final double BOX_TITLE_INSET = 12;
    public static final DiagramLayout EMPTY = of(DiagramGraph.EMPTY);

    private static final double PSEUDO_COLUMN = 100_000;
    private static final double PSEUDO_SUB = 10_000;
    private static final double PSEUDO_ROW = 1_000;

    /** An axis-aligned rectangle in diagram coordinates. */
    public record Rect(double x, double y, double width, double height) {
        public double maxX() {
            return x + width;
        }

        public double maxY() {
            return y + height;
        }

        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }

        /** True when the two share interior area (touching edges do not count). */
        public boolean overlaps(Rect o) {
            return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
        }

        public boolean contains(Rect o) {
            return o.x >= x && o.y >= y && o.maxX() <= maxX() && o.maxY() <= maxY();
        }
    }

    /** A point in diagram coordinates. */
    public record Point(double x, double y) {
    }

    /**
     * An edge as drawn: between two interfaces (in the order ELK routed it), its orthogonal route from {@code fromId}
     * to {@code toId}, and whether it is (also) a port's link to its bridge.
     */
    public record Edge(String fromId, String toId, List<Point> route, boolean master) {
        public Edge {
            route = List.copyOf(route);
        }
    }

    private final Map<Long, Rect> boxes;
    private final Map<String, Rect> nodes;
    private final Map<String, Edge> edges;
    /** For a link between two ports of one bridge: that bridge. */
    private final Map<String, String> throughBridge;
    private final double width;
    private final double height;

    private DiagramLayout(Map<Long, Rect> boxes, Map<String, Rect> nodes, Map<String, Edge> edges,
            Map<String, String> throughBridge, double width, double height) {
        this.boxes = boxes;
        this.nodes = nodes;
        this.edges = edges;
        this.throughBridge = throughBridge;
        this.width = width;
        this.height = height;
    }

    /** Lays out {@code graph}; the same topology gives the same layout, whatever order its lists are in. */
    public static DiagramLayout of(DiagramGraph graph) {
        return new Builder(graph).run();
    }

    /** The box of a namespace, or null if none is placed. */
    public Rect namespaceBox(long inode) {
        return boxes.get(inode);
    }

    /** The node of an interface, or null if none is placed. */
    public Rect interfaceNode(String id) {
        return nodes.get(id);
    }

    /** Every interface node placed. */
    public Collection<Rect> interfaceNodes() {
        return List.copyOf(nodes.values());
    }

    /** Every namespace box placed. */
    public Collection<Rect> namespaceBoxes() {
        return List.copyOf(boxes.values());
    }

    /** The namespaces placed, left to right by column, then top to bottom. */
    public List<Long> namespaces() {
        return List.copyOf(boxes.keySet());
    }

    /** Every edge drawn: the links and the port-to-bridge relations, one per pair of interfaces. */
    public Collection<Edge> edges() {
        return List.copyOf(edges.values());
    }

    /**
     * The route a step from one interface to the next takes, from {@code fromId}'s border to {@code toId}'s; a step
     * between two ports of one bridge runs through the bridge. Null when the two are not linked.
     */
    public List<Point> route(String fromId, String toId) {
        return route(fromId, toId, 0);
    }

    /**
     * {@link #route(String, String)} moved {@code lane} px sideways, measured against the edge's own direction (not
     * the step's): a request in lane -5 and its reply in lane +5 run side by side whichever way each travels.
     */
    public List<Point> route(String fromId, String toId, double lane) {
        String bridge = throughBridge.get(pairKey(fromId, toId));
        if (bridge != null) {
            List<Point> first = route(fromId, bridge, lane);
            List<Point> second = route(bridge, toId, lane);
            if (first == null || second == null) {
                return null;
            }
            List<Point> joined = new ArrayList<>(first);
            joined.addAll(second);
            return joined;
        }
        Edge edge = edges.get(pairKey(fromId, toId));
        if (edge == null) {
            return null;
        }
        List<Point> shifted = EdgeGeometry.offset(edge.route(), lane);
        return edge.fromId().equals(fromId) ? shifted : EdgeGeometry.reversed(shifted);
    }

    /** The pairs of interfaces (as {@link #pairKey}s) whose edges a step from one to the other is drawn along. */
    public List<String> pairsAlong(String fromId, String toId) {
        String bridge = throughBridge.get(pairKey(fromId, toId));
        return bridge == null ? List.of(pairKey(fromId, toId))
                : List.of(pairKey(fromId, bridge), pairKey(bridge, toId));
    }

    /**
     * Whether the two graphs get the same layout: the same namespaces (and labels), interfaces and links, in any
     * order; what is gone does not count.
     */
    public static boolean laysOutAlike(DiagramGraph a, DiagramGraph b) {
        return a.namespaces().size() == b.namespaces().size() && a.interfaces().size() == b.interfaces().size()
                && a.links().size() == b.links().size()
                && Set.copyOf(a.namespaces()).equals(Set.copyOf(b.namespaces()))
                && Set.copyOf(a.interfaces()).equals(Set.copyOf(b.interfaces()))
                && pairs(a).equals(pairs(b));
    }

    private static Set<String> pairs(DiagramGraph g) {
        Set<String> pairs = new java.util.HashSet<>();
        g.links().forEach(link -> pairs.add(pairKey(link.fromId(), link.toId())));
        return pairs;
    }

    /** Content width including margins, a whole number of pixels. */
    public double width() {
        return width;
    }

    /** Content height including margins, a whole number of pixels. */
    public double height() {
        return height;
    }

    /** The key of an unordered pair of interfaces. */
    public static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /** Builds the ELK graph in a stable order, runs ELK Layered, reads the result back. */
    private static final class Builder {
        private final DiagramGraph graph;
        private final DiagramStructure structure;
        private final Map<String, DiagramGraph.Interface> byId = new HashMap<>();
        private final ElkNode root = ElkGraphUtil.createGraph();
        private final Map<Long, ElkNode> boxNodes = new LinkedHashMap<>();
        private final Map<String, ElkNode> interfaceNodes = new LinkedHashMap<>();
        private final Map<Long, Double> nodeWidths = new HashMap<>();
        private final Map<String, ElkEdge> elkEdges = new LinkedHashMap<>();
        private final Map<String, String[]> edgeEnds = new HashMap<>();
        private final Set<String> masterPairs = new java.util.HashSet<>();
        private final Map<String, String> throughBridge = new HashMap<>();

        Builder(DiagramGraph graph) {
            this.graph = graph;
            this.structure = DiagramStructure.of(graph);
            graph.interfaces().forEach(i -> byId.put(i.id(), i));
        }

        DiagramLayout run() {
            configure(root);
            root.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.SINGLE_EDGE);
            root.setProperty(LayeredOptions.ASPECT_RATIO, ASPECT_RATIO);
            for (long inode : structure.namespaces()) {
                boxNodes.put(inode, box(inode));
            }
            List<DiagramGraph.Interface> sorted = new ArrayList<>(graph.interfaces());
            sorted.sort(java.util.Comparator.comparing((DiagramGraph.Interface i) -> structure.namespaces()
                            .indexOf(i.netnsInode()))
                    .thenComparing(i -> structure.place(i.id()).sub())
                    .thenComparing(i -> structure.place(i.id()).order()));
            for (DiagramGraph.Interface i : sorted) {
                nodeWidths.merge(i.netnsInode(), Math.max(NODE_WIDTH, nameWidth(i.name())), Math::max);
            }
            for (DiagramGraph.Interface i : sorted) {
                interfaceNodes.put(i.id(), node(i));
            }
            addEdges();
            narrowBoxesWithoutInnerEdges();
            packLongColumns();
            if (!boxNodes.isEmpty()) {
                new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
            }
            return read();
        }

        private static void configure(ElkNode graph) {
            graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
            graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
            graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
            graph.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
            graph.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.INTERACTIVE);
            graph.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.INTERACTIVE);
            graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.LAYER_SWEEP);
            graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_FORCE_NODE_MODEL_ORDER, true);
            graph.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
            graph.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_GAP);
            graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
            graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
            graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 10.0);
            graph.setProperty(LayeredOptions.SPACING_EDGE_NODE, EDGE_GAP);
            graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE, EDGE_GAP - 2);
            graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
            graph.setProperty(LayeredOptions.MERGE_EDGES, true);
        }

        private ElkNode box(long inode) {
            ElkNode box = ElkGraphUtil.createNode(root);
            configure(box);
            box.setProperty(CoreOptions.PADDING, new ElkPadding(BOX_HEADER, BOX_PAD_SIDE, BOX_PAD_BOTTOM, BOX_PAD_SIDE));
            box.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
            box.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(Math.max(BOX_WIDTH, titleWidth(inode)),
                    BOX_HEADER + NODE_HEIGHT + BOX_PAD_BOTTOM));
            DiagramStructure.NamespacePlace place = structure.place(inode);
            box.setLocation(place.column() * PSEUDO_COLUMN, place.order() * PSEUDO_ROW);
            return box;
        }

        /**
         * Room for the box's title (12 px bold: about 7.6 px a character) and its margins; also once it reads
         * "· deleted".
         */
        private double titleWidth(long inode) {
            String label = null;
            for (DiagramGraph.Namespace ns : graph.namespaces()) {
                if (ns.inode() == inode) {
                    label = ns.label();
                }
            }
            String title = new DiagramGraph.Namespace(inode, label).goneTitle();
            return Math.ceil(title.length() * 7.6 + 2 * BOX_TITLE_INSET + 6);
        }

        /**
         * Room for the interface's icon and name (the default 13 px font: about 8 px a character, 8.3 a digit, 10.5
         * a capital) and the node's padding, with a little slack so the name is never cut.
         */
        private static double nameWidth(String name) {
            double width = 6 + 22 + 7 + 8 + 6;
            for (char c : name.toCharArray()) {
                width += Character.isDigit(c) ? 8.3 : Character.isUpperCase(c) || c == 'm' || c == 'w' ? 10.5 : 8.0;
            }
            return Math.ceil(width);
        }

        private ElkNode node(DiagramGraph.Interface iface) {
            ElkNode node = ElkGraphUtil.createNode(boxNodes.get(iface.netnsInode()));
            node.setDimensions(nodeWidths.get(iface.netnsInode()), NODE_HEIGHT);
            DiagramStructure.InterfacePlace place = structure.place(iface.id());
            node.setLocation((place.sub() + 1) * PSEUDO_SUB, place.order() * PSEUDO_ROW);
            return node;
        }

        private void addEdges() {
            List<String[]> pairs = new ArrayList<>();
            for (DiagramGraph.Interface port : graph.interfaces()) {
                DiagramGraph.Interface bridge = port.masterId() == null ? null : byId.get(port.masterId());
                if (bridge != null && bridge.netnsInode() == port.netnsInode() && !bridge.id().equals(port.id())) {
                    masterPairs.add(pairKey(port.id(), bridge.id()));
                    pairs.add(new String[] {port.id(), bridge.id()});
                }
            }
            for (DiagramGraph.Link link : graph.links()) {
                DiagramGraph.Interface a = byId.get(link.fromId());
                DiagramGraph.Interface b = byId.get(link.toId());
                if (a == null || b == null || a.id().equals(b.id())) {
                    continue;
                }
                String bridge = sharedBridge(a, b);
                if (bridge != null) {
                    throughBridge.put(pairKey(a.id(), b.id()), bridge);
                } else {
                    pairs.add(new String[] {a.id(), b.id()});
                }
            }
            List<String[]> oriented = new ArrayList<>();
            for (String[] pair : pairs) {
                String key = pairKey(pair[0], pair[1]);
                if (!edgeEnds.containsKey(key)) {
                    String[] ends = leftToRight(pair[0], pair[1]);
                    edgeEnds.put(key, ends);
                    oriented.add(ends);
                }
            }
            oriented.sort(java.util.Comparator.comparing((String[] e) -> rank(e[0]))
                    .thenComparing(e -> rank(e[1])));
            for (String[] ends : oriented) {
                ElkEdge edge = ElkGraphUtil.createSimpleEdge(interfaceNodes.get(ends[0]), interfaceNodes.get(ends[1]));
                elkEdges.put(pairKey(ends[0], ends[1]), edge);
            }
        }

        /**
         * A namespace none of whose edges runs inside it (a container: eth0 and a loopback) keeps its sub-columns
         * close together: no edge and no hop label needs the room between them.
         */
        private void narrowBoxesWithoutInnerEdges() {
            Set<Long> inner = new java.util.HashSet<>();
            for (String[] ends : edgeEnds.values()) {
                long a = byId.get(ends[0]).netnsInode();
                if (a == byId.get(ends[1]).netnsInode()) {
                    inner.add(a);
                }
            }
            boxNodes.forEach((inode, box) -> {
                if (!inner.contains(inode)) {
                    box.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, INNER_GAP);
                }
            });
        }

        /**
         * A namespace with more than {@link #LONG_COLUMN} interfaces in one sub-column (a host's ports, one per
         * container) packs them {@link #INNER_NODE_GAP} apart; a short column keeps the room between its nodes for
         * the hop labels of the edges that leave them.
         */
        private void packLongColumns() {
            Map<String, Integer> perColumn = new HashMap<>();
            Set<Long> packed = new java.util.HashSet<>();
            for (DiagramGraph.Interface i : graph.interfaces()) {
                if (perColumn.merge(i.netnsInode() + "/" + structure.place(i.id()).sub(), 1, Integer::sum)
                        > LONG_COLUMN) {
                    packed.add(i.netnsInode());
                }
            }
            packed.forEach(inode -> boxNodes.get(inode).setProperty(LayeredOptions.SPACING_NODE_NODE, INNER_NODE_GAP));
        }

        /** The bridge both ports hang off, when it is drawn; else null. */
        private String sharedBridge(DiagramGraph.Interface a, DiagramGraph.Interface b) {
            if (a.masterId() != null && a.masterId().equals(b.masterId()) && a.netnsInode() == b.netnsInode()
                    && byId.containsKey(a.masterId())) {
                return a.masterId();
            }
            return null;
        }

        /** A total order of interfaces, left to right: column, sub-column, row. */
        private long rank(String id) {
            DiagramGraph.Interface i = byId.get(id);
            DiagramStructure.NamespacePlace ns = structure.place(i.netnsInode());
            DiagramStructure.InterfacePlace place = structure.place(id);
            return ((long) ns.column() * 8 + place.sub() + 1) * 1_000_000L + (long) ns.order() * 1_000 + place.order();
        }

        private String[] leftToRight(String a, String b) {
            return rank(a) <= rank(b) ? new String[] {a, b} : new String[] {b, a};
        }

        private DiagramLayout read() {
            Map<Long, Rect> boxes = new LinkedHashMap<>();
            double maxX = 0;
            double maxY = 0;
            for (Map.Entry<Long, ElkNode> e : boxNodes.entrySet()) {
                Rect r = absolute(e.getValue());
                boxes.put(e.getKey(), r);
                maxX = Math.max(maxX, r.maxX());
                maxY = Math.max(maxY, r.maxY());
            }
            Map<String, Rect> nodes = new HashMap<>();
            interfaceNodes.forEach((id, node) -> nodes.put(id, absolute(node)));
            Map<String, Edge> edges = new LinkedHashMap<>();
            elkEdges.forEach((key, edge) -> {
                String[] ends = edgeEnds.get(key);
                edges.put(key, new Edge(ends[0], ends[1], route(edge), masterPairs.contains(key)));
            });
            double w = Math.ceil(Math.max(root.getWidth(), maxX + MARGIN));
            double h = Math.ceil(Math.max(root.getHeight(), maxY + MARGIN));
            if (boxNodes.isEmpty()) {
                w = Math.ceil(2 * MARGIN + BOX_WIDTH);
                h = Math.ceil(2 * MARGIN + BOX_HEADER + NODE_HEIGHT + BOX_PAD_BOTTOM);
            }
            return new DiagramLayout(boxes, nodes, edges, throughBridge, w, h);
        }

        private static Rect absolute(ElkNode node) {
            KVector at = offset(node.getParent());
            return new Rect(at.x + node.getX(), at.y + node.getY(), node.getWidth(), node.getHeight());
        }

        /** Where a node's own coordinate system starts, in the root's. */
        private static KVector offset(ElkNode node) {
            KVector at = new KVector();
            for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
                at.add(n.getX(), n.getY());
            }
            return at;
        }

        private static List<Point> route(ElkEdge edge) {
            KVector at = offset(edge.getContainingNode());
            List<Point> points = new ArrayList<>();
            for (ElkEdgeSection section : edge.getSections()) {
                add(points, at.x + section.getStartX(), at.y + section.getStartY());
                for (ElkBendPoint bend : section.getBendPoints()) {
                    add(points, at.x + bend.getX(), at.y + bend.getY());
                }
                add(points, at.x + section.getEndX(), at.y + section.getEndY());
            }
            return points;
        }

        private static void add(List<Point> points, double x, double y) {
            Point p = new Point(x, y);
            if (points.isEmpty() || !points.get(points.size() - 1).equals(p)) {
                points.add(p);
            }
        }
    }
}
