package io.netjourney.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.geometry.Orientation;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * Finds text a person cannot read whole: a label, cell or column header whose skin shows less than its text (cut
 * with an ellipsis, or clipped: the skin clips a text that does not fit its room, a second line's descenders too),
 * and a wrapped text taller than the cell that holds it. Call on the FX thread, after a layout pass.
 */
public final class Truncation {
    private Truncation() {
    }

    /** "header 'last seen' shows 'last s…'" for every visible labeled node under {@code root} that is cut. */
    public static List<String> in(Node root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text shown && child.isVisible() && !labeled.getText().equals(shown.getText())) {
                    cut.add(kind(labeled) + " '" + labeled.getText() + "' shows '" + shown.getText() + "'");
                } else if (child instanceof Text shown && child.isVisible() && shown.getClip() != null
                        && shown.getClip().getLayoutBounds().getHeight() + 0.5 < shown.getLayoutBounds().getHeight()) {
                    cut.add(kind(labeled) + " '" + labeled.getText() + "' clipped to "
                            + shown.getClip().getLayoutBounds().getHeight() + " of its "
                            + shown.getLayoutBounds().getHeight() + " px");
                }
            }
        }
        if (node instanceof Labeled labeled && labeled.getGraphic() instanceof Text wrapped && wrapped.isVisible()
                && labeled.getHeight() > 0 && wrapped.getBoundsInParent().getMaxY()
                > labeled.getHeight() - labeled.snappedBottomInset() + 0.5) {
            cut.add(kind(labeled) + " '" + wrapped.getText() + "' needs " + wrapped.getBoundsInParent().getMaxY()
                    + " px of its " + labeled.getHeight());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }

    /**
     * {@link #in} for a table, and whether its columns are all in view: none beyond its width (a constrained table
     * cuts them off with no scroll bar), no horizontal scroll bar to reach them.
     */
    public static List<String> inTable(TableView<?> table) {
        List<String> cut = new ArrayList<>(in(table));
        double columns = 0;
        for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
            columns += column.getWidth();
        }
        Node rows = table.lookup(".clipped-container");
        double room = rows == null ? table.getWidth() : rows.getLayoutBounds().getWidth();
        if (columns > room + 0.5) {
            cut.add("columns " + columns + " px wide in " + room + " px");
        }
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar scroll && scroll.getOrientation() == Orientation.HORIZONTAL
                    && scroll.isVisible()) {
                cut.add("a horizontal scroll bar");
            }
        }
        return cut;
    }

    private static String kind(Labeled labeled) {
        List<String> classes = labeled.getStyleClass();
        return classes.isEmpty() ? labeled.getClass().getSimpleName() : classes.get(classes.size() - 1);
    }
}
