package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.journey.PacketDirection;
import io.netjourney.ui.model.HopStat;
import io.netjourney.ui.status.RateChart;
import io.netjourney.ui.time.SequenceLayout;
import io.netjourney.ui.time.TimeView;
import io.netjourney.ui.time.SequenceLayout.Kind;
import io.netjourney.ui.time.SequenceLayout.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The Time tab on the recorded lab trace, headless: a flow's crossings as a sequence diagram, in both themes. */
@ExtendWith(ApplicationExtension.class)
class TimeTabTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(false);
        stage.setScene(NetjourneyApp.scene(window));
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
    }

    @BeforeEach
    void openTheLabTraceAndSelectThePingToNjFar(FxRobot robot) throws Exception {
        window.openTrace(MainWindowTest.FIXTURE).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().flows().size() == 17);
        robot.interact(() -> window.selectFlow(MainWindowTest.FAR_FLOW));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.model().detailShown());
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Time")).queryLabeled());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !layout(robot).rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static SequenceLayout layout(FxRobot robot) {
        return view(robot).shownLayout();
    }

    private static TimeView view(FxRobot robot) {
        return robot.lookup("#time-view").queryAs(TimeView.class);
    }

    @Test
    void theColumnsAreThePathsInterfacesAndTheArrowsCarryTheStatisticsHops(FxRobot robot) {
        SequenceLayout layout = layout(robot);
        List<HopStat> request = window.model().hopStats().stream()
                .filter(s -> s.direction() == PacketDirection.REQUEST).toList();
        List<String> path = new ArrayList<>();
        for (HopStat hop : request) {
            String column = hop.interfaceName() + " / " + hop.namespace();
            if (!path.contains(column)) {
                path.add(column);
            }
        }
        List<String> columns = layout.columns().stream().map(c -> c.name() + " / " + c.namespace()).toList();
        assertEquals(path, columns.subList(0, path.size()), "the request path's interfaces, in its order");
        assertTrue(path.size() >= 5, "nj-ctr1 → nj-host → nj-router → nj-far: " + path);
        assertEquals(columns.size(), robot.lookup("#time-view .time-column-name").queryAll().size());

        long arrows = layout.rows().stream().filter(r -> r.kind() == Kind.ARROW).count();
        assertTrue(arrows >= 10, "arrows for the crossings: " + arrows);
        long inView = view(robot).drawnRows().stream().filter(r -> r.kind() == Kind.ARROW).count();
        assertTrue(inView > 0, "arrows around the viewport");
        assertEquals(inView, robot.lookup("#time-view .time-arrow").queryAll().size(), "every arrow there drawn");
        assertTrue(robot.lookup("#time-view .time-arrow.reply").queryAll().size() > 0, "the reply drawn back");

        long newestRequest = layout.rows().stream().filter(r -> r.direction() == PacketDirection.REQUEST)
                .mapToLong(Row::packetId).max().orElseThrow();
        List<Integer> numbers = layout.rows().stream().filter(r -> r.packetId() == newestRequest)
                .filter(r -> r.kind() != Kind.DROP).map(Row::hop).toList();
        assertEquals(request.stream().map(HopStat::hop).toList(), numbers,
                "the newest request's arrows are numbered as the Statistics tab's hops");
        assertTrue(layout.rows().stream().allMatch(r -> r.offsetNs() >= 0), "no negative time");
        assertTrue(robot.lookup("#time-view .time-caption").queryLabeled().getText().contains("packets"));
    }

    @Test
    void noTextIsCutOrOverlapsAnotherInEitherTheme(FxRobot robot) {
        assertTextsApart(robot, "light");
        Color light = (Color) robot.lookup("#time-view .time-column-name").queryAs(Text.class).getFill();
        robot.clickOn("#dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertTextsApart(robot, "dark");
        Color dark = (Color) robot.lookup("#time-view .time-column-name").queryAs(Text.class).getFill();
        assertTrue(light.getBrightness() < 0.4 && dark.getBrightness() > 0.7,
                "header text dark on light, light on dark: " + light + " / " + dark);
    }

    @Test
    void theStatusBarHasTheRateChartWithItsFigures(FxRobot robot) {
        RateChart chart = robot.lookup("#rate-chart").queryAs(RateChart.class);
        Bounds bar = robot.lookup("#status").query().localToScene(robot.lookup("#status").query().getBoundsInLocal());
        Bounds strip = chart.localToScene(chart.getBoundsInLocal());
        assertTrue(strip.getMinX() >= bar.getMaxX() && Math.abs(strip.getCenterY() - bar.getCenterY()) < 4,
                "beside the status text: " + strip + " / " + bar);
        assertEquals(RateChart.WIDTH, strip.getWidth(), 1);
        assertTrue(chart.tooltip().getText().startsWith("events/s: 0 now"), "a file opened: nothing arrives live: "
                + chart.tooltip().getText());
    }

    private void assertTextsApart(FxRobot robot, String theme) {
        SequenceLayout layout = layout(robot);
        List<Bounds> names = sorted(robot, ".time-column-name");
        List<Bounds> namespaces = sorted(robot, ".time-column-namespace");
        for (List<Bounds> header : List.of(names, namespaces)) {
            for (int i = 0; i < header.size(); i++) {
                var column = layout.columns().get(i);
                assertTrue(header.get(i).getWidth() <= column.width(), theme + ": header " + column + " is "
                        + header.get(i).getWidth() + " wide");
                if (i > 0) {
                    assertTrue(header.get(i - 1).getMaxX() < header.get(i).getMinX(), theme + ": headers " + (i - 1)
                            + " and " + i + " overlap");
                }
            }
        }
        List<Bounds> labels = new ArrayList<>();
        for (String style : List.of(".time-label", ".time-comment", ".time-time")) {
            labels.addAll(sorted(robot, style));
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertFalse(labels.get(i).intersects(labels.get(j)), theme + ": labels overlap: " + labels.get(i)
                        + " and " + labels.get(j));
            }
        }
        robot.interact(() -> Screenshots.save(window, "time-tab-" + theme));
    }

    private static List<Bounds> sorted(FxRobot robot, String style) {
        List<Bounds> bounds = new ArrayList<>();
        for (Node node : robot.lookup("#time-view " + style).queryAll()) {
            bounds.add(node.localToScene(node.getBoundsInLocal()));
        }
        bounds.sort(Comparator.comparingDouble(Bounds::getMinX));
        return bounds;
    }
}
