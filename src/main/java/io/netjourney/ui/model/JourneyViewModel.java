package io.netjourney.ui.model;

import io.netjourney.capture.Names;
import io.netjourney.journey.ConversationView;
import io.netjourney.journey.DisplaySampling;
import io.netjourney.capture.names.InterfaceInfo;
import io.netjourney.journey.FlowDetail;
import io.netjourney.journey.FlowEvent;
import io.netjourney.journey.FlowPaths;
import io.netjourney.journey.FlowReport;
import io.netjourney.journey.FlowView;
import io.netjourney.journey.LinkLocal;
import io.netjourney.journey.JourneyModel;
import io.netjourney.journey.JourneySnapshot;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.PathStatistics;
import io.netjourney.journey.Topology;
import io.netjourney.journey.TracedHop;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.diagram.Highlight;
import io.netjourney.ui.diagram.Highlight.PathEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The view model of the main window: it presents the {@link JourneyModel}'s snapshots as the flows list, the
 * diagram graph, the selected flow's highlight, hop table and statistics, node details and counters, and keeps
 * only view state (which flow is selected, which interface is marked or filtered to). It stores no packets and
 * computes no statistics: flows, their status, paths, statistics and what belongs to them come from the model
 * (see {@link JourneyModel}, {@link FlowPaths}); retention is the model's ({@code JourneyConfig}). Used on the FX
 * thread; it never starts JavaFX or touches the scene graph.
 *
 * <h2>Flows list</h2>
 * One {@link FlowRow} per retained flow id, appended when first seen, updated in place, never moved, removed when
 * the model evicts the flow. Source and destination are those of the request direction. The same rows are grouped
 * under one {@link ConversationRow} per conversation of the model ({@link io.netjourney.journey.ConversationView}),
 * which lives while one of its flows does; its figures are the model's, shown as they come.
 *
 * <h2>Selection</h2>
 * {@link #select(long)} tells the model (through the selection listener) which flow's detail it wants; the hop
 * table, statistics and highlight follow when that detail arrives in a snapshot. Request and reply edges are the
 * steps between consecutive crossings on different interfaces of each path, numbered from 1 and labelled
 * {@code "n · avg µs"}, avg being the statistics' mean Δt into the crossing the edge arrives at. {@code marked} holds
 * the interface given to {@link #mark(String)}. Selecting a flow clears the mark and the hop-table filter.
 */
public final class JourneyViewModel {
    private final GraphModel graphModel;
    private final Map<Long, FlowRow> rows = new HashMap<>();
    private final Map<Long, ConversationRow> conversationRows = new HashMap<>();
    private long firstCrossingNs = Long.MIN_VALUE;
    private long selectedId;
    private FlowDetail detail;
    private LongConsumer selectionListener = id -> { };
    private List<PathEdge> requestEdges = List.of();
    private List<PathEdge> replyEdges = List.of();
    /** The selected flow's statistics as last worked out, for the table. */
    private List<HopStat> shownStats = List.of();
    private Consumer<Runnable> tablesLater = Runnable::run;
    private boolean tablesPending;

    private final ObservableList<FlowRow> flows = FXCollections.observableArrayList();
    private final ObservableList<ConversationRow> conversations = FXCollections.observableArrayList();
    private final ObservableList<ConversationRow> conversationsView =
            FXCollections.unmodifiableObservableList(conversations);
    private final ObservableList<HopRow> hopRows = FXCollections.observableArrayList();
    private final ObservableList<HopStat> hopStats = FXCollections.observableArrayList();
    private final ObservableList<FlowRow> flowsView = FXCollections.unmodifiableObservableList(flows);
    private final ObservableList<HopRow> hopRowsView = FXCollections.unmodifiableObservableList(hopRows);
    private final ObservableList<HopStat> hopStatsView = FXCollections.unmodifiableObservableList(hopStats);
    private final ReadOnlyObjectWrapper<DiagramGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph",
            DiagramGraph.EMPTY);
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>(this, "highlight",
            Highlight.NONE);
    private final ReadOnlyObjectWrapper<FlowRow> selectedFlow = new ReadOnlyObjectWrapper<>(this, "selectedFlow");
    private final ReadOnlyObjectWrapper<FlowDetail> selectedDetail = new ReadOnlyObjectWrapper<>(this,
            "selectedDetail");
    private final ReadOnlyStringWrapper markedInterface = new ReadOnlyStringWrapper(this, "markedInterface");
    private final ReadOnlyStringWrapper interfaceFilter = new ReadOnlyStringWrapper(this, "interfaceFilter");
    private final ReadOnlyObjectWrapper<InterfaceDetails> interfaceDetails =
            new ReadOnlyObjectWrapper<>(this, "interfaceDetails");
    /** The interface whose details are shown, or null; and what the latest scan said of every interface. */
    private String detailsId;
    private Map<Long, InterfaceInfo> scanned = Map.of();
    private final ReadOnlyLongWrapper packets = new ReadOnlyLongWrapper(this, "packets");
    private final ReadOnlyLongWrapper crossings = new ReadOnlyLongWrapper(this, "crossings");
    private final ReadOnlyLongWrapper flowsSeen = new ReadOnlyLongWrapper(this, "flowsSeen");
    private final ReadOnlyLongWrapper shownOneIn = new ReadOnlyLongWrapper(this, "shownOneIn", 1);

    public JourneyViewModel(Names names) {
        this.graphModel = new GraphModel(names);
    }

    /**
     * Where a newly selected flow's hop table, statistics and detail (the tabs) go once its highlight is out: a window
     * passes something that runs them after the frame that draws the highlight, so that the path shows at once and
     * the tables follow in the next frame. By default they are published with the highlight.
     */
    public void setTablesAfterHighlight(Consumer<Runnable> later) {
        this.tablesLater = later;
    }

    /** Told the id of the flow selected (0 for none), so that the model sends its detail. */
    public void setSelectionListener(LongConsumer listener) {
        this.selectionListener = listener;
    }

    /**
     * Presents a model owned by this same thread (a command that renders once, a test): shows its snapshot now, and
     * the selected flow's detail as soon as one is selected. A window uses a {@code ModelWorker} instead.
     */
    public void presentOnThisThread(JourneyModel journeys) {
        selectionListener = id -> apply(journeys.snapshot(id, true));
        apply(journeys.snapshot(selectedId, true));
    }

    // ---- properties and lists (read-only for views) ----

    /** One row per retained flow, in first-seen order; rows change in place. */
    public ObservableList<FlowRow> flows() {
        return flowsView;
    }

    /** One row per retained conversation, in first-seen order, each with its flows; rows change in place. */
    public ObservableList<ConversationRow> conversations() {
        return conversationsView;
    }

    /** Namespaces, interfaces and links; a new snapshot only when something changed. */
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

    /** The selected flow's detail as the model last sent it (the time view draws it), or null. */
    public ReadOnlyObjectProperty<FlowDetail> selectedDetailProperty() {
        return selectedDetail.getReadOnlyProperty();
    }

    /** A namespace's label: its name, or its inode as text. */
    public String namespaceOf(long inode) {
        return graphModel.namespace(inode);
    }

    /**
     * The selected flow's story in time order (see {@link JourneyModel#detail(long)}), filtered by
     * {@link #filterToInterface(String)} to that interface's crossings and drops.
     */
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

    /**
     * The N of "showing 1 in N journeys": of the selected flow's packets counted since its previous detail, how many
     * per journey the hop table, statistics and highlight show (1: all; see {@link DisplaySampling}).
     */
    public ReadOnlyLongProperty shownOneInProperty() {
        return shownOneIn.getReadOnlyProperty();
    }

    /** The details of the interface given to {@link #showInterface}, kept up to date; null for none. */
    public ReadOnlyObjectProperty<InterfaceDetails> interfaceDetailsProperty() {
        return interfaceDetails.getReadOnlyProperty();
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

    /** Shows what the model published: rows, graph, counters, the selected flow's detail. */
    public void apply(JourneySnapshot snapshot) {
        removeFlows(snapshot.removed());
        removeConversations(snapshot.conversationsRemoved());
        List<ConversationRow> newConversations = new ArrayList<>();
        for (ConversationView view : snapshot.conversations()) {
            ConversationRow row = conversationRows.get(view.conversationId());
            if (row == null) {
                row = new ConversationRow(view.conversationId(), view.protocol(), view.key().linkChatter());
                conversationRows.put(view.conversationId(), row);
                newConversations.add(row);
            }
            boolean reply = view.firstIsReply();
            String from = Text.sourceHost(view.first());
            String to = Text.destinationHost(view.first());
            row.update(reply ? to : from, reply ? from : to, view.flows(), view.packets(), view.latestFlowId(),
                    view.status(), view.lastSeenNs(), view.seen(), view.statistics());
        }
        conversations.addAll(newConversations);
        List<FlowRow> added = new ArrayList<>();
        Map<ConversationRow, List<FlowRow>> addedTo = new LinkedHashMap<>();
        for (FlowView view : snapshot.changed()) {
            FlowRow row = rows.get(view.flowId());
            if (row == null) {
                row = newRow(view);
                rows.put(view.flowId(), row);
                added.add(row);
                ConversationRow conversation = conversationRows.get(view.conversationId());
                if (conversation != null) {
                    addedTo.computeIfAbsent(conversation, c -> new ArrayList<>()).add(row);
                }
            }
            row.update(view.summary().packets(), view.requestHops(), view.summary().lastSeenNs(), view.status());
        }
        flows.addAll(added);
        addedTo.forEach(ConversationRow::addFlows);
        graphModel.update(snapshot.topology());
        if (graphModel.takeChanged()) {
            graph.set(graphModel.snapshot());
        }
        refreshInterfaceDetails();
        JourneySnapshot.Counters counters = snapshot.counters();
        firstCrossingNs = counters.firstCrossingNs();
        packets.set(counters.packets());
        crossings.set(counters.crossings());
        flowsSeen.set(counters.flows());
        if (selectedId != 0 && !rows.containsKey(selectedId)) {
            clearSelection();
        } else if (snapshot.selected() != null && snapshot.selected().flow().flowId() == selectedId) {
            show(snapshot.selected());
        }
    }

    private void removeFlows(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<FlowRow> gone = new ArrayList<>(ids.size());
        Map<ConversationRow, List<FlowRow>> goneFrom = new LinkedHashMap<>();
        for (Long id : ids) {
            FlowRow row = rows.remove(id);
            if (row != null) {
                gone.add(row);
                ConversationRow conversation = conversationRows.get(row.getConversationId());
                if (conversation != null) {
                    goneFrom.computeIfAbsent(conversation, c -> new ArrayList<>()).add(row);
                }
            }
        }
        flows.removeAll(gone);
        goneFrom.forEach(ConversationRow::removeFlows);
    }

    private void removeConversations(List<Long> ids) {
        List<ConversationRow> gone = new ArrayList<>(ids.size());
        for (Long id : ids) {
            ConversationRow row = conversationRows.remove(id);
            if (row != null) {
                gone.add(row);
            }
        }
        if (!gone.isEmpty()) {
            conversations.removeAll(gone);
        }
    }

    private static FlowRow newRow(FlowView view) {
        String source = Text.source(view.first());
        String destination = Text.destination(view.first());
        boolean reply = view.firstIsReply();
        return new FlowRow(view.flowId(), view.conversationId(), Text.flowLabel(view.flowId(), view.first(), reply),
                Text.protocol(view.first()), reply ? destination : source, reply ? source : destination,
                LinkLocal.isChatter(view.first()));
    }

    /** Forgets everything shown: flows, graph, selection, counters (the model is reset by its owner). */
    public void clear() {
        clearSelection();
        rows.clear();
        flows.clear();
        conversationRows.clear();
        conversations.clear();
        graphModel.clear();
        graph.set(DiagramGraph.EMPTY);
        scanned = Map.of();
        showInterface(null);
        firstCrossingNs = Long.MIN_VALUE;
        packets.set(0);
        crossings.set(0);
        flowsSeen.set(0);
    }

    /**
     * Greys out the namespaces and interfaces that no longer exist, and hides those gone for a minute unless the
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
        scanned = live.scanned();
        refreshInterfaceDetails();
    }

    /** Shows the details of this interface (a clicked node) from now on, as they change; null shows none. */
    public void showInterface(String interfaceId) {
        detailsId = interfaceId;
        refreshInterfaceDetails();
    }

    private void refreshInterfaceDetails() {
        InterfaceDetails shown = detailsId == null ? null : interfaceDetails(detailsId).orElse(null);
        if (!Objects.equals(shown, interfaceDetails.get())) {
            interfaceDetails.set(shown);
        }
    }

    /** What the Interface tab shows for an interface of the graph, or empty if it is not in the graph. */
    public Optional<InterfaceDetails> interfaceDetails(String interfaceId) {
        Topology.Interface i = graphModel.byId(interfaceId);
        return details(interfaceId).map(node -> new InterfaceDetails(node, scanned.get(i.key()),
                graphModel.topology().countsAt(i.key()), routesVia(interfaceId).orElse(null),
                netfilterIn(interfaceId).orElse(null)));
    }

    /** Selects a retained flow (clearing the mark and filter); an unknown id clears the selection. */
    public void select(long flowId) {
        FlowRow row = rows.get(flowId);
        if (row == null) {
            clearSelection();
            return;
        }
        if (flowId != selectedId) {
            detail = null;
            shownOneIn.set(1);
            selectedDetail.set(null);
            requestEdges = List.of();
            replyEdges = List.of();
            hopRows.clear();
            hopStats.clear();
        }
        selectedId = flowId;
        selectedFlow.set(row);
        markedInterface.set(null);
        interfaceFilter.set(null);
        publishHighlight();
        selectionListener.accept(flowId);
    }

    /** Selects a conversation's latest flow (see {@link ConversationRow#getLatestFlowId()}). */
    public void selectConversation(long conversationId) {
        ConversationRow row = conversationRows.get(conversationId);
        if (row == null) {
            clearSelection();
        } else {
            select(row.getLatestFlowId());
        }
    }

    /** Whether the selected flow's detail (hop table, statistics, highlight) has arrived from the model. */
    public boolean detailShown() {
        return detail != null && detail.flow().flowId() == selectedId;
    }

    /** The id of the selected flow, 0 for none. */
    public long selectedId() {
        return selectedId;
    }

    /** No flow selected: highlight {@link Highlight#NONE}, empty hop table and statistics. */
    public void clearSelection() {
        boolean had = selectedId != 0;
        selectedId = 0;
        detail = null;
        shownOneIn.set(1);
        selectedDetail.set(null);
        selectedFlow.set(null);
        markedInterface.set(null);
        interfaceFilter.set(null);
        requestEdges = List.of();
        replyEdges = List.of();
        hopRows.clear();
        hopStats.clear();
        highlight.set(Highlight.NONE);
        if (had) {
            selectionListener.accept(0);
        }
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

    /**
     * What an export's caption says is shown: the selected flow and its span (from its first event, a routing
     * decision before its first crossing included, to its latest crossing), or all flows listed and the capture's.
     */
    public ExportCaption.Shown shown() {
        FlowRow row = selectedFlow.get();
        if (row != null) {
            long first = detailShown() ? detail.firstSeenNs() : row.getLastSeenNs();
            return new ExportCaption.Shown("flow " + row.getId() + " · " + row.getProtocol() + " " + row.getSource()
                    + " → " + row.getDestination(), flows.size(), first, row.getLastSeenNs(), firstCrossingNs);
        }
        long last = Long.MIN_VALUE;
        for (FlowRow each : flows) {
            last = Math.max(last, each.getLastSeenNs());
        }
        return new ExportCaption.Shown(null, flows.size(), firstCrossingNs, last, firstCrossingNs);
    }

    /** Details of an interface of the graph, or empty if it is not in the graph. */
    public Optional<NodeDetails> details(String interfaceId) {
        return graphModel.details(interfaceId);
    }

    /** "latest netfilter verdict in this namespace: inet filter input: rule "..." verdict drop", or empty. */
    public Optional<String> netfilterIn(String interfaceId) {
        Topology.Interface i = graphModel.byId(interfaceId);
        var v = i == null ? null : graphModel.topology().netfilter().get(i.netnsInode());
        return v == null ? Optional.empty() : Optional.of("latest netfilter verdict in this namespace: " + v.where()
                + ": " + (v.isPolicy() ? "policy" : "rule \"" + v.rule() + "\"") + " verdict " + v.verdict());
    }

    /** "12 routing decision(s) chose this interface; the latest: route: table main: via ...", or empty. */
    public Optional<String> routesVia(String interfaceId) {
        Topology.Interface i = graphModel.byId(interfaceId);
        Topology.Routes routes = i == null ? null : graphModel.topology().routesOut().get(i.key());
        if (routes == null) {
            return Optional.empty();
        }
        return Optional.of(routes.count() + " routing decision(s) chose this interface; the latest: "
                + Text.info(routes.latest().event()));
    }

    // ---- the selected flow's detail ----

    private void show(FlowDetail shown) {
        boolean newlySelected = !detailShown();
        shownOneIn.set(DisplaySampling.oneIn(detail, shown));
        detail = shown;
        List<HopStat> stats = new ArrayList<>();
        requestEdges = edges(shown.request(), PacketDirection.REQUEST, stats);
        replyEdges = edges(shown.reply(), PacketDirection.REPLY, stats);
        shownStats = stats;
        publishHighlight();
        if (tablesPending) {
            return; // the publication waiting shows this detail
        }
        if (!newlySelected) {
            publishTables();
            return;
        }
        tablesPending = true;
        tablesLater.accept(() -> {
            tablesPending = false;
            publishTables();
        });
    }

    /** The selected flow's detail, statistics and hop rows as last shown; nothing once it is no longer selected. */
    private void publishTables() {
        if (!detailShown()) {
            return;
        }
        selectedDetail.set(detail);
        updateHopStats(shownStats);
        publishHopRows();
    }

    /** Adds a direction's statistics to {@code stats}; returns its highlighted edges. */
    private List<PathEdge> edges(FlowPaths.Direction direction, PacketDirection which, List<HopStat> stats) {
        List<TracedHop> path = direction.path();
        List<PathStatistics.Hop<FlowReport.Place>> hops = direction.statistics();
        List<HopStat> own = new ArrayList<>(hops.size());
        for (PathStatistics.Hop<FlowReport.Place> hop : hops) {
            TracedHop crossing = path.get(hop.hop() - 1);
            own.add(new HopStat(which, hop.hop(), idOf(hop.place()), hop.place().ifname(),
                    graphModel.namespace(hop.place().netnsInode()), crossing.event().hook().tracepoint(), hop.seen(),
                    hop.lost(), hop.lastHop(), hop.lastNs() < 0 ? Double.NaN : Micros.of(hop.lastNs()),
                    hop.meanNs() / 1_000, hop.bestNs() < 0 ? Double.NaN : Micros.of(hop.bestNs()),
                    hop.worstNs() < 0 ? Double.NaN : Micros.of(hop.worstNs())));
        }
        stats.addAll(own);
        List<PathEdge> edges = new ArrayList<>(path.size());
        for (int k = 1; k < path.size() && k < own.size(); k++) {
            String from = own.get(k - 1).interfaceId();
            String to = own.get(k).interfaceId();
            if (!from.equals(to)) {
                int number = own.get(k).hop();
                double avg = own.get(k).avgUs();
                String label = Double.isNaN(avg) ? Integer.toString(number)
                        : number + " · " + Micros.format(avg) + " µs";
                edges.add(new PathEdge(from, to, number, label));
            }
        }
        return edges;
    }

    private static String idOf(FlowReport.Place place) {
        return DiagramGraph.idOf(place.netnsInode(), place.ifindex());
    }

    private void publishHighlight() {
        String marked = markedInterface.get();
        Set<String> marks = new HashSet<>();
        if (marked != null) {
            marks.add(marked);
        }
        FlowReport.Place dropped = detail == null ? null : detail.droppedAt();
        if (selectedId == 0 && marks.isEmpty()) {
            highlight.set(Highlight.NONE);
        } else {
            highlight.set(new Highlight(requestEdges, replyEdges, marks,
                    dropped == null ? Set.of() : Set.of(idOf(dropped))));
        }
    }

    private void publishHopRows() {
        if (detail == null) {
            hopRows.clear();
            return;
        }
        String filter = interfaceFilter.get();
        long flowId = detail.flow().flowId();
        List<HopRow> shown = new ArrayList<>(detail.events().size());
        for (FlowEvent e : detail.events()) {
            String id = idOf(e.place());
            boolean ownPacket = e.netfilter() == null && e.hop().flowId() == flowId && e.hop().packetId() != 0;
            if (filter == null || ownPacket && filter.equals(id)) {
                shown.add(new HopRow(e.hop(), id, graphModel.namespace(e.place().netnsInode()),
                        e.timestampNs() - detail.firstSeenNs(), e.netfilter()));
            }
        }
        updateHopRows(shown);
    }

    /**
     * Replaces the hop rows, as a removal at the head and an append at the tail when that is what changed (the
     * usual case while a flow is live): a table then keeps its cells instead of rebuilding them all.
     */
    private void updateHopRows(List<HopRow> shown) {
        int old = hopRows.size();
        int skip = shown.isEmpty() ? -1 : indexOfHop(shown.get(0));
        if (skip >= 0 && old - skip <= shown.size() && sameHops(skip, shown)) {
            if (skip > 0) {
                hopRows.remove(0, skip);
            }
            if (shown.size() > old - skip) {
                hopRows.addAll(shown.subList(old - skip, shown.size()));
            }
            return;
        }
        hopRows.setAll(shown);
    }

    /**
     * Replaces the statistics rows that changed, each as a removal and an insertion: a table given a replacement
     * (what {@code setAll} or {@code set} sends) builds all its rows anew, a cost paid on every update of a live flow.
     */
    private void updateHopStats(List<HopStat> shown) {
        if (shown.size() != hopStats.size()) {
            hopStats.setAll(shown);
            return;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (!hopStats.get(i).equals(shown.get(i))) {
                hopStats.remove(i);
                hopStats.add(i, shown.get(i));
            }
        }
    }

    private int indexOfHop(HopRow row) {
        for (int i = 0; i < hopRows.size(); i++) {
            if (hopRows.get(i).equals(row)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the current rows from {@code skip} on are the first rows of {@code shown}, row for row. */
    private boolean sameHops(int skip, List<HopRow> shown) {
        for (int i = skip; i < hopRows.size(); i++) {
            if (!hopRows.get(i).equals(shown.get(i - skip))) {
                return false;
            }
        }
        return true;
    }
}
