package io.netjourney.ui.hops;

import io.netjourney.ui.model.HopRow;
import io.netjourney.ui.model.HopStat;
import io.netjourney.ui.model.Micros;
import io.netjourney.ui.model.InterfaceDetails;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The bottom pane: the selected flow's crossings in order (hop table), its mtr-style statistics per hop, and the
 * details of a clicked interface (the Interface tab).
 */
public final class HopsPane extends TabPane {
    private final TableView<HopRow> hops = new TableView<>();
    private final TableView<HopStat> stats = new TableView<>();
    private final InterfacePane details = new InterfacePane();
    private final Tab detailsTab = new Tab("Interface", details);
    private String detailsShown;

    public HopsPane(ObservableList<HopRow> hopRows, ObservableList<HopStat> hopStats) {
        getStyleClass().add("hops-pane");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        hops.setId("hops-table");
        hops.setItems(hopRows);
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
        hops.getColumns().add(HopsPane.<HopRow>column("t (µs)", 80, HopRow::offsetText));
        hops.getColumns().add(HopsPane.<HopRow>column("hop", 40, HopRow::hopNumber));
        hops.getColumns().add(HopsPane.<HopRow>column("namespace", 110, HopRow::namespace));
        hops.getColumns().add(HopsPane.<HopRow>column("interface", 110, HopRow::interfaceName));
        hops.getColumns().add(HopsPane.<HopRow>column("hook", 170, HopRow::hook));
        hops.getColumns().add(HopsPane.<HopRow>column("direction", 70, HopRow::direction));
        hops.getColumns().add(HopsPane.<HopRow>column("source → destination", 280, HopRow::route));
        hops.getColumns().add(HopsPane.<HopRow>column("len", 50, row -> Integer.toString(row.length())));
        hops.getColumns().add(HopsPane.<HopRow>column("seq / flags", 80, HopRow::info));
        hops.getColumns().add(HopsPane.<HopRow>column("Δt (µs)", 80, HopRow::deltaText));

        stats.setId("stats-table");
        stats.setItems(hopStats);
        stats.setPlaceholder(new Label("Select a flow to see per-hop statistics"));
        stats.getColumns().add(HopsPane.<HopStat>column("path", 70, s -> s.direction().label()));
        stats.getColumns().add(HopsPane.<HopStat>column("hop", 40, s -> Integer.toString(s.hop())));
        stats.getColumns().add(HopsPane.<HopStat>column("namespace", 110, HopStat::namespace));
        stats.getColumns().add(HopsPane.<HopStat>column("interface", 110, HopStat::interfaceName));
        stats.getColumns().add(HopsPane.<HopStat>column("seen", 50, s -> Integer.toString(s.seen())));
        stats.getColumns().add(HopsPane.<HopStat>column("loss", 70, s -> s.lastHop() ? "" : s.lost() + " ("
                + Math.round(s.lossPercent()) + "%)"));
        stats.getColumns().add(HopsPane.<HopStat>column("last µs", 70, s -> Micros.format(s.lastUs())));
        stats.getColumns().add(HopsPane.<HopStat>column("avg µs", 70, s -> Micros.format(s.avgUs())));
        stats.getColumns().add(HopsPane.<HopStat>column("best µs", 70, s -> Micros.format(s.bestUs())));
        stats.getColumns().add(HopsPane.<HopStat>column("worst µs", 70, s -> Micros.format(s.worstUs())));

        getTabs().addAll(new Tab("Hops", hops), new Tab("Statistics", stats), detailsTab);
    }

    public TableView<HopRow> hopsTable() {
        return hops;
    }

    public TableView<HopStat> statsTable() {
        return stats;
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

    /** A cell whose tooltip holds its whole text, for what the column's width cuts off. */
    private static final class TextWithTooltipCell<R> extends TableCell<R, String> {
        private final Tooltip tooltip = new Tooltip();

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            boolean blank = empty || text == null || text.isEmpty();
            setText(blank ? null : text);
            tooltip.setText(blank ? "" : text);
            setTooltip(blank ? null : tooltip);
        }
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TextWithTooltipCell<>());
        return column;
    }
}
