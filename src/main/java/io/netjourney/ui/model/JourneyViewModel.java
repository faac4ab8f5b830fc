package io.netjourney.ui.model;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Names;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.journey.DropClass;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.diagram.Highlight;
import io.netjourney.ui.diagram.Highlight.PathEdge;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The view model of the main window: flows list, diagram graph, selection and highlight, hop table, mtr-style
 * statistics, node details and counters. Fed with batches of {@link TracedHop}s from one thread (the FX thread in
 * the app); it never starts JavaFX or touches the scene graph. {@link #accept(List)} is O(batch): hash lookups
 * per crossing, and every property or list changes at most once per batch (the selected flow's tables are
 * rebuilt once per batch that touched it).
 *
 * <h2>Retention</h2>
 * At most {@code maxFlows} flows (default {@value #DEFAULT_MAX_FLOWS}) are kept; beyond, the least recently active
 * one (latest crossing, or selected) is evicted and its row removed from {@link #flows()}. Each flow keeps at most
 * {@code maxPacketsPerFlow} packets (default {@value #DEFAULT_MAX_PACKETS_PER_FLOW}), evicting its least recently
 * active packet, and each packet its first {@value #MAX_CROSSINGS_PER_PACKET} crossings (later ones are counted,
 * linked in the diagram, not retained). Crossings of a packet already evicted are counted and otherwise ignored.
 * An evicted flow that becomes active again gets a new row, its counts starting over. The diagram graph is never
 * trimmed ({@link #clear()} empties it).
 *
 * <h2>Flows list</h2>
 * One {@link FlowRow} per flow id, appended when first seen, updated in place, never moved. Source and
 * destination are those of the request direction (swapped if the first packet seen was a reply). The state is
 * {@code incomplete} while the latest request that expects an answer has no reply packet first seen after it, else
 * {@code ok}; a bare TCP ACK (only the ACK flag) expects no answer.
 *
 * <h2>Paths: which packet is drawn</h2>
 * For each direction the flow's path is that of the <b>latest of the longest</b> retained packets: the packets of
 * that direction with the most retained crossings, and of those the latest first seen. A packet in flight or one
 * that stopped early does not shorten the path drawn; the place where a packet stopped shows as loss in the
 * statistics. {@link FlowRow#hopsProperty() hops} counts the crossings of the request path.
 *
 * <h2>Hop statistics (mtr-style)</h2>
 * A path's hops are its packet's crossings, numbered from 1. Another packet of the same direction is <i>seen at</i>
 * hop k if it crossed the same interface the same number of times before (the n-th crossing of eth0 matches the
 * n-th crossing of eth0 on the path, wherever it sits in the packet). Over the flow's retained packets of that
 * direction:
 * <ul>
 *   <li>{@code seen}: packets seen at hop k;</li>
 *   <li>{@code lost}: packets seen at hop k but not at hop k+1; the last hop has no next and shows 0 (a packet
 *       still in flight when the batch ends counts as lost until its next crossing arrives);</li>
 *   <li>{@code last/avg/best/worst}: the Δt into hop k ({@link TracedHop#deltaNs()}, the time since the packet's
 *       previous crossing) in µs, over the packets whose previous crossing was hop k-1 (that made this very step;
 *       a packet that came from elsewhere counts as seen, not in the latency): of the latest such packet, mean,
 *       minimum, maximum; NaN where there is none (always for hop 1).</li>
 * </ul>
 *
 * <h2>Highlight</h2>
 * Request and reply edges are the steps between consecutive crossings on different interfaces of each path,
 * numbered from 1 and labelled {@code "n · avg µs"}, avg being the statistics' mean Δt into the crossing the edge
 * arrives at. {@code marked} holds the interface given to {@link #mark(String)}. Without selection the highlight
 * is {@link Highlight#NONE} (or only the mark). Selecting a flow clears the mark and the hop-table filter.
 */
public final class JourneyViewModel {
    public static final int DEFAULT_MAX_FLOWS = 2_000;
    public static final int DEFAULT_MAX_PACKETS_PER_FLOW = 200;
    public static final int MAX_CROSSINGS_PER_PACKET = 64;
    private static final Comparator<HopRow> TIME_ORDER = Comparator
            .comparingLong((HopRow r) -> r.hop().event().timestampNs())
            .thenComparingLong(r -> r.hop().packetId())
            .thenComparingInt(r -> r.hop().hopIndex());

    private final int maxFlows;
    private final int maxPacketsPerFlow;
    private final GraphModel graphModel;
    /** Flows by id, least recently active first (access order). */
    private final LinkedHashMap<Long, FlowData> flowData = new LinkedHashMap<>(256, 0.75f, true);
    private final List<FlowData> dirty = new ArrayList<>();
    private final List<FlowData> added = new ArrayList<>();
    private final Set<FlowRow> removed = new HashSet<>();
    private long maxFlowId;
    private long packetCount;
    private long crossingCount;
    /** Timestamp of the first crossing since the last clear (the flows list shows times relative to it). */
    private long firstCrossingNs = Long.MIN_VALUE;
    private long flowCount;
    private FlowData selectedData;
    private boolean selectedTouched;
    private boolean deferSelectionUpdates;
    private List<PathEdge> requestEdges = List.of();
    private List<PathEdge> replyEdges = List.of();

    private final ObservableList<FlowRow> flows = FXCollections.observableArrayList();
    private final ObservableList<HopRow> hopRows = FXCollections.observableArrayList();
    static final int MAX_ROUTES = 5_000;
    /** Routing decisions count for a flow from this long before its first to after its last crossing. */
    private static final long ROUTE_SLACK_NS = 1_000_000;
    /** ARP counts for a flow from this long before its first crossing (resolution precedes the packet). */
    static final long ARP_LEAD_NS = 1_000_000_000L;
    private final ArrayDeque<TracedHop> recentRoutes = new ArrayDeque<>();
    private final Names names;
    private final ArrayDeque<NetfilterVerdict> recentNetfilter = new ArrayDeque<>();
    private final Map<Long, NetfilterVerdict> netfilterByNetns = new HashMap<>();
    private final Map<String, TracedHop> routesOut = new HashMap<>();
    private final Map<String, Long> routesOutCount = new HashMap<>();
    private final ObservableList<HopStat> hopStats = FXCollections.observableArrayList();
    private final ObservableList<FlowRow> flowsView = FXCollections.unmodifiableObservableList(flows);
    private final ObservableList<HopRow> hopRowsView = FXCollections.unmodifiableObservableList(hopRows);
    private final ObservableList<HopStat> hopStatsView = FXCollections.unmodifiableObservableList(hopStats);
    private final ReadOnlyObjectWrapper<DiagramGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph",
            DiagramGraph.EMPTY);
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>(this, "highlight",
            Highlight.NONE);
    private final ReadOnlyObjectWrapper<FlowRow> selectedFlow = new ReadOnlyObjectWrapper<>(this, "selectedFlow");
    private final ReadOnlyStringWrapper markedInterface = new ReadOnlyStringWrapper(this, "markedInterface");
    private final ReadOnlyStringWrapper interfaceFilter = new ReadOnlyStringWrapper(this, "interfaceFilter");
    private final ReadOnlyLongWrapper packets = new ReadOnlyLongWrapper(this, "packets");
    private final ReadOnlyLongWrapper crossings = new ReadOnlyLongWrapper(this, "crossings");
    private final ReadOnlyLongWrapper flowsSeen = new ReadOnlyLongWrapper(this, "flowsSeen");

    public JourneyViewModel(Names names) {
        this(names, DEFAULT_MAX_FLOWS, DEFAULT_MAX_PACKETS_PER_FLOW);
    }

    public JourneyViewModel(Names names, int maxFlows, int maxPacketsPerFlow) {
        if (maxFlows < 1 || maxPacketsPerFlow < 1) {
            throw new IllegalArgumentException("maxFlows and maxPacketsPerFlow must be at least 1");
        }
        this.graphModel = new GraphModel(names);
        this.names = names;
        this.maxFlows = maxFlows;
        this.maxPacketsPerFlow = maxPacketsPerFlow;
    }

    // ---- properties and lists (read-only for views) ----

    /** One row per retained flow, in first-seen order; rows change in place. */
    public ObservableList<FlowRow> flows() {
        return flowsView;
    }

    /** Namespaces, interfaces and links; a new snapshot only when something was added, lists only grow. */
    public ReadOnlyObjectProperty<DiagramGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    /** The selected flow's row, or null. */
    public ReadOnlyObjectProperty<FlowRow> selectedFlowProperty() {
        return selectedFlow.getReadOnlyProperty();
    }

    /** The selected flow's retained crossings in time order, filtered by {@link #filterToInterface(String)}. */
    public ObservableList<HopRow> hopRows() {
        return hopRowsView;
    }

    /** The selected flow's statistics: request path hops, then reply path hops. */
    public ObservableList<HopStat> hopStats() {
        return hopStatsView;
    }

    /** The marked interface id, or null. */
    public ReadOnlyStringProperty markedInterfaceProperty() {
        return markedInterface.getReadOnlyProperty();
    }

    /** The interface id the hop table is filtered to, or null. */
    public ReadOnlyStringProperty interfaceFilterProperty() {
        return interfaceFilter.getReadOnlyProperty();
    }

    /** Packets seen since the last clear. */
    public ReadOnlyLongProperty packetsProperty() {
        return packets.getReadOnlyProperty();
    }

    /** Crossings seen since the last clear. */
    public ReadOnlyLongProperty crossingsProperty() {
        return crossings.getReadOnlyProperty();
    }

    /** Flows seen since the last clear (also those evicted since). */
    public ReadOnlyLongProperty flowsSeenProperty() {
        return flowsSeen.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Applies one batch of crossings (in arrival order) and publishes the changes. */
    public void accept(List<TracedHop> batch) {
        ingest(batch);
        publish();
    }

    /**
     * Takes crossings in without updating what is shown; {@link #publish()} shows them. A window under a flood
     * ingests every frame and publishes a few times a second, so rows, graph and counters change at a rate a
     * person can read and the scene is not re-laid out every frame.
     */
    public void ingest(List<TracedHop> batch) {
        for (int i = 0, n = batch.size(); i < n; i++) {
            ingest(batch.get(i));
        }
    }

    /** Forgets everything: flows, graph, selection, counters. */
    public void clear() {
        clearSelection();
        flowData.clear();
        dirty.clear();
        added.clear();
        removed.clear();
        graphModel.clear();
        maxFlowId = 0;
        firstCrossingNs = Long.MIN_VALUE;
        packetCount = 0;
        crossingCount = 0;
        flowCount = 0;
        flows.clear();
        graph.set(DiagramGraph.EMPTY);
        publishCounters();
    }

    /**
     * Greys out the namespaces and interfaces that no longer exist, and removes those gone for a minute unless the
     * selected flow's path uses them.
     */
    public void applyLiveness(Liveness live, long nowNs) {
        Set<String> inUse = new HashSet<>();
        for (List<PathEdge> edges : List.of(requestEdges, replyEdges)) {
            for (PathEdge edge : edges) {
                inUse.add(edge.fromId());
                inUse.add(edge.toId());
            }
        }
        graphModel.applyLiveness(live, nowNs, inUse);
        if (graphModel.takeChanged()) {
            graph.set(graphModel.snapshot());
        }
    }

    /** Selects a retained flow (clearing the mark and filter); an unknown id clears the selection. */
    public void select(long flowId) {
        FlowData flow = flowData.get(flowId);
        if (flow == null) {
            clearSelection();
            return;
        }
        selectedData = flow;
        selectedFlow.set(flow.row);
        markedInterface.set(null);
        interfaceFilter.set(null);
        refreshSelection();
    }

    /** No flow selected: highlight {@link Highlight#NONE}, empty hop table and statistics. */
    public void clearSelection() {
        selectedData = null;
        selectedFlow.set(null);
        markedInterface.set(null);
        interfaceFilter.set(null);
        requestEdges = List.of();
        replyEdges = List.of();
        hopRows.clear();
        hopStats.clear();
        highlight.set(Highlight.NONE);
    }

    /** Marks an interface in the highlight (a clicked node, the interface of a selected row); null unmarks. */
    public void mark(String interfaceId) {
        markedInterface.set(interfaceId);
        publishHighlight();
    }

    /** Shows only the hop rows on this interface; null shows all. */
    public void filterToInterface(String interfaceId) {
        interfaceFilter.set(interfaceId);
        publishHopRows();
    }

    public void clearInterfaceFilter() {
        filterToInterface(null);
    }

    /** "+12.345 s": a kernel timestamp as the time since the first crossing the model was given. */
    public String sinceStart(long timestampNs) {
        if (firstCrossingNs == Long.MIN_VALUE) {
            return "";
        }
        return String.format(Locale.ROOT, "+%.3f s", (timestampNs - firstCrossingNs) / 1e9);
    }

    /** Details of an interface of the graph, or empty if it is not in the graph. */
    public Optional<NodeDetails> details(String interfaceId) {
        return graphModel.details(interfaceId);
    }

    // ---- ingest: per crossing, O(1) ----

    private void ingest(TracedHop hop) {
        HopEvent e = hop.event();
        if (e.isRoute()) {
            route(hop);
            return;
        }
        if (e.isDrop()) {
            drop(hop);
            return;
        }
        crossingCount++;
        if (firstCrossingNs == Long.MIN_VALUE) {
            firstCrossingNs = e.timestampNs();
        }
        InterfaceNode node = graphModel.node(e);
        FlowData flow = flow(hop);
        if (!flow.dirty) {
            flow.dirty = true;
            dirty.add(flow);
        }
        if (flow == selectedData) {
            selectedTouched = true;
        }
        if (e.timestampNs() > flow.lastSeenNs) {
            flow.lastSeenNs = e.timestampNs();
        }
        PacketData packet = flow.packets.get(hop.packetId());
        if (packet == null) {
            if (hop.packetId() <= flow.maxPacketId) {
                return;
            }
            packet = newPacket(flow, hop);
        } else if (packet.direction != hop.direction()) {
            packet.direction = hop.direction();
            flow.directionChanged();
        }
        // a crossing links to the one it follows in the packet's tree (a flooded copy to the bridge, not to the
        // other copy); beyond the cap, to the packet's previous crossing
        InterfaceNode from = hop.parent() < MAX_CROSSINGS_PER_PACKET ? packet.nodeAt(hop.parent()) : packet.lastNode;
        Hook fromHook = hop.parent() < MAX_CROSSINGS_PER_PACKET ? packet.hookAt(hop.parent()) : packet.lastHook;
        if (from != null && from != node) {
            graphModel.step(from, fromHook, node, e.hook());
        }
        packet.remember(hop.ordinal(), node, e.hook());
        packet.lastNode = node;
        packet.lastHook = e.hook();
        if (packet.size() < MAX_CROSSINGS_PER_PACKET) {
            packet.crossings.add(new Crossing(hop, node));
            flow.grew(packet);
        }
        if (!packet.drops.isEmpty()) {
            // another copy moved on after one was dropped: the packet may not be lost after all
            packet.judge();
            flow.judged(packet);
        }
    }

    /**
     * Routing decisions have no skb, so no packet: the latest ones are kept (at most {@value #MAX_ROUTES}) for the
     * selected flow's hop table, which shows those made for its endpoints while it ran, and per output interface
     * for the node details.
     */
    private void route(TracedHop hop) {
        recentRoutes.addLast(hop);
        if (recentRoutes.size() > MAX_ROUTES) {
            recentRoutes.removeFirst();
        }
        HopEvent e = hop.event();
        if (e.verdict().routeFound() && e.ifindex() != 0) {
            routesOut.put(DiagramGraph.idOf(e.netnsInode(), e.ifindex()), hop);
            routesOutCount.merge(DiagramGraph.idOf(e.netnsInode(), e.ifindex()), 1L, Long::sum);
        }
    }

    /**
     * Netfilter verdicts (trace files recorded with --netfilter): kept, at most {@value #MAX_ROUTES}, for the
     * selected flow's hop table (placed right after the crossing of the same packet in the deciding namespace)
     * and for the node details of that namespace's interfaces.
     */
    public void acceptNetfilter(List<NetfilterVerdict> verdicts) {
        for (NetfilterVerdict v : verdicts) {
            recentNetfilter.addLast(v);
            if (recentNetfilter.size() > MAX_ROUTES) {
                recentNetfilter.removeFirst();
            }
            netfilterByNetns.put(v.netnsInode(), v);
        }
        if (!verdicts.isEmpty() && selectedData != null) {
            publishHopRows();
        }
    }

    /** "netfilter here: inet filter input: rule "..." verdict drop", or empty. */
    public Optional<String> netfilterIn(String interfaceId) {
        Optional<NodeDetails> node = details(interfaceId);
        NetfilterVerdict v = node.isEmpty() ? null : netfilterByNetns.get(node.get().netnsInode());
        return v == null ? Optional.empty() : Optional.of("latest netfilter verdict in this namespace: " + v.where()
                + ": " + (v.isPolicy() ? "policy" : "rule \"" + v.rule() + "\"") + " verdict " + v.verdict());
    }

    /** "12 routing decision(s) chose this interface; the latest: route: table main: via ...", or empty. */
    public Optional<String> routesVia(String interfaceId) {
        TracedHop latest = routesOut.get(interfaceId);
        if (latest == null) {
            return Optional.empty();
        }
        return Optional.of(routesOutCount.get(interfaceId) + " routing decision(s) chose this interface; the "
                + "latest: " + Text.info(latest.event()));
    }

    /**
     * A real drop ends its packet where it last crossed: the flow shows "dropped" while its latest request was
     * dropped, and the interface where it died is marked when the flow is selected. An expected drop
     * ({@link DropClass}) is only listed in the hop table.
     */
    private void drop(TracedHop hop) {
        FlowData flow = flowData.get(hop.flowId());
        PacketData packet = flow == null ? null : flow.packets.get(hop.packetId());
        if (packet == null) {
            return;
        }
        packet.drop = hop;
        packet.drops.add(hop);
        packet.judge();
        flow.judged(packet);
        if (!flow.dirty) {
            flow.dirty = true;
            dirty.add(flow);
        }
        if (flow == selectedData) {
            selectedTouched = true;
        }
    }

    private FlowData flow(TracedHop hop) {
        FlowData flow = flowData.get(hop.flowId());
        if (flow != null) {
            return flow;
        }
        HopEvent e = hop.event();
        boolean reply = hop.direction() == PacketDirection.REPLY;
        String source = Text.source(e);
        String destination = Text.destination(e);
        flow = new FlowData(hop.flowId(), new FlowRow(hop.flowId(), Text.protocol(e),
                reply ? destination : source, reply ? source : destination));
        flowData.put(flow.id, flow);
        added.add(flow);
        if (flow.id > maxFlowId) {
            maxFlowId = flow.id;
            flowCount++;
        }
        if (flowData.size() > maxFlows) {
            Iterator<FlowData> eldest = flowData.values().iterator();
            evict(eldest.next());
            eldest.remove();
        }
        return flow;
    }

    private PacketData newPacket(FlowData flow, TracedHop hop) {
        PacketData packet = new PacketData(hop.packetId(), hop.direction());
        flow.addPacket(packet, maxPacketsPerFlow);
        packetCount++;
        if (hop.direction() == PacketDirection.REPLY) {
            flow.lastReplyId = packet.id;
        } else if (expectsAnswer(hop.event())) {
            flow.lastRequestId = packet.id;
        }
        return packet;
    }

    private static boolean expectsAnswer(HopEvent e) {
        return !(e.isTcp() && e.hasTransportHeader() && e.tcpFlags() == HopEvent.TCP_FLAG_ACK);
    }

    private void evict(FlowData flow) {
        flow.evicted = true;
        if (flow.listed) {
            removed.add(flow.row);
        }
    }

    // ---- publish: once per batch ----

    /** Shows what was ingested since the last publish: flow rows, graph, counters, the selection. */
    public void publish() {
        if (!removed.isEmpty()) {
            flows.removeAll(removed);
            removed.clear();
        }
        for (FlowData flow : dirty) {
            flow.dirty = false;
            if (!flow.evicted) {
                flow.publish();
            }
        }
        dirty.clear();
        if (!added.isEmpty()) {
            List<FlowRow> rows = new ArrayList<>(added.size());
            for (FlowData flow : added) {
                if (!flow.evicted) {
                    flow.listed = true;
                    rows.add(flow.row);
                }
            }
            added.clear();
            flows.addAll(rows);
        }
        if (graphModel.takeChanged()) {
            graph.set(graphModel.snapshot());
        }
        publishCounters();
        if (selectedData != null && selectedData.evicted) {
            clearSelection();
            selectedTouched = false;
        } else if (selectedTouched && !deferSelectionUpdates) {
            refreshSelection();
            selectedTouched = false;
        }
    }

    /**
     * With deferral on, new crossings of the selected flow update its path, hop table and statistics only on
     * {@link #flushSelection()}: a window under a flood refreshes them a few times a second, not every frame.
     */
    public void setDeferSelectionUpdates(boolean defer) {
        this.deferSelectionUpdates = defer;
    }

    /** Applies crossings of the selected flow held back by {@link #setDeferSelectionUpdates(boolean)}. */
    public void flushSelection() {
        if (selectedTouched && selectedData != null) {
            refreshSelection();
        }
        selectedTouched = false;
    }

    private void publishCounters() {
        packets.set(packetCount);
        crossings.set(crossingCount);
        flowsSeen.set(flowCount);
    }

    private void refreshSelection() {
        FlowData flow = selectedData;
        PathAnalysis request = PathAnalysis.of(flow, PacketDirection.REQUEST);
        PathAnalysis reply = PathAnalysis.of(flow, PacketDirection.REPLY);
        requestEdges = request.edges;
        replyEdges = reply.edges;
        List<HopStat> stats = new ArrayList<>(request.stats.size() + reply.stats.size());
        stats.addAll(request.stats);
        stats.addAll(reply.stats);
        hopStats.setAll(stats);
        publishHopRows();
        publishHighlight();
    }

    private void publishHighlight() {
        String marked = markedInterface.get();
        Set<String> marks = new HashSet<>();
        if (marked != null) {
            marks.add(marked);
        }
        String dropped = droppedAt();
        if (selectedData == null && marks.isEmpty()) {
            highlight.set(Highlight.NONE);
        } else {
            highlight.set(new Highlight(requestEdges, replyEdges, marks,
                    dropped == null ? Set.of() : Set.of(dropped)));
        }
    }

    /** Where the selected flow's drawn request died, if it was dropped. */
    private String droppedAt() {
        if (selectedData == null) {
            return null;
        }
        PacketData request = selectedData.path(PacketDirection.REQUEST);
        if (request == null || request.drop == null || !request.lost) {
            return null;
        }
        InterfaceNode died = request.nodeAt(request.drop.parent());
        died = died != null ? died : request.lastNode;
        return died == null ? null : died.id();
    }

    private void publishHopRows() {
        if (selectedData == null) {
            hopRows.clear();
            return;
        }
        List<HopRow> rows = new ArrayList<>();
        long first = selectedData.firstSeenNs;
        for (PacketData packet : selectedData.packets.values()) {
            for (Crossing c : packet.crossings) {
                first = Math.min(first, c.hop().event().timestampNs());
            }
        }
        selectedData.firstSeenNs = first;
        String filter = interfaceFilter.get();
        for (PacketData packet : selectedData.packets.values()) {
            for (Crossing c : packet.crossings) {
                if (filter == null || filter.equals(c.node().id())) {
                    rows.add(new HopRow(c.hop(), c.node().id(), c.node().namespace,
                            c.hop().event().timestampNs() - first));
                }
            }
            InterfaceNode died = packet.drop == null ? null : packet.nodeAt(packet.drop.parent());
            died = died != null ? died : packet.lastNode;
            if (packet.drop != null && died != null && (filter == null || filter.equals(died.id()))) {
                rows.add(new HopRow(packet.drop, died.id(), died.namespace,
                        packet.drop.event().timestampNs() - first));
            }
        }
        if (filter == null) {
            addRouteRows(rows, first);
            addArpRows(rows, first);
            addNetfilterRows(rows);
        }
        rows.sort(TIME_ORDER);
        updateHopRows(rows);
    }

    /** The routing decisions made for the selected flow's endpoints while its retained packets were seen. */
    private void addRouteRows(List<HopRow> rows, long first) {
        PacketData request = selectedData.path(PacketDirection.REQUEST);
        if (request == null || request.crossings.isEmpty() || recentRoutes.isEmpty()) {
            return;
        }
        HopEvent sample = request.crossings.get(0).hop().event();
        long last = selectedData.lastSeenNs;
        for (TracedHop route : recentRoutes) {
            HopEvent r = route.event();
            if (r.timestampNs() < first - ROUTE_SLACK_NS || r.timestampNs() > last + ROUTE_SLACK_NS) {
                continue;
            }
            PacketDirection direction = routeDirection(r, sample);
            if (direction != null) {
                String namespace = names.netnsName(r.netnsInode()).orElse(Long.toString(r.netnsInode()));
                rows.add(new HopRow(new TracedHop(r, 0, selectedData.id, direction, -1, -1),
                        DiagramGraph.idOf(r.netnsInode(), r.ifindex()), namespace, r.timestampNs() - first));
            }
        }
    }

    /**
     * Address resolution the flow waited for: ARP packets that ask for (or answer about) one of the flow's
     * endpoints or a gateway its routing decisions chose, from {@value #ARP_LEAD_NS} ns before its first crossing
     * to its last. After a neighbour flush, the first ping's hop table shows the ARP exchange before the echo.
     */
    private void addArpRows(List<HopRow> rows, long first) {
        PacketData request = selectedData.path(PacketDirection.REQUEST);
        if (request == null || request.crossings.isEmpty()) {
            return;
        }
        HopEvent sample = request.crossings.get(0).hop().event();
        if (sample.isArp()) {
            return;
        }
        Set<InetAddress> wanted = new HashSet<>();
        wanted.add(sample.source());
        wanted.add(sample.destination());
        for (HopRow row : rows) {
            if (row.event().isRoute() && row.event().verdict().fibGateway() != null) {
                wanted.add(row.event().verdict().fibGateway());
            }
        }
        for (FlowData flow : flowData.values()) {
            if (flow == selectedData || !flow.row.getProtocol().equals("arp")) {
                continue;
            }
            for (PacketData packet : flow.packets.values()) {
                for (Crossing c : packet.crossings) {
                    HopEvent e = c.hop().event();
                    long ts = e.timestampNs();
                    if (ts >= first - ARP_LEAD_NS && ts <= selectedData.lastSeenNs && wanted.contains(e.destination())) {
                        rows.add(new HopRow(c.hop(), c.node().id(), c.node().namespace, ts - first));
                    }
                }
            }
        }
    }

    /**
     * Netfilter verdicts carry no time: each goes right after the crossing, in the deciding namespace, of the
     * packet it names (same addresses and ICMP id/seq or ports).
     */
    private void addNetfilterRows(List<HopRow> rows) {
        if (recentNetfilter.isEmpty()) {
            return;
        }
        int crossings = rows.size();
        for (NetfilterVerdict v : recentNetfilter) {
            HopEvent p = v.packet();
            for (int i = 0; p != null && i < crossings; i++) {
                HopRow row = rows.get(i);
                HopEvent e = row.event();
                if (e.isCrossing() && e.netnsInode() == v.netnsInode() && samePacket(e, p)) {
                    HopEvent verdict = p.withVerdict(null).withNetns(v.netnsInode());
                    rows.add(new HopRow(new TracedHop(verdict, 0, selectedData.id, row.hop().direction(), -1, -1),
                            row.interfaceId(), row.namespace(), row.offsetNs(), v));
                    break;
                }
            }
        }
    }

    private static boolean samePacket(HopEvent crossing, HopEvent packet) {
        if (!crossing.source().equals(packet.source()) || !crossing.destination().equals(packet.destination())) {
            return false;
        }
        if (crossing.isEcho()) {
            return crossing.icmpId() == packet.icmpId() && crossing.icmpSeq() == packet.icmpSeq();
        }
        return crossing.sourcePort() == packet.sourcePort() && crossing.destinationPort() == packet.destinationPort();
    }

    /** Whether a lookup was for the request's destination (from its source or a source not yet chosen) or back. */
    private static PacketDirection routeDirection(HopEvent route, HopEvent request) {
        if (request.source() == null || request.destination() == null || route.destination() == null) {
            return null;
        }
        boolean anySource = route.source() == null || route.source().isAnyLocalAddress();
        if (route.destination().equals(request.destination())
                && (anySource || route.source().equals(request.source()))) {
            return PacketDirection.REQUEST;
        }
        if (route.destination().equals(request.source())
                && (anySource || route.source().equals(request.destination()))) {
            return PacketDirection.REPLY;
        }
        return null;
    }

    /**
     * Replaces the hop rows, as a removal at the head and an append at the tail when that is what changed (the
     * usual case while a flow is live): a table then keeps its cells instead of rebuilding them all.
     */
    private void updateHopRows(List<HopRow> rows) {
        int old = hopRows.size();
        int skip = rows.isEmpty() ? -1 : indexOfHop(rows.get(0));
        if (skip >= 0 && old - skip <= rows.size() && sameHops(skip, rows)) {
            if (skip > 0) {
                hopRows.remove(0, skip);
            }
            if (rows.size() > old - skip) {
                hopRows.addAll(rows.subList(old - skip, rows.size()));
            }
            return;
        }
        hopRows.setAll(rows);
    }

    private int indexOfHop(HopRow row) {
        for (int i = 0; i < hopRows.size(); i++) {
            if (hopRows.get(i).hop() == row.hop()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the current rows from {@code skip} on are the first rows of {@code rows}, crossing for crossing. */
    private boolean sameHops(int skip, List<HopRow> rows) {
        for (int i = skip; i < hopRows.size(); i++) {
            HopRow current = hopRows.get(i);
            HopRow next = rows.get(i - skip);
            if (current.hop() != next.hop() || current.offsetNs() != next.offsetNs()) {
                return false;
            }
        }
        return true;
    }
}
