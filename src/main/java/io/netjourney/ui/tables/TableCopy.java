package io.netjourney.ui.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
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
 * A table's text, for Ctrl+C and for CSV files: a tree table's as it shows it (its visible columns' titles, each
 * cell's value as text, rows in the order shown), a {@link CopyableTable}'s in its own columns.
 */
public final class TableCopy {
    public static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private TableCopy() {
    }

    /** A tree table's rows expanded on screen, or the selected ones, in the order shown. */
    public static <S> TextTable text(TreeTableView<S> table, boolean selectedOnly) {
        List<TreeTableColumn<S, ?>> columns = table.getVisibleLeafColumns();
        List<List<String>> rows = new ArrayList<>();
        for (int index : rows(table.getSelectionModel().getSelectedIndices(), table.getExpandedItemCount(),
                selectedOnly)) {
            TreeItem<S> item = table.getTreeItem(index);
            if (item != null) {
                rows.add(columns.stream().map(column -> text(column.getCellObservableValue(item))).toList());
            }
        }
        return new TextTable(columns.stream().map(TreeTableColumn::getText).toList(), rows);
    }

    /** The indices of all {@code count} rows, or of the selected ones, in the order shown. */
    static List<Integer> rows(List<Integer> selected, int count, boolean selectedOnly) {
        List<Integer> indices = new ArrayList<>();
        if (selectedOnly) {
            indices.addAll(selected);
            indices.sort(null);
        } else {
            for (int i = 0; i < count; i++) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** Ctrl+C in the table puts its selected rows on the clipboard, tab-separated under a header line. */
    public static <S> void installCopy(TreeTableView<S> table) {
        install(table, t -> text(t, true));
    }

    /**
     * Ctrl+C, several rows selectable (click, Shift/Ctrl+click), and a context menu that copies the selected rows or
     * exports the whole table (through {@code exportCsv}, which asks where).
     */
    public static <S> void installMenu(CopyableTable<S> copyable, Runnable exportCsv) {
        TableView<S> table = copyable.view();
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        install(table, t -> copyable.text(true));
        // no accelerator on the item: a context menu's accelerators would act in the whole scene
        MenuItem copy = new MenuItem("Copy selected rows (Ctrl+C)");
        copy.setOnAction(e -> toClipboard(copyable.text(true)));
        copy.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedIndices()));
        MenuItem export = new MenuItem("Export table as CSV…");
        export.setOnAction(e -> exportCsv.run());
        export.disableProperty().bind(Bindings.isEmpty(copyable.rows()));
        table.setContextMenu(new ContextMenu(copy, export));
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
