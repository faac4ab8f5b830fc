package io.netjourney.ui.hops;

import io.netjourney.ui.model.InterfaceDetails;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Interface tab: the clicked interface's name and kind, then its fields in two columns (where it sits in the
 * diagram and what was counted there; what its link reported) and full-width lines (routing, netfilter). Values
 * wrap rather than being cut, and the whole pane scrolls when the tab is small.
 */
final class InterfacePane extends ScrollPane {
    static final String EMPTY = "Click an interface in the diagram to see its details.";

    private final Label title = new Label(EMPTY);
    private final GridPane fields = new GridPane();
    private final Label hint = new Label("The hop table shows this interface's crossings; click empty space in the "
            + "diagram to clear.");

    InterfacePane() {
        title.setId("node-details");
        title.getStyleClass().add("interface-title");
        fields.setId("interface-fields");
        fields.setHgap(10);
        fields.setVgap(4);
        ColumnConstraints key = new ColumnConstraints();
        key.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints(120, 260, 520, Priority.ALWAYS, null, true);
        ColumnConstraints gap = new ColumnConstraints(14);
        fields.getColumnConstraints().addAll(key, value, gap, key, value);
        hint.getStyleClass().add("interface-hint");
        hint.setWrapText(true);
        hint.setVisible(false);
        VBox content = new VBox(8, title, fields, hint);
        content.getStyleClass().add("node-details");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("interface-pane");
    }

    void show(InterfaceDetails details) {
        fields.getChildren().clear();
        hint.setVisible(details != null);
        if (details == null) {
            title.setText(EMPTY);
            return;
        }
        title.setText(details.title());
        Map<InterfaceDetails.Place, Integer> rows = new EnumMap<>(InterfaceDetails.Place.class);
        for (InterfaceDetails.Field field : details.fields()) {
            Label key = new Label(field.label());
            key.getStyleClass().add("interface-key");
            Label value = new Label(field.value());
            value.setId("iface-detail-" + field.key());
            value.getStyleClass().add("interface-value");
            value.setWrapText(true);
            value.setTooltip(new Tooltip(field.value()));
            GridPane.setValignment(key, VPos.BASELINE);
            GridPane.setValignment(value, VPos.BASELINE);
            switch (field.place()) {
                case LEFT, RIGHT -> {
                    int column = field.place() == InterfaceDetails.Place.LEFT ? 0 : 3;
                    int row = rows.merge(field.place(), 1, Integer::sum) - 1;
                    fields.add(key, column, row);
                    fields.add(value, column + 1, row);
                }
                case LINE -> {
                    int row = Math.max(rows.getOrDefault(InterfaceDetails.Place.LEFT, 0),
                            rows.getOrDefault(InterfaceDetails.Place.RIGHT, 0)) + rows.merge(field.place(), 1,
                            Integer::sum) - 1;
                    fields.add(key, 0, row);
                    fields.add(value, 1, row, 4, 1);
                }
                default -> throw new IllegalStateException(field.place().toString());
            }
        }
    }
}
