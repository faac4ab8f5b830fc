package io.netjourney.ui.tables;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;

/**
 * A table on screen and the columns its rows are copied and exported in. These need not be the ones it shows: a cell
 * may show two of them on two lines, or a shorter word with the whole in its tooltip; a CSV keeps every column under
 * its own title however the screen lays them out.
 */
public record CopyableTable<S>(TableView<S> view, List<TextColumn<S>> columns) {
    public CopyableTable {
        columns = List.copyOf(columns);
    }

    /** All rows shown, or only the selected ones, in the order shown. */
    public TextTable text(boolean selectedOnly) {
        List<List<String>> rows = new ArrayList<>();
        for (int index : TableCopy.rows(view.getSelectionModel().getSelectedIndices(), view.getItems().size(),
                selectedOnly)) {
            S row = view.getItems().get(index);
            rows.add(columns.stream().map(column -> column.text().apply(row)).toList());
        }
        return new TextTable(columns.stream().map(TextColumn::title).toList(), rows);
    }
}
