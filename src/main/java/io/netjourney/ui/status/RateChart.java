package io.netjourney.ui.status;

import io.netjourney.session.RateHistory;
import java.util.Locale;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.util.Duration;

/**
 * The status bar's strip chart of the last minute: events per second as an area, events lost per second as a red
 * line on its own scale (a few lost among thousands would not show on the events' one), newest at the right. Its
 * tooltip gives the current and peak figures. Call {@link #refresh()} after each sample.
 */
public final class RateChart extends Region {
    public static final double WIDTH = 120;
    public static final double HEIGHT = 18;
    private static final String STYLESHEET = RateChart.class.getResource("rate-chart.css").toExternalForm();

    private final RateHistory history;
    private final Polygon events = new Polygon();
    private final Polyline lost = new Polyline();
    private final Tooltip tooltip = new Tooltip();

    public RateChart(RateHistory history) {
        this.history = history;
        getStyleClass().add("rate-chart");
        getStylesheets().add(STYLESHEET);
        events.getStyleClass().add("rate-events");
        lost.getStyleClass().add("rate-lost");
        getChildren().addAll(events, lost);
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        tooltip.setShowDelay(Duration.millis(200));
        Tooltip.install(this, tooltip);
        refresh();
    }

    /** Draws the history as it is now and words it in the tooltip. */
    public void refresh() {
        long[] perSecond = history.events();
        long[] lostPerSecond = history.lost();
        events.getPoints().setAll(area(perSecond, history.peakEvents()));
        long peakLost = history.peakLost();
        lost.setVisible(peakLost > 0);
        lost.getPoints().setAll(peakLost > 0 ? line(lostPerSecond, peakLost) : new Double[0]);
        tooltip.setText(text());
    }

    /** "events/s: 1,204 now, peak 5,310", "lost/s: 0 now, peak 12", "(the last 60 s)" on three lines. */
    public String text() {
        return String.format(Locale.ROOT, "events/s: %,d now, peak %,d\nlost/s: %,d now, peak %,d\n(the last %d s)",
                history.currentEvents(), history.peakEvents(), history.currentLost(), history.peakLost(),
                history.size());
    }

    public Tooltip tooltip() {
        return tooltip;
    }

    public Polygon eventsArea() {
        return events;
    }

    public Polyline lostLine() {
        return lost;
    }

    /** The area under the samples, right-aligned: the newest second at the right edge. */
    private static Double[] area(long[] values, long peak) {
        Double[] line = line(values, peak);
        if (line.length == 0) {
            return line;
        }
        Double[] points = new Double[line.length + 4];
        System.arraycopy(line, 0, points, 0, line.length);
        points[line.length] = line[line.length - 2];
        points[line.length + 1] = HEIGHT;
        points[line.length + 2] = line[0];
        points[line.length + 3] = HEIGHT;
        return points;
    }

    private static Double[] line(long[] values, long peak) {
        Double[] points = new Double[values.length * 2];
        double step = WIDTH / (RateHistory.SECONDS - 1);
        double left = WIDTH - step * (values.length - 1);
        for (int i = 0; i < values.length; i++) {
            points[2 * i] = left + i * step;
            points[2 * i + 1] = peak <= 0 ? HEIGHT - 1 : HEIGHT - 1 - (HEIGHT - 2) * values[i] / (double) peak;
        }
        return points;
    }
}
