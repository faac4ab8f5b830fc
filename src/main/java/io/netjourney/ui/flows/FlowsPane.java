package io.netjourney.ui.flows;

import io.netjourney.journey.FlowStatus;
import io.netjourney.ui.model.ConversationRow;
import io.netjourney.ui.model.FlowRow;
import io.netjourney.ui.model.ListedRow;
import io.netjourney.ui.model.Micros;
import io.netjourney.ui.tables.ColumnFit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * The flows list: one row per conversation (both ends and the protocol) with its running figures and a latency
 * sparkline, expandable to its flows; searchable (protocol, addresses, ports, state) and sortable. Rows are updated
 * in place by the view model, so the list does not jump while it updates. A link's own chatter is listed only when
 * 'link-local' is ticked. Columns are at least as wide as what they show (see {@link ColumnFit}); the pane says how
 * wide that makes it ({@link #fittedWidthProperty()}) and how narrow it can be with the conversations on two lines
 * ({@link #compactWidthProperty()}: "198.51.100.1 →" over "198.51.100.2"), and may be made narrower still, down to
 * {@link #LEAST_WIDTH}: the list then scrolls sideways, and the tabs beside it keep their room.
 */
public final class FlowsPane extends VBox {
    /** The state column's words, the widest of which it must fit. */
    private static final String[] STATES = java.util.Arrays.stream(FlowStatus.values()).map(FlowStatus::label)
            .toArray(String[]::new);
    /** Room beside a conversation's text for its disclosure arrow; a flow's is indented further. */
    private static final double TREE_EXTRA = 34;
    private static final double FLOW_EXTRA = 50;
    /** The vertical scroll bar and the pane's padding. */
    private static final double PANE_EXTRA = 34;
    /** The narrowest the pane gets: the conversation column and a little more. */
    public static final double LEAST_WIDTH = 360;
    /** Where a conversation's or flow's label may take a second line. */
    private static final String ARROW = " → ";

    private final TreeTableView<ListedRow> table = new TreeTableView<>();
    private final TreeItem<ListedRow> root = new TreeItem<>();
    private final TextField search = TextFields.createClearableTextField();
    private final CheckBox linkChatter = new CheckBox("link-local");
    private final ColumnFit fit = new ColumnFit();
    private final ReadOnlyDoubleWrapper fittedWidth = new ReadOnlyDoubleWrapper(this, "fittedWidth");
    private final ReadOnlyDoubleWrapper compactWidth = new ReadOnlyDoubleWrapper(this, "compactWidth");
    private final Map<ConversationRow, ConversationItem> items = new HashMap<>();
    private final ObservableList<ConversationRow> conversations;
    private final TreeTableColumn<ListedRow, String> labelColumn;
    private final TreeTableColumn<ListedRow, String> protocolColumn;
    private boolean labelsOnTwoLines;
    private Consumer<ListedRow> onChosen = row -> { };

    /**
     * @param conversations the conversations, each with its flows, updated in place
     * @param sinceStart    formats a row's last-seen timestamp ("+12.345 s")
     */
    public FlowsPane(ObservableList<ConversationRow> conversations, LongFunction<String> sinceStart) {
        this.conversations = conversations;
        getStyleClass().add("flows-pane");
        search.setId("flow-search");
        search.setPromptText("search flows (address, port, protocol, state)");
        linkChatter.setId("show-link-chatter");
        linkChatter.setTooltip(new Tooltip("Also list IGMP, IPv6 neighbour discovery and multicast listener "
                + "messages, and traffic to link-local multicast groups (224.0.0.0/24, ff02::/16): a link's own "
                + "chatter, hidden by default"));
        search.textProperty().addListener((obs, old, text) -> refilter());
        linkChatter.selectedProperty().addListener((obs, old, on) -> refilter());

        table.setId("flows-table");
        table.setRoot(root);
        table.setShowRoot(false);
        table.setPlaceholder(new Label("No flows yet: start a capture, open a trace or turn the lab on"));
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        labelColumn = column("conversation", ListedRow::labelProperty,
                (row, text) -> labelsOnTwoLines ? onTwoLines(text) : text, (row, text) -> describe(row, sinceStart));
        labelColumn.setId("conversation-column");
        protocolColumn = column("proto", ListedRow::protocolProperty, (row, text) -> text, (row, text) -> text);
        TreeTableColumn<ListedRow, Number> flowsColumn = column("flows", row -> row instanceof ConversationRow c
                ? c.flowCountProperty() : null, (row, n) -> Long.toString(n.longValue()),
                (row, text) -> text.isEmpty() ? "" : text + " flow(s) retained in this conversation");
        TreeTableColumn<ListedRow, Number> seenColumn = column("seen", row -> row instanceof ConversationRow c
                ? c.seenProperty() : row.packetsProperty(), (row, n) -> Long.toString(n.longValue()),
                (row, text) -> text + " packet(s) seen" + (row instanceof ConversationRow
                        ? " in both directions (ICMP errors not counted)" : " in this flow"));
        TreeTableColumn<ListedRow, FlowStatus> stateColumn = column("state", ListedRow::stateProperty,
                (row, state) -> state.label(), (row, text) -> row instanceof ConversationRow
                        ? text + " (its latest flow's state)" : text);
        TreeTableColumn<ListedRow, Number> lossColumn = column("loss", row -> row instanceof ConversationRow c
                ? c.lossPercentProperty() : null, (row, n) -> percent(n.doubleValue()),
                (row, text) -> text.isEmpty() ? "" : text + " of the packets seen were dropped for real");
        TreeTableColumn<ListedRow, String> latency = new TreeTableColumn<>("latency µs");
        latency.setId("latency-column");
        latency.getColumns().add(micros("last", c -> c.lastUsProperty(), "the newest request's way through"));
        latency.getColumns().add(micros("avg", c -> c.avgUsProperty(), "the mean way through of its requests"));
        latency.getColumns().add(micros("best", c -> c.bestUsProperty(), "the quickest request's way through"));
        latency.getColumns().add(micros("worst", c -> c.worstUsProperty(), "the slowest request's way through"));
        TreeTableColumn<ListedRow, List<Double>> history = new TreeTableColumn<>("history");
        history.setCellValueFactory(cell -> cell.getValue().getValue() instanceof ConversationRow c
                ? c.historyUsProperty() : null);
        history.setCellFactory(c -> new SparklineCell());
        history.setSortable(false);
        table.getColumns().addAll(List.of(labelColumn, protocolColumn, flowsColumn, seenColumn, stateColumn,
                lossColumn, latency, history));
        table.setTreeColumn(labelColumn);

        fit.fit(flowsColumn, 0, "9999");
        fit.fit(seenColumn, 0, "99999");
        fit.fit(stateColumn, 0, STATES);
        fit.fit(lossColumn, 0, "99.9 %");
        for (TreeTableColumn<ListedRow, ?> c : latency.getColumns()) {
            fit.fit(c, 0, "9999.9");
        }
        ColumnFit.atLeast(history, fit.textWidth("history") + 24);
        for (TreeTableColumn<ListedRow, ?> c : leaves()) {
            c.minWidthProperty().addListener((obs, old, width) -> fitPane());
            c.prefWidthProperty().addListener((obs, old, width) -> fitPane());
            c.visibleProperty().addListener((obs, old, visible) -> fitPane());
        }
        fitPane();
        widthProperty().addListener((obs, old, width) -> choosePolicy());
        labelColumn.widthProperty().addListener((obs, old, width) -> breakLabels());
        labelColumn.prefWidthProperty().addListener((obs, old, width) -> breakLabels());

        table.setRowFactory(view -> new StateRow());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                onChosen.accept(item == null ? null : item.getValue()));
        conversations.addListener((ListChangeListener<ConversationRow>) this::conversationsChanged);
        conversations.forEach(this::track);
        refilter();

        VBox.setVgrow(table, Priority.ALWAYS);
        HBox top = new HBox(8, search, linkChatter);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        getChildren().addAll(top, table);
    }

    public TreeTableView<ListedRow> table() {
        return table;
    }

    /** The search field above the list. */
    public TextField search() {
        return search;
    }

    /** Told the row chosen in the list (a conversation or a flow), null when none is. */
    public void setOnChosen(Consumer<ListedRow> listener) {
        this.onChosen = Objects.requireNonNull(listener);
    }

    /** Selects a listed flow's row (its conversation expanded) as a click would; false when it is not listed. */
    public boolean selectFlow(long flowId) {
        TreeItem<ListedRow> flow = reveal(flowId);
        if (flow != null) {
            table.getSelectionModel().select(flow);
        }
        return flow != null;
    }

    /** Expands the conversation of a listed flow, so that its row shows; returns that row's item, or null. */
    public TreeItem<ListedRow> reveal(long flowId) {
        for (TreeItem<ListedRow> conversation : root.getChildren()) {
            for (TreeItem<ListedRow> flow : conversation.getChildren()) {
                if (flow.getValue() instanceof FlowRow row && row.getId() == flowId) {
                    conversation.setExpanded(true);
                    return flow;
                }
            }
        }
        return null;
    }

    /** The columns that show values (the latency group's four, not the group). */
    List<TreeTableColumn<ListedRow, ?>> leaves() {
        List<TreeTableColumn<ListedRow, ?>> leaves = new ArrayList<>();
        for (TreeTableColumn<ListedRow, ?> c : table.getColumns()) {
            if (c.getColumns().isEmpty()) {
                leaves.add(c);
            } else {
                leaves.addAll(c.getColumns());
            }
        }
        return leaves;
    }

    private void fitPane() {
        double whole = 0;
        double least = 0;
        for (TreeTableColumn<ListedRow, ?> c : leaves()) {
            whole += c.isVisible() ? Math.max(c.getMinWidth(), c.getPrefWidth()) : 0;
            least += c.isVisible() ? c.getMinWidth() : 0;
        }
        fittedWidth.set(Math.ceil(whole + PANE_EXTRA));
        compactWidth.set(Math.ceil(least + PANE_EXTRA));
        setMinWidth(Math.min(LEAST_WIDTH, compactWidth.get()));
        choosePolicy();
    }

    /**
     * Where the columns fit, the conversation column takes what the others, as wide as they need, leave: more room
     * than its labels on one line need, or less, its labels then on two. Where they do not fit even so, they keep
     * their fitted widths and the list scrolls sideways (a constrained table would cut the last columns off with no
     * scroll bar).
     */
    private void choosePolicy() {
        for (TreeTableColumn<ListedRow, ?> c : leaves()) {
            if (c != labelColumn) {
                c.setMaxWidth(Math.max(c.getMinWidth(), c.getPrefWidth()));
            }
        }
        boolean fits = getWidth() <= 0 || getWidth() + 1 >= compactWidth.get();
        var wanted = fits ? TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS
                : TreeTableView.UNCONSTRAINED_RESIZE_POLICY;
        if (table.getColumnResizePolicy() != wanted) {
            table.setColumnResizePolicy(wanted);
        }
    }

    /** Whether the list scrolls sideways now (narrower than its columns fit). */
    public boolean scrollsSideways() {
        return table.getColumnResizePolicy() == TreeTableView.UNCONSTRAINED_RESIZE_POLICY;
    }

    /** How wide the pane must be for every column to show what it lists whole on one line, without scrolling sideways. */
    public ReadOnlyDoubleProperty fittedWidthProperty() {
        return fittedWidth.getReadOnlyProperty();
    }

    /** How narrow the pane can be with every column whole, the conversations on two lines, without scrolling sideways. */
    public ReadOnlyDoubleProperty compactWidthProperty() {
        return compactWidth.getReadOnlyProperty();
    }

    private void conversationsChanged(ListChangeListener.Change<? extends ConversationRow> change) {
        boolean structure = false;
        while (change.next()) {
            for (ConversationRow gone : change.getRemoved()) {
                ConversationItem item = items.remove(gone);
                if (item != null) {
                    item.detach();
                    root.getChildren().remove(item);
                }
            }
            for (ConversationRow added : change.getAddedSubList()) {
                ConversationItem item = track(added);
                if (visible(item)) {
                    fitShown(item);
                    root.getChildren().add(item);
                    structure = true;
                }
            }
        }
        if (structure) {
            resort();
        }
    }

    private ConversationItem track(ConversationRow row) {
        ConversationItem item = new ConversationItem(row);
        items.put(row, item);
        return item;
    }

    /** Widens the text columns to a conversation listed and its flows. */
    private void fitShown(ConversationItem item) {
        fitLabel(TREE_EXTRA, item.row.getLabel());
        fit.fit(protocolColumn, 0, item.row.getProtocol());
        for (TreeItem<ListedRow> flow : item.getChildren()) {
            fitLabel(FLOW_EXTRA, flow.getValue().getLabel());
        }
    }

    /**
     * While the conversation column is narrower than its labels on one line, each label takes two, broken after its
     * arrow: "198.51.100.1 →" over "198.51.100.2".
     */
    private void breakLabels() {
        boolean twoLines = labelColumn.getWidth() + 0.5 < labelColumn.getPrefWidth();
        if (twoLines != labelsOnTwoLines) {
            labelsOnTwoLines = twoLines;
            table.refresh();
        }
    }

    private static String onTwoLines(String label) {
        int arrow = label.indexOf(ARROW);
        return arrow < 0 ? label : label.substring(0, arrow + ARROW.length() - 1) + "\n"
                + label.substring(arrow + ARROW.length());
    }

    /** The conversation column is at least as wide as its labels on two lines, preferably on one. */
    private void fitLabel(double extra, String label) {
        int arrow = label.indexOf(ARROW);
        if (arrow < 0) {
            fit.fitWrapping(labelColumn, extra, label, label);
        } else {
            fit.fitWrapping(labelColumn, extra, label, label.substring(0, arrow + ARROW.length() - 1),
                    label.substring(arrow + ARROW.length()));
        }
    }

    private void refilter() {
        List<TreeItem<ListedRow>> shown = new ArrayList<>();
        for (ConversationRow row : conversations) {
            ConversationItem item = items.get(row);
            if (item != null && visible(item)) {
                item.refreshFlows();
                shown.add(item);
            }
        }
        // as wide as what is listed now: hidden chatter's long addresses do not widen the list
        for (TreeTableColumn<ListedRow, String> column : List.of(labelColumn, protocolColumn)) {
            column.setMinWidth(0);
            column.setPrefWidth(0);
        }
        fitLabel(TREE_EXTRA, "198.51.100.1 → 198.51.100.2");
        fit.fit(protocolColumn, 0, "icmp6");
        for (TreeItem<ListedRow> item : shown) {
            fitShown((ConversationItem) item);
        }
        root.getChildren().setAll(shown);
        resort();
    }

    /** A conversation is listed when it is not link chatter (or chatter is asked for) and it or a flow matches. */
    private boolean visible(ConversationItem item) {
        ConversationRow row = item.row;
        if (row.isLinkChatter() && !linkChatter.isSelected()) {
            return false;
        }
        if (matches(row)) {
            return true;
        }
        for (FlowRow flow : row.flows()) {
            if (matches(flow)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(ListedRow row) {
        String text = search.getText();
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        return row.getProtocol().toLowerCase(Locale.ROOT).contains(needle)
                || row.getSource().toLowerCase(Locale.ROOT).contains(needle)
                || row.getDestination().toLowerCase(Locale.ROOT).contains(needle)
                || row.getLabel().toLowerCase(Locale.ROOT).contains(needle)
                || row.getState().label().contains(needle);
    }

    private void resort() {
        if (!table.getSortOrder().isEmpty()) {
            table.sort();
        }
    }

    /** A conversation's tree item, whose children follow its flows (those that match the search). */
    private final class ConversationItem extends TreeItem<ListedRow> {
        final ConversationRow row;
        private final Map<FlowRow, TreeItem<ListedRow>> flowItems = new HashMap<>();
        private final ListChangeListener<FlowRow> flowsChanged = this::flowsChanged;

        ConversationItem(ConversationRow row) {
            super(row);
            this.row = row;
            row.flows().addListener(flowsChanged);
            refreshFlows();
        }

        void detach() {
            row.flows().removeListener(flowsChanged);
        }

        void refreshFlows() {
            boolean all = matches(row);
            List<TreeItem<ListedRow>> shown = new ArrayList<>(row.flows().size());
            for (FlowRow flow : row.flows()) {
                if (all || matches(flow)) {
                    shown.add(itemOf(flow));
                }
            }
            getChildren().setAll(shown);
        }

        private TreeItem<ListedRow> itemOf(FlowRow flow) {
            return flowItems.computeIfAbsent(flow, f -> {
                if (getParent() == root) {
                    fitLabel(FLOW_EXTRA, f.getLabel());
                }
                return new TreeItem<>(f);
            });
        }

        private void flowsChanged(ListChangeListener.Change<? extends FlowRow> change) {
            boolean all = matches(row);
            while (change.next()) {
                for (FlowRow gone : change.getRemoved()) {
                    TreeItem<ListedRow> item = flowItems.remove(gone);
                    if (item != null) {
                        getChildren().remove(item);
                    }
                }
                List<TreeItem<ListedRow>> added = new ArrayList<>();
                for (FlowRow flow : change.getAddedSubList()) {
                    if (all || matches(flow)) {
                        added.add(itemOf(flow));
                    }
                }
                getChildren().addAll(added);
            }
            boolean listed = getParent() == root;
            if (listed != visible(this)) {
                if (listed) {
                    root.getChildren().remove(this);
                } else {
                    fitShown(this);
                    root.getChildren().add(this);
                }
            }
            if (isExpanded()) {
                resort();
            }
        }
    }

    /** A row styled by its state ("flow-dropped", ...), and as a conversation or a flow. */
    private static final class StateRow extends TreeTableRow<ListedRow> {
        private String stateClass;
        private String kindClass;

        @Override
        protected void updateItem(ListedRow row, boolean empty) {
            super.updateItem(row, empty);
            // touch the style classes only when they change: each change re-applies CSS to the row
            stateClass = swap(stateClass, row == null || empty ? null
                    : "flow-" + row.getState().label().replace(' ', '-'));
            kindClass = swap(kindClass, row == null || empty ? null
                    : row instanceof ConversationRow ? "conversation-row" : "flow-row");
        }

        private String swap(String current, String wanted) {
            if (!Objects.equals(wanted, current)) {
                if (current != null) {
                    getStyleClass().remove(current);
                }
                if (wanted != null) {
                    getStyleClass().add(wanted);
                }
            }
            return wanted;
        }
    }

    /** The tooltip of a row's first cell: everything that names it, and when it was last seen. */
    static String describe(ListedRow row, LongFunction<String> sinceStart) {
        String latest = "; latest crossing " + sinceStart.apply(row.getLastSeenNs());
        if (row instanceof ConversationRow c) {
            return c.getProtocol() + " conversation " + c.getSource() + " ↔ " + c.getDestination() + ": "
                    + c.getFlowCount() + " flow(s), " + c.getPackets() + " packet(s)" + latest
                    + "; selecting it selects its latest flow, #" + c.getLatestFlowId();
        }
        FlowRow f = (FlowRow) row;
        return "flow " + f.getId() + ": " + f.getProtocol() + " " + f.getSource() + " → " + f.getDestination()
                + ", " + f.getPackets() + " packet(s)" + latest;
    }

    /** "0 %", "33.3 %"; "" when nothing was seen. */
    static String percent(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        long tenths = Math.round(value * 10);
        return (tenths % 10 == 0 ? Long.toString(tenths / 10) : Micros.format(value)) + " %";
    }

    private TreeTableColumn<ListedRow, Number> micros(String title,
            Function<ConversationRow, ObservableValue<Number>> value, String meaning) {
        TreeTableColumn<ListedRow, Number> column = column(title, row -> row instanceof ConversationRow c
                ? value.apply(c) : null, (row, n) -> Micros.format(n.doubleValue()),
                (row, text) -> text.isEmpty() ? "" : title + " " + text + " µs: " + meaning
                        + " (first to last crossing)");
        column.setId(title + "-column");
        return column;
    }

    /**
     * A column of text cells: {@code value} gives a row's observable value (null: none for that row), {@code text}
     * words it, {@code tip} makes the tooltip from the row and that text.
     */
    private static <T> TreeTableColumn<ListedRow, T> column(String title,
            Function<ListedRow, ? extends ObservableValue<T>> value, BiFunction<ListedRow, T, String> text,
            BiFunction<ListedRow, String, String> tip) {
        TreeTableColumn<ListedRow, T> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(cell -> {
            ObservableValue<T> v = value.apply(cell.getValue().getValue());
            return v != null ? v : new ReadOnlyObjectWrapper<>(null);
        });
        column.setCellFactory(c -> new TextCell<>(text, tip));
        return column;
    }
}
