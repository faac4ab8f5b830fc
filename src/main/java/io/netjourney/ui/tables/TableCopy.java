package io.netjourney.ui.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A table's text as it shows it (its visible columns' titles, each cell's value as text, rows in the order shown),
 * for Ctrl+C and for CSV files.
 */
public final class TableCopy {
    public static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private TableCopy() {
    }

    /** All rows shown, or only the selected ones, in the order shown. */
    public static <S> TextTable text(TableView<S> table, boolean selectedOnly) {
        List<Integer> indices = new ArrayList<>();
        if (selectedOnly) {
            indices.addAll(table.getSelectionModel().getSelectedIndices());
            indices.sort(null);
        } else {
            for (int i = 0; i < table.getItems().size(); i++) {
                indices.add(i);
            }
        }
        List<TableColumn<S, ?>> columns = table.getVisibleLeafColumns();
        List<List<String>> rows = new ArrayList<>(indices.size());
        for (int index : indices) {
            rows.add(columns.stream().map(column -> text(column.getCellObservableValue(index))).toList());
        }
        return new TextTable(columns.stream().map(TableColumn::getText).toList(), rows);
    }

    /** The same for a tree table: the rows expanded on screen, or the selected ones. */
    public static <S> TextTable text(TreeTableView<S> table, boolean selectedOnly) {
        List<Integer> indices = new ArrayList<>();
        if (selectedOnly) {
            indices.addAll(table.getSelectionModel().getSelectedIndices());
            indices.sort(null);
        } else {
            for (int i = 0; i < table.getExpandedItemCount(); i++) {
                indices.add(i);
            }
        }
        List<TreeTableColumn<S, ?>> columns = table.getVisibleLeafColumns();
        List<List<String>> rows = new ArrayList<>(indices.size());
        for (int index : indices) {
            TreeItem<S> item = table.getTreeItem(index);
            if (item != null) {
                rows.add(columns.stream().map(column -> text(column.getCellObservableValue(item))).toList());
            }
        }
        return new TextTable(columns.stream().map(TreeTableColumn::getText).toList(), rows);
    }

    /** Ctrl+C in the table puts its selected rows on the clipboard, tab-separated under a header line. */
    public static <S> void installCopy(TableView<S> table) {
        install(table, t -> text(t, true));
    }

    public static <S> void installCopy(TreeTableView<S> table) {
        install(table, t -> text(t, true));
    }

    private static <C extends Control> void install(C table, Function<C, TextTable> selected) {
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                toClipboard(selected.apply(table));
                e.consume();
            }
        });
    }

    /** The rows as tab-separated text on the clipboard (nothing happens when no row is selected). */
    public static void toClipboard(TextTable table) {
        if (table.rows().isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(table.toTsv());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static String text(ObservableValue<?> value) {
        Object shown = value == null ? null : value.getValue();
        return shown == null ? "" : shown.toString();
    }
}
