package io.netjourney.ui.tables;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * A table on screen, its rows (which it may not hold while it is hidden), and the columns its rows are copied and
 * exported in. These need not be the ones it shows: a cell may show two of them on two lines, or a shorter word with
 * the whole in its tooltip; a CSV keeps every column under its own title however the screen lays them out.
 */
public record CopyableTable<S>(TableView<S> view, ObservableList<S> rows, List<TextColumn<S>> columns) {
    public CopyableTable {
        columns = List.copyOf(columns);
    }

    /** All its rows, or only the ones selected on screen, in the order shown. */
    public TextTable text(boolean selectedOnly) {
        List<S> from = selectedOnly ? view.getItems() : rows;
        List<List<String>> lines = new ArrayList<>();
        for (int index : TableCopy.rows(view.getSelectionModel().getSelectedIndices(), from.size(), selectedOnly)) {
            S row = from.get(index);
            lines.add(columns.stream().map(column -> column.text().apply(row)).toList());
        }
        return new TextTable(columns.stream().map(TextColumn::title).toList(), lines);
    }
}
