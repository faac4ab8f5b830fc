package io.netjourney.ui.tables;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.TableColumnBase;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Column widths from what they show: a column is made at least as wide as its header and the widest text measured
 * for it, in the window's font, so nothing is cut at the window's default size; the table's resize policy spreads
 * any more room over the columns. A text of several lines is as wide as its widest line. Widths are remembered, so a
 * table fitted again on every update measures each distinct text once.
 */
public final class ColumnFit {
    /** The window's text size (netjourney.css). */
    public static final double FONT_SIZE = 13;
    /** A cell's padding and border, and a little air. */
    private static final double CELL_PADDING = 10;
    /** A column header's padding and border; a sortable one's has room for the sort arrow too. */
    private static final double HEADER_PADDING = 14;
    private static final double SORTABLE_HEADER_PADDING = 18;
    /** Texts remembered at most; then forgotten all at once (a long capture's times and addresses). */
    private static final int REMEMBERED = 4096;

    private final Text probe = new Text();
    private final Map<String, Double> widths = new HashMap<>();

    public ColumnFit() {
        probe.setFont(Font.font(Font.getDefault().getFamily(), FONT_SIZE));
    }

    /** The text's width in the window's font: its widest line's. */
    public double textWidth(String text) {
        Double known = widths.get(text);
        if (known != null) {
            return known;
        }
        probe.setText(text);
        double width = Math.ceil(probe.getLayoutBounds().getWidth());
        if (widths.size() >= REMEMBERED) {
            widths.clear();
        }
        widths.put(text, width);
        return width;
    }

    /** How wide the column must be for its header (a group's header spans its columns: 0). */
    public double headerWidth(TableColumnBase<?, ?> column) {
        if (!column.getColumns().isEmpty()) {
            return 0;
        }
        return textWidth(column.getText()) + (column.isSortable() ? SORTABLE_HEADER_PADDING : HEADER_PADDING);
    }

    /** How wide a cell must be for {@code text} beside {@code extra} (an indent, an arrow). */
    public double cellWidth(String text, double extra) {
        return textWidth(text) + CELL_PADDING + extra;
    }

    /** Widens the column to its header, and to any of {@code samples} plus {@code extra} (an indent, an arrow). */
    public void fit(TableColumnBase<?, ?> column, double extra, String... samples) {
        double wanted = headerWidth(column);
        for (String sample : samples) {
            wanted = Math.max(wanted, cellWidth(sample, extra));
        }
        atLeast(column, wanted);
    }

    /**
     * Widens a column whose cells wrap their text: at least as wide as the widest of the {@code lines} the text wraps
     * into, preferably as wide as the text on one line. Where the table is narrower than its columns' preferred
     * widths, this column gives up room first (its cells take more lines) and nothing is cut.
     */
    public void fitWrapping(TableColumnBase<?, ?> column, double extra, String text, String... lines) {
        double least = headerWidth(column);
        for (String line : lines) {
            least = Math.max(least, cellWidth(line, extra));
        }
        double whole = Math.ceil(Math.max(least, cellWidth(text, extra)));
        if (Math.ceil(least) > column.getMinWidth()) {
            column.setMinWidth(Math.ceil(least));
        }
        if (whole > column.getPrefWidth()) {
            column.setPrefWidth(whole);
        }
    }

    /**
     * Makes the column at least {@code width} wide, and that its preferred width too: where a table scrolls sideways
     * the columns keep their preferred widths, which then waste nothing (a column's default is 80 px).
     */
    public static void atLeast(TableColumnBase<?, ?> column, double width) {
        double rounded = Math.ceil(width);
        if (rounded > column.getMinWidth()) {
            column.setMinWidth(rounded);
        }
        column.setPrefWidth(column.getMinWidth());
    }
}
