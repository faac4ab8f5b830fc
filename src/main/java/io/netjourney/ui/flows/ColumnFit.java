package io.netjourney.ui.flows;

import javafx.scene.control.TreeTableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Column widths from what they show: a column is made at least as wide as its header and the widest text measured
 * for it, in the window's font, so nothing is cut at the window's default size; the table's resize policy spreads
 * any more room over the columns.
 */
final class ColumnFit {
    /** The window's text size (netjourney.css). */
    static final double FONT_SIZE = 13;
    /** A cell's padding and border, and a little air. */
    private static final double CELL_PADDING = 10;
    /** A header's padding, and room for the sort arrow. */
    private static final double HEADER_PADDING = 18;

    private final Text probe = new Text();

    ColumnFit() {
        probe.setFont(Font.font(Font.getDefault().getFamily(), FONT_SIZE));
    }

    double textWidth(String text) {
        probe.setText(text);
        return Math.ceil(probe.getLayoutBounds().getWidth());
    }

    /** Widens the column to its header, and to any of {@code samples} plus {@code extra} (an indent, an arrow). */
    void fit(TreeTableColumn<?, ?> column, double extra, String... samples) {
        double wanted = column.getColumns().isEmpty() ? textWidth(column.getText()) + HEADER_PADDING : 0;
        for (String sample : samples) {
            wanted = Math.max(wanted, textWidth(sample) + CELL_PADDING + extra);
        }
        atLeast(column, wanted);
    }

    /**
     * Makes the column at least {@code width} wide, and that its preferred width too: where the list scrolls sideways
     * the columns keep their preferred widths, which then waste nothing (a column's default is 80 px).
     */
    static void atLeast(TreeTableColumn<?, ?> column, double width) {
        double rounded = Math.ceil(width);
        if (rounded > column.getMinWidth()) {
            column.setMinWidth(rounded);
        }
        column.setPrefWidth(column.getMinWidth());
    }
}
