package io.netjourney.ui.flows;

import io.netjourney.ui.model.ListedRow;
import io.netjourney.ui.model.Micros;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A conversation's latest latencies as a small line, oldest left, scaled from the best to the worst of them; the
 * tooltip gives the figures. Drawn on a canvas in the cell's text colour, so states and themes colour it too.
 */
final class SparklineCell extends TreeTableCell<ListedRow, List<Double>> {
    static final double HEIGHT = 14;
    private final Canvas canvas = new Canvas(1, HEIGHT);
    private final Tooltip tooltip = new Tooltip();
    private List<Double> shown = List.of();

    SparklineCell() {
        getStyleClass().add("sparkline-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        widthProperty().addListener((obs, old, width) -> draw());
        textFillProperty().addListener((obs, old, fill) -> draw());
    }

    @Override
    protected void updateItem(List<Double> history, boolean empty) {
        super.updateItem(history, empty);
        shown = empty || history == null ? List.of() : history;
        setText(null);
        if (shown.isEmpty()) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        setGraphic(canvas);
        tooltip.setText(describe(shown));
        setTooltip(tooltip);
        draw();
    }

    /** "latency of the last 60 requests: 9.8 to 30.2 µs, the newest 12.3 µs". */
    static String describe(List<Double> history) {
        double best = Double.MAX_VALUE;
        double worst = -Double.MAX_VALUE;
        for (double v : history) {
            best = Math.min(best, v);
            worst = Math.max(worst, v);
        }
        String count = history.size() == 1 ? "the last request" : "the last " + history.size() + " requests";
        return "latency of " + count + ": " + Micros.format(best) + " to " + Micros.format(worst)
                + " µs, the newest " + Micros.format(history.get(history.size() - 1)) + " µs";
    }

    private void draw() {
        double width = Math.max(1, getWidth() - snappedLeftInset() - snappedRightInset());
        canvas.setWidth(width);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), HEIGHT);
        if (shown.isEmpty()) {
            return;
        }
        double best = Double.MAX_VALUE;
        double worst = -Double.MAX_VALUE;
        for (double v : shown) {
            best = Math.min(best, v);
            worst = Math.max(worst, v);
        }
        double range = worst - best;
        int n = shown.size();
        double step = n > 1 ? (width - 2) / (n - 1) : 0;
        Paint fill = getTextFill();
        g.setStroke(fill != null ? fill : Color.GRAY);
        g.setLineWidth(1.2);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double x = 1 + i * step;
            double y = range <= 0 ? HEIGHT / 2 : HEIGHT - 1.5 - (shown.get(i) - best) / range * (HEIGHT - 3);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        if (n == 1) {
            g.strokeLine(1, HEIGHT / 2, width - 1, HEIGHT / 2);
        }
        g.stroke();
    }
}
