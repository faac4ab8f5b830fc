package io.netjourney.ui.hops;

import io.netjourney.capture.Hook;
import io.netjourney.ui.model.HopRow;
import io.netjourney.ui.model.HopStat;
import io.netjourney.ui.model.InterfaceDetails;
import io.netjourney.ui.model.Micros;
import io.netjourney.ui.tables.ColumnFit;
import io.netjourney.ui.tables.CopyableTable;
import io.netjourney.ui.tables.TextColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * The tabs below the diagram beside the flows list: the selected flow's crossings in order (hop table), its
 * mtr-style statistics per hop, and the details of a clicked interface (the Interface tab).
 *
 * <p>The hop table shows two things a cell, one over the other: the time over the step's Δt, the namespace over the
 * interface, the hook over the direction, and in the last column, which takes the room left, the source and
 * destination over the info (sequence number, TCP flags, ICMP error, a drop's reason and where, and why for a real
 * one, a routing decision, a netfilter verdict), each wrapped where it is longer than the column. The other columns
 * are as wide as what they have shown (see {@link ColumnFit}), the statistics' too. {@link #fittedWidthProperty()}
 * says how wide the tabs should be for both tables to show every column whole with an IPv4 source → destination on
 * one line, {@link #leastWidthProperty()} how narrow they can be with every column whole (the last one wrapping
 * more). Copy and CSV keep one column per field under its own title ({@link #hopsText()}, {@link #statsText()});
 * every cell's tooltip has its whole text.
 */
public final class HopsPane extends TabPane {
    /** Beside a table's columns: its vertical scroll bar and border. */
    private static final double TABLE_EXTRA = 18;

    private final TableView<HopRow> hops = new TableView<>();
    private final TableView<HopStat> stats = new TableView<>();
    private final CopyableTable<HopRow> hopsText;
    private final CopyableTable<HopStat> statsText;
    private final ColumnFit fit = new ColumnFit();
    private final ReadOnlyDoubleWrapper fittedWidth = new ReadOnlyDoubleWrapper(this, "fittedWidth");
    private final ReadOnlyDoubleWrapper leastWidth = new ReadOnlyDoubleWrapper(this, "leastWidth");
    /** The last column's width with any IPv4 source → destination (without ports) on one line. */
    private final double packetWidth;
    private final InterfacePane details = new InterfacePane();
    private final Tab detailsTab = new Tab("Interface", details);
    private String detailsShown;

    private final TableColumn<HopRow, String> timeColumn = column("t (µs)\nΔt (µs)",
            r -> lines(r.offsetText(), r.deltaText()));
    private final TableColumn<HopRow, String> hopColumn = column("hop", HopRow::hopNumber);
    private final TableColumn<HopRow, String> whereColumn = column("namespace\ninterface",
            r -> lines(r.namespace(), r.interfaceName()));
    private final TableColumn<HopRow, String> hookColumn = column("hook\ndirection",
            r -> lines(shortHook(r.hook()), r.direction()), r -> lines(r.hook(), r.direction()));
    private final TableColumn<HopRow, String> lengthColumn = column("len", r -> Integer.toString(r.length()));
    private final TableColumn<HopRow, String> packetColumn = column("source → destination\ninfo",
            r -> lines(r.route(), r.briefInfo()), r -> lines(r.route(), r.info()));

    public HopsPane(ObservableList<HopRow> hopRows, ObservableList<HopStat> hopStats) {
        getStyleClass().add("hops-pane");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        hops.setId("hops-table");
        hops.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(HopRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean dim = !empty && row != null && row.expectedDrop();
                if (dim != getStyleClass().contains("expected-drop")) {
                    if (dim) {
                        getStyleClass().add("expected-drop");
                    } else {
                        getStyleClass().remove("expected-drop");
                    }
                }
            }
        });
        hops.setPlaceholder(new Label("Select a flow to see its crossings"));
        hops.getColumns().addAll(List.of(timeColumn, hopColumn, whereColumn, hookColumn, lengthColumn, packetColumn));
        packetColumn.setCellFactory(c -> new WrappingCell<>(r -> lines(r.route(), r.info())));
        packetColumn.setMinWidth(fit.headerWidth(packetColumn));
        packetWidth = Math.max(packetColumn.getMinWidth(), fit.cellWidth("255.255.255.255 → 255.255.255.255", 0));
        // the last column takes what the others leave, so the table never scrolls sideways
        hops.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        hopsText = new CopyableTable<>(hops, hopRows, List.of(
                new TextColumn<>("t (µs)", HopRow::offsetText),
                new TextColumn<>("hop", HopRow::hopNumber),
                new TextColumn<>("namespace", HopRow::namespace),
                new TextColumn<>("interface", HopRow::interfaceName),
                new TextColumn<>("hook", HopRow::hook),
                new TextColumn<>("direction", HopRow::direction),
                new TextColumn<>("source → destination", HopRow::route),
                new TextColumn<>("len", r -> Integer.toString(r.length())),
                new TextColumn<>("seq / flags", HopRow::info),
                new TextColumn<>("Δt (µs)", HopRow::deltaText)));

        stats.setId("stats-table");
        stats.setPlaceholder(new Label("Select a flow to see per-hop statistics"));
        statsText = new CopyableTable<>(stats, hopStats, List.of(
                new TextColumn<>("path", s -> s.direction().label()),
                new TextColumn<>("hop", s -> Integer.toString(s.hop())),
                new TextColumn<>("namespace", HopStat::namespace),
                new TextColumn<>("interface", HopStat::interfaceName),
                new TextColumn<>("seen", s -> Integer.toString(s.seen())),
                new TextColumn<>("loss", s -> s.lastHop() ? "" : s.lost() + " (" + Math.round(s.lossPercent())
                        + "%)"),
                new TextColumn<>("last µs", s -> Micros.format(s.lastUs())),
                new TextColumn<>("avg µs", s -> Micros.format(s.avgUs())),
                new TextColumn<>("best µs", s -> Micros.format(s.bestUs())),
                new TextColumn<>("worst µs", s -> Micros.format(s.worstUs()))));
        // on screen the four latencies sit under one "latency µs", as in the flows list
        TableColumn<HopStat, String> latency = new TableColumn<>("latency µs");
        for (TextColumn<HopStat> text : statsText.columns()) {
            if (text.title().endsWith(" µs")) {
                latency.getColumns().add(column(text.title().replace(" µs", ""), text.text()));
            } else {
                stats.getColumns().add(column(text.title(), text.text()));
            }
        }
        stats.getColumns().add(latency);
        stats.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        fitHops(List.of());
        fitStats(List.of());
        hopRows.addListener((ListChangeListener<HopRow>) change -> {
            while (change.next()) {
                fitHops(change.getAddedSubList());
            }
        });
        hopStats.addListener((ListChangeListener<HopStat>) change -> {
            while (change.next()) {
                fitStats(change.getAddedSubList());
            }
        });
        for (TableView<?> table : List.of(hops, stats)) {
            for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
                column.minWidthProperty().addListener((obs, old, width) -> refreshFittedWidth());
            }
        }
        // the hop table's last column alone takes what the others, as wide as they need, leave: the resize policy
        // would otherwise widen them all when the table shrank and grew again (as a window manager maps it)
        for (TableColumn<HopRow, ?> column : hops.getColumns()) {
            if (column != packetColumn) {
                column.maxWidthProperty().bind(column.minWidthProperty());
            }
        }
        refreshFittedWidth();

        Tab hopsTab = new Tab("Hops", hops);
        Tab statsTab = new Tab("Statistics", stats);
        getTabs().addAll(hopsTab, statsTab, detailsTab);
        rowsWhileShown(hopsTab, hops, hopRows);
        rowsWhileShown(statsTab, stats, hopStats);
    }

    /**
     * A table holds its rows only while its tab is in front: a hidden table's cells are laid out and styled all the
     * same, and a click on a flow gave the hidden statistics a quarter of the frame that filled the hop table. The row
     * selected when the tab was left is selected again when it comes back, if the rows still have it.
     */
    private static <T> void rowsWhileShown(Tab tab, TableView<T> table, ObservableList<T> rows) {
        ObservableList<T> none = FXCollections.emptyObservableList();
        table.setItems(tab.isSelected() ? rows : none);
        List<T> selectedWhenLeft = new ArrayList<>(1);
        tab.selectedProperty().addListener((obs, was, shown) -> {
            if (!shown) {
                selectedWhenLeft.clear();
                T selected = table.getSelectionModel().getSelectedItem();
                if (selected != null) {
                    selectedWhenLeft.add(selected);
                }
                table.setItems(none);
                return;
            }
            table.setItems(rows);
            int index = selectedWhenLeft.isEmpty() ? -1 : rows.indexOf(selectedWhenLeft.get(0));
            if (index >= 0) {
                table.getSelectionModel().select(index);
                table.scrollTo(index);
            }
        });
    }

    public TableView<HopRow> hopsTable() {
        return hops;
    }

    public TableView<HopStat> statsTable() {
        return stats;
    }

    /** The hop table for copy and CSV: one column per field, "t (µs)" to "Δt (µs)". */
    public CopyableTable<HopRow> hopsText() {
        return hopsText;
    }

    /** The statistics for copy and CSV: the columns it shows. */
    public CopyableTable<HopStat> statsText() {
        return statsText;
    }

    /**
     * How wide the tabs should be for the hop table and the statistics to show every column whole, an IPv4 source →
     * destination on one line.
     */
    public ReadOnlyDoubleProperty fittedWidthProperty() {
        return fittedWidth.getReadOnlyProperty();
    }

    /** How narrow the tabs can be with every column of both tables whole (the hop table's last wrapping more). */
    public ReadOnlyDoubleProperty leastWidthProperty() {
        return leastWidth.getReadOnlyProperty();
    }

    /**
     * Shows an interface's details (see {@link InterfaceDetails}), or the hint to click one for null; a newly shown
     * interface brings the tab to the front.
     */
    public void showDetails(InterfaceDetails node) {
        details.show(node);
        String id = node == null ? null : node.node().id();
        if (id != null && !id.equals(detailsShown)) {
            getSelectionModel().select(detailsTab);
        }
        detailsShown = id;
    }

    /**
     * Widens the hop table's columns to the rows added, and before the first to what an IPv4 ping's crossings show
     * (so that the first flow clicked does not move the divider). A time's or a number's width follows from its
     * length, so only the longest is measured.
     */
    private void fitHops(List<? extends HopRow> added) {
        String time = "999999.9";
        String delta = "";
        String hop = "99";
        String length = "";
        List<String> places = new ArrayList<>();
        List<String> hooks = new ArrayList<>(List.of("request", "reply"));
        for (Hook hook : List.of(Hook.NET_DEV_QUEUE, Hook.NETIF_RX, Hook.NETIF_RECEIVE_SKB)) {
            hooks.add(shortHook(hook.tracepoint()));
        }
        for (HopRow row : added) {
            time = longer(time, row.offsetText());
            delta = longer(delta, row.deltaText());
            hop = longer(hop, row.hopNumber());
            length = longer(length, Integer.toString(row.length()));
            places.add(row.namespace());
            places.add(row.interfaceName());
            hooks.add(shortHook(row.hook()));
        }
        fit.fit(timeColumn, 0, time, delta);
        fit.fit(hopColumn, 0, hop);
        fit.fit(whereColumn, 0, places.toArray(String[]::new));
        fit.fit(hookColumn, 0, hooks.toArray(String[]::new));
        fit.fit(lengthColumn, 0, length);
    }

    /**
     * Widens the statistics' columns to the rows added, and before the first the path's to its words and a latency's
     * to 9999.9 µs.
     */
    private void fitStats(List<? extends HopStat> added) {
        List<TableColumn<HopStat, ?>> columns = stats.getVisibleLeafColumns();
        for (int i = 0; i < columns.size(); i++) {
            Function<HopStat, String> text = statsText.columns().get(i).text();
            List<String> samples = new ArrayList<>(i == 0 ? List.of("request", "reply")
                    : i >= columns.size() - 4 ? List.of("9999.9") : List.of());
            for (HopStat stat : added) {
                samples.add(text.apply(stat));
            }
            fit.fit(columns.get(i), 0, samples.toArray(String[]::new));
        }
    }

    private void refreshFittedWidth() {
        double hopsWidth = TABLE_EXTRA;
        for (TableColumn<HopRow, ?> column : hops.getColumns()) {
            hopsWidth += column == packetColumn ? 0 : column.getMinWidth();
        }
        double statsWidth = TABLE_EXTRA;
        for (TableColumn<HopStat, ?> column : stats.getVisibleLeafColumns()) {
            statsWidth += column.getMinWidth();
        }
        leastWidth.set(Math.ceil(Math.max(hopsWidth + packetColumn.getMinWidth(), statsWidth)));
        fittedWidth.set(Math.ceil(Math.max(hopsWidth + packetWidth, statsWidth)));
    }

    /** A tracepoint without its "_entry" ("netif_receive_skb"); the cell's tooltip has it whole. */
    private static String shortHook(String tracepoint) {
        return tracepoint.endsWith("_entry") ? tracepoint.substring(0, tracepoint.length() - "_entry".length())
                : tracepoint;
    }

    /** Two texts one over the other; the first alone when the second is empty. */
    private static String lines(String first, String second) {
        return second.isEmpty() ? first : first + "\n" + second;
    }

    private static String longer(String a, String b) {
        return b.length() > a.length() ? b : a;
    }

    /** A cell showing its row's text, with a tooltip holding the whole (or more). */
    private static final class TextWithTooltipCell<R> extends TableCell<R, String> {
        private final Function<R, String> tip;
        private final Tooltip tooltip = new Tooltip();

        TextWithTooltipCell(Function<R, String> tip) {
            this.tip = tip;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            boolean blank = empty || text == null || text.isEmpty();
            R row = blank || getTableRow() == null ? null : getTableRow().getItem();
            setText(blank ? null : text);
            tooltip.setText(row == null ? "" : tip.apply(row));
            setTooltip(row == null ? null : tooltip);
        }
    }

    /**
     * A cell whose text wraps at the column's width, its row as tall as that takes (a label's own wrapping would
     * keep the row one line high and cut the rest); the tooltip holds {@code tip}'s text.
     */
    private static final class WrappingCell<R> extends TableCell<R, String> {
        private final Function<R, String> tip;
        private final Text shown = new Text();
        private final Tooltip tooltip = new Tooltip();

        WrappingCell(Function<R, String> tip) {
            this.tip = tip;
            shown.getStyleClass().addAll("text", "wrapped-text");
            shown.wrappingWidthProperty().bind(Bindings.createDoubleBinding(
                    () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()), widthProperty(),
                    paddingProperty()));
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            boolean blank = empty || text == null || text.isEmpty();
            R row = blank || getTableRow() == null ? null : getTableRow().getItem();
            shown.setText(blank ? "" : text);
            setText(null);
            setGraphic(blank ? null : shown);
            tooltip.setText(row == null ? "" : tip.apply(row));
            setTooltip(row == null ? null : tooltip);
        }
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> text) {
        return column(title, text, text);
    }

    /** An unsortable column of text cells, whose tooltip is {@code tip}'s (the whole text, or more). */
    private static <R> TableColumn<R, String> column(String title, Function<R, String> text, Function<R, String> tip) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        column.setCellFactory(c -> new TextWithTooltipCell<>(tip));
        return column;
    }
}
