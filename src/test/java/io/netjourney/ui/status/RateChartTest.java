package io.netjourney.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.session.RateHistory;
import io.netjourney.ui.theme.Theme;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's strip chart, headless: what it draws for a known history, its tooltip, both themes. */
@ExtendWith(ApplicationExtension.class)
class RateChartTest {
    private final RateHistory history = new RateHistory();
    private RateChart chart;
    private StackPane root;

    @Start
    void start(Stage stage) {
        chart = new RateChart(history);
        root = new StackPane(chart);
        root.getStyleClass().add("main-window");
        stage.setScene(new Scene(root, 200, 60));
        stage.show();
    }

    @Test
    void theNewestSecondIsAtTheRightAndThePeakAtTheTop(FxRobot robot) {
        robot.interact(() -> {
            history.add(100, 0);
            history.add(400, 2);
            history.add(200, 1);
            chart.refresh();
        });
        List<Double> area = chart.eventsArea().getPoints();
        assertEquals(3 * 2 + 4, area.size(), "three seconds and the two bottom corners");
        assertEquals(RateChart.WIDTH, area.get(4), 1e-9, "the newest second at the right edge");
        assertEquals(1.0, area.get(3), 1e-9, "the peak (400/s) at the top");
        assertEquals(RateChart.HEIGHT - 1 - (RateChart.HEIGHT - 2) / 2, area.get(5), 1e-9, "200/s half way");
        assertTrue(chart.lostLine().isVisible(), "lost events drawn");
        assertEquals(1.0, chart.lostLine().getPoints().get(3), 1e-9, "lost on their own scale: 2/s is the top");
        assertEquals("events/s: 200 now, peak 400\nlost/s: 1 now, peak 2\n(the last 3 s)", chart.text());
        assertEquals(chart.text(), chart.tooltip().getText(), "the tooltip says it");
    }

    @Test
    void nothingLostDrawsNoLostLine(FxRobot robot) {
        robot.interact(() -> {
            history.add(1_234, 0);
            chart.refresh();
        });
        assertFalse(chart.lostLine().isVisible());
        assertTrue(chart.text().startsWith("events/s: 1,234 now, peak 1,234"), chart.text());
    }

    @Test
    void readableInBothThemes(FxRobot robot) {
        robot.interact(() -> {
            history.add(10, 1);
            chart.refresh();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Color light = (Color) chart.eventsArea().getStroke();
        robot.interact(() -> Theme.setDark(root, true));
        WaitForAsyncUtils.waitForFxEvents();
        Color dark = (Color) chart.eventsArea().getStroke();
        assertNotEquals(light, dark, "the dark theme has its own colours");
        assertTrue(dark.getBrightness() > light.getBrightness(), "lighter lines on the dark background");
        assertEquals(RateChart.WIDTH, chart.getWidth(), 1e-9);
        assertEquals(RateChart.HEIGHT, chart.getHeight(), 1e-9);
    }
}
