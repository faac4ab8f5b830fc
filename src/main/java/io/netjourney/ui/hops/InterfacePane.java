package io.netjourney.ui.hops;

import io.netjourney.ui.model.InterfaceDetails;
import java.util.EnumMap;
import java.util.List;
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
 * diagram and what was counted there; what its link reported), one under the other when the tab is narrower than
 * {@link #TWO_COLUMNS}, and full-width lines (routing, netfilter). Values wrap rather than being cut, and the whole
 * pane scrolls when the tab is small.
 */
final class InterfacePane extends ScrollPane {
    static final String EMPTY = "Click an interface in the diagram to see its details.";
    /** The least width at which the two columns of fields sit side by side. */
    static final double TWO_COLUMNS = 760;

    private final Label title = new Label(EMPTY);
    private final GridPane fields = new GridPane();
    private final ColumnConstraints keyColumn = new ColumnConstraints();
    private final ColumnConstraints valueColumn = new ColumnConstraints(120, 260, 520, Priority.ALWAYS, null, true);
    private final ColumnConstraints gapColumn = new ColumnConstraints(14);
    private InterfaceDetails shown;
    private boolean narrow;
    private final Label hint = new Label("The hop table shows this interface's crossings; click empty space in the "
            + "diagram to clear.");

    InterfacePane() {
        title.setId("node-details");
        title.getStyleClass().add("interface-title");
        fields.setId("interface-fields");
        fields.setHgap(10);
        fields.setVgap(4);
        keyColumn.setMinWidth(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("interface-hint");
        hint.setWrapText(true);
        hint.setVisible(false);
        VBox content = new VBox(8, title, fields, hint);
        content.getStyleClass().add("node-details");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("interface-pane");
        widthProperty().addListener((obs, old, width) -> {
            boolean now = width.doubleValue() < TWO_COLUMNS;
            if (now != narrow) {
                narrow = now;
                show(shown);
            }
        });
    }

    void show(InterfaceDetails details) {
        shown = details;
        fields.getChildren().clear();
        fields.getColumnConstraints().setAll(narrow ? List.of(keyColumn, valueColumn)
                : List.of(keyColumn, valueColumn, gapColumn, keyColumn, valueColumn));
        hint.setVisible(details != null);
        if (details == null) {
            title.setText(EMPTY);
            return;
        }
        title.setText(details.title());
        Map<InterfaceDetails.Place, Integer> rows = new EnumMap<>(InterfaceDetails.Place.class);
        int leftRows = (int) details.fields().stream().filter(f -> f.place() == InterfaceDetails.Place.LEFT).count();
        for (InterfaceDetails.Field field : details.fields()) {
            Label key = new Label(field.label());
            key.getStyleClass().add("interface-key");
            Label value = new Label(field.value());
            value.setId("iface-detail-" + field.key());
            value.getStyleClass().add("interface-value");
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            value.setTooltip(new Tooltip(field.value()));
            // baseline rows would be sized for one line: a wrapped value's row grows only top-aligned
            GridPane.setValignment(key, VPos.TOP);
            GridPane.setValignment(value, VPos.TOP);
            switch (field.place()) {
                case LEFT, RIGHT -> {
                    boolean right = field.place() == InterfaceDetails.Place.RIGHT;
                    int column = right && !narrow ? 3 : 0;
                    int row = rows.merge(field.place(), 1, Integer::sum) - 1 + (right && narrow ? leftRows : 0);
                    fields.add(key, column, row);
                    fields.add(value, column + 1, row);
                }
                case LINE -> {
                    int left = rows.getOrDefault(InterfaceDetails.Place.LEFT, 0);
                    int right = rows.getOrDefault(InterfaceDetails.Place.RIGHT, 0);
                    int row = (narrow ? left + right : Math.max(left, right))
                            + rows.merge(field.place(), 1, Integer::sum) - 1;
                    fields.add(key, 0, row);
                    fields.add(value, 1, row, fields.getColumnConstraints().size() - 1, 1);
                }
                default -> throw new IllegalStateException(field.place().toString());
            }
        }
    }
}
