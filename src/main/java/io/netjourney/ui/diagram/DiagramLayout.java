package io.netjourney.ui.diagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the journey diagram puts things: one box per namespace, one node per interface. Pure logic, no JavaFX,
 * and incremental: {@link #update} only ever adds, so whatever it placed once keeps its place.
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li>Every namespace gets its own column, left to right in the order it first appears (in
 *       {@link DiagramGraph#namespaces()}, or through one of its interfaces). Packets discover namespaces along
 *       their path, so that order follows the topology: host, then the containers it reaches, then what lies
 *       behind a router. A column's x never changes.</li>
 *   <li>Inside its box, a namespace's interfaces are stacked in rows, top to bottom, in the order they appear.
 *       A box only ever grows downward, into space no other box can claim (columns never share x), so boxes
 *       never overlap and nothing moves.</li>
 *   <li>Bridges above their ports: a port (an interface with a master in the same namespace) whose bridge is
 *       not placed yet reserves the next row for that bridge and takes the row after it; the bridge fills the
 *       reserved row when it appears. Ports are indented, so the tree reads at a glance.</li>
 * </ol>
 * Column pitch is {@link #BOX_WIDTH} + {@link #COLUMN_GAP}: the gap holds the edges between columns and their
 * hop labels. The content starts at {@link #MARGIN} and {@link #width()} × {@link #height()} includes the margins.
 */
public final class DiagramLayout {
    public static final double NODE_WIDTH = 150;
    public static final double NODE_HEIGHT = 32;
    public static final double ROW_GAP = 12;
    public static final double PORT_INDENT = 18;
    public static final double BOX_PAD_LEFT = 24;
    public static final double BOX_PAD_RIGHT = 14;
    public static final double BOX_HEADER = 36;
    public static final double BOX_PAD_BOTTOM = 16;
    public static final double BOX_WIDTH = BOX_PAD_LEFT + PORT_INDENT + NODE_WIDTH + BOX_PAD_RIGHT;
    public static final double COLUMN_GAP = 96;
    public static final double MARGIN = 32;

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

    /** One namespace's column: its rows hold interface ids, some of them reserved for a bridge still to come. */
    private static final class Column {
        final int index;
        final List<String> rows = new ArrayList<>();

        Column(int index) {
            this.index = index;
        }

        double x() {
            return MARGIN + index * (BOX_WIDTH + COLUMN_GAP);
        }
    }

    private final Map<Long, Column> columns = new LinkedHashMap<>();
    private final Map<String, Rect> nodes = new HashMap<>();

    /** Places whatever in {@code graph} is new; returns this. */
    public DiagramLayout update(DiagramGraph graph) {
        for (DiagramGraph.Namespace ns : graph.namespaces()) {
            column(ns.inode());
        }
        for (DiagramGraph.Interface iface : graph.interfaces()) {
            if (!nodes.containsKey(iface.id())) {
                place(iface);
            }
        }
        return this;
    }

    private Column column(long inode) {
        return columns.computeIfAbsent(inode, k -> new Column(columns.size()));
    }

    private void place(DiagramGraph.Interface iface) {
        Column column = column(iface.netnsInode());
        int row = column.rows.indexOf(iface.id());
        boolean port = iface.masterId() != null;
        if (row < 0) {
            if (port && inodeOf(iface.masterId()) == iface.netnsInode() && !column.rows.contains(iface.masterId())) {
                column.rows.add(iface.masterId());
            }
            column.rows.add(iface.id());
            row = column.rows.size() - 1;
        }
        double x = column.x() + BOX_PAD_LEFT + (port ? PORT_INDENT : 0);
        double y = MARGIN + BOX_HEADER + row * (NODE_HEIGHT + ROW_GAP);
        nodes.put(iface.id(), new Rect(x, y, NODE_WIDTH, NODE_HEIGHT));
    }

    private static long inodeOf(String id) {
        int colon = id.indexOf(':');
        try {
            return colon < 0 ? -1 : Long.parseLong(id.substring(0, colon));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The box of a namespace, or null if none is placed. */
    public Rect namespaceBox(long inode) {
        Column column = columns.get(inode);
        if (column == null) {
            return null;
        }
        int rows = column.rows.size();
        double inner = rows == 0 ? NODE_HEIGHT : rows * NODE_HEIGHT + (rows - 1) * ROW_GAP;
        return new Rect(column.x(), MARGIN, BOX_WIDTH, BOX_HEADER + inner + BOX_PAD_BOTTOM);
    }

    /** The node of an interface, or null if none is placed. */
    public Rect interfaceNode(String id) {
        return nodes.get(id);
    }

    /** Every interface node placed. */
    public Collection<Rect> interfaceNodes() {
        return List.copyOf(nodes.values());
    }

    /** The namespaces placed, in column order. */
    public List<Long> namespaces() {
        return List.copyOf(columns.keySet());
    }

    /** Content width including margins, a whole number of pixels. */
    public double width() {
        int n = Math.max(1, columns.size());
        return Math.ceil(2 * MARGIN + n * BOX_WIDTH + (n - 1) * COLUMN_GAP);
    }

    /** Content height including margins, a whole number of pixels. */
    public double height() {
        double tallest = BOX_HEADER + NODE_HEIGHT + BOX_PAD_BOTTOM;
        for (long inode : columns.keySet()) {
            tallest = Math.max(tallest, namespaceBox(inode).height());
        }
        return Math.ceil(2 * MARGIN + tallest);
    }
}
