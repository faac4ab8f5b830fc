package io.netjourney.ui.flows;

import io.netjourney.ui.model.ListedRow;
import java.util.function.BiFunction;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;

/**
 * A cell of the flows list showing its value as text, with a tooltip that holds the whole of it (and more where the
 * column says more, e.g. a flow's full endpoints beside its short label).
 */
final class TextCell<T> extends TreeTableCell<ListedRow, T> {
    private final BiFunction<ListedRow, T, String> text;
    private final BiFunction<ListedRow, String, String> tip;
    private final Tooltip tooltip = new Tooltip();

    /**
     * @param text the cell's text from its row and value ("" for none)
     * @param tip  the tooltip from its row and that text
     */
    TextCell(BiFunction<ListedRow, T, String> text, BiFunction<ListedRow, String, String> tip) {
        this.text = text;
        this.tip = tip;
        // a tooltip may tell more than the cell's own value (a conversation's packets, its latest crossing): it is
        // worded again each time it shows, not only when the value changed
        tooltip.setOnShowing(e -> {
            ListedRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (row != null) {
                tooltip.setText(tip.apply(row, getText() == null ? "" : getText()));
            }
        });
    }

    @Override
    protected void updateItem(T value, boolean empty) {
        super.updateItem(value, empty);
        ListedRow row = empty ? null : getTableRow().getItem();
        String shown = row == null || value == null ? "" : text.apply(row, value);
        String whole = row == null ? "" : tip.apply(row, shown);
        setText(shown.isEmpty() ? null : shown);
        if (whole == null || whole.isEmpty()) {
            setTooltip(null);
        } else {
            tooltip.setText(whole);
            setTooltip(tooltip);
        }
    }
}
