package io.netjourney.ui.flows;

import io.netjourney.ui.model.FlowRow;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.CheckBox;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * The flows list: one row per flow, searchable (protocol, addresses, ports, state) and sortable. Rows are updated
 * in place by the view model, so the list does not jump while it updates.
 */
public final class FlowsPane extends VBox {
    private final TableView<FlowRow> table = new TableView<>();
    private final TextField search = TextFields.createClearableTextField();
    private final CheckBox linkChatter = new CheckBox("link-local");

    /**
     * @param flows     the rows, updated in place
     * @param sinceStart formats a row's last-seen timestamp ("+12.345 s")
     */
    public FlowsPane(ObservableList<FlowRow> flows, LongFunction<String> sinceStart) {
        getStyleClass().add("flows-pane");
        search.setId("flow-search");
        search.setPromptText("search flows (address, port, protocol, state)");
        linkChatter.setId("show-link-chatter");
        linkChatter.setTooltip(new Tooltip("Also list IGMP, IPv6 neighbour discovery and multicast listener "
                + "messages, and traffic to link-local multicast groups (224.0.0.0/24, ff02::/16): a link's own "
                + "chatter, hidden by default"));
        FilteredList<FlowRow> filtered = new FilteredList<>(flows, row -> !row.isLinkChatter());
        Runnable refilter = () -> {
            String text = search.getText();
            boolean chatter = linkChatter.isSelected();
            filtered.setPredicate(row -> (chatter || !row.isLinkChatter()) && matches(row, text));
        };
        search.textProperty().addListener((obs, old, text) -> refilter.run());
        linkChatter.selectedProperty().addListener((obs, old, on) -> refilter.run());
        SortedList<FlowRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());

        table.setId("flows-table");
        table.setItems(sorted);
        table.setPlaceholder(new Label("No flows yet: start a capture, open a trace or turn the lab on"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", 36, row -> row.idProperty().asObject()));
        table.getColumns().add(column("proto", 52, FlowRow::protocolProperty));
        table.getColumns().add(column("source", 140, FlowRow::sourceProperty));
        table.getColumns().add(column("destination", 140, FlowRow::destinationProperty));
        table.getColumns().add(column("pkts", 44, row -> row.packetsProperty().asObject()));
        table.getColumns().add(column("hops", 44, row -> row.hopsProperty().asObject()));
        table.getColumns().add(column("last seen", 80, row -> Bindings.createStringBinding(
                () -> sinceStart.apply(row.getLastSeenNs()), row.lastSeenNsProperty())));
        table.getColumns().add(column("state", 90, row -> row.stateProperty().asString()));
        table.setRowFactory(view -> new TableRow<>() {
            private String stateClass;

            @Override
            protected void updateItem(FlowRow row, boolean empty) {
                super.updateItem(row, empty);
                // touch the style classes only when they change: each change re-applies CSS to the row
                String wanted = row == null || empty ? null : "flow-" + row.getState().label().replace(' ', '-');
                if (!Objects.equals(wanted, stateClass)) {
                    if (stateClass != null) {
                        getStyleClass().remove(stateClass);
                    }
                    if (wanted != null) {
                        getStyleClass().add(wanted);
                    }
                    stateClass = wanted;
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox top = new HBox(8, search, linkChatter);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        getChildren().addAll(top, table);
    }

    public TableView<FlowRow> table() {
        return table;
    }

    /** The search field above the list. */
    public TextField search() {
        return search;
    }

    private static boolean matches(FlowRow row, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        return row.getProtocol().toLowerCase(Locale.ROOT).contains(needle)
                || row.getSource().toLowerCase(Locale.ROOT).contains(needle)
                || row.getDestination().toLowerCase(Locale.ROOT).contains(needle)
                || row.getState().label().contains(needle);
    }

    private static <T> TableColumn<FlowRow, T> column(String title, double width,
            Function<FlowRow, ObservableValue<T>> value) {
        TableColumn<FlowRow, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }
}
