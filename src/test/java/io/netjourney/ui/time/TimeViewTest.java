package io.netjourney.ui.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.journey.FlowDetail;
import io.netjourney.journey.JourneyConfig;
import java.util.Arrays;
import javafx.scene.Node;
import javafx.scene.Scene;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The time view on a flood's flow, headless: it draws only the newest packets, says so, and stays fast. */
@ExtendWith(ApplicationExtension.class)
class TimeViewTest {
    private TimeView view;

    @Start
    void start(Stage stage) {
        view = new TimeView();
        view.setId("time-view");
        stage.setScene(new Scene(view, 1100, 400));
        stage.show();
    }

    @Test
    void aFloodsFlowOfFourteenHundredEventsDrawsItsNewestFortyPacketsAndOnlyTheRowsInView(FxRobot robot) {
        LabFlows flows = new LabFlows(JourneyConfig.defaults().withMaxPacketsPerFlow(400));
        for (int seq = 1; seq <= 200; seq++) {
            flows.ping(seq, seq * 100_000L);
        }
        FlowDetail detail = flows.model().detail(1);
        long[] ns = new long[30];
        robot.interact(() -> {
            for (int i = 0; i < ns.length; i++) {
                long started = System.nanoTime();
                view.show(detail, inode -> LabFlows.NAMES.get(inode));
                view.applyCss();
                view.layout();
                ns[i] = System.nanoTime() - started;
            }
        });
        Arrays.sort(ns);
        System.out.printf("TimeView of a flow of 1,400 events (layout, nodes, CSS, layout pass): median %.1f ms, best "
                + "%.1f ms, worst %.1f ms over %d draws%n", ns[ns.length / 2] / 1e6, ns[0] / 1e6,
                ns[ns.length - 1] / 1e6, ns.length);
        assertEquals(140, view.shownLayout().rows().size());
        int arrowsDrawn = robot.lookup("#time-view .time-arrow").queryAll().size();
        assertTrue(arrowsDrawn > 5 && arrowsDrawn < 40, "the arrows around the viewport, not all 80: " + arrowsDrawn);
        assertEquals(arrowsDrawn, view.drawnRows().stream().filter(r -> r.kind() == SequenceLayout.Kind.ARROW).count());
        String caption = robot.lookup("#time-view .time-caption").queryAs(Label.class).getText();
        assertTrue(caption.startsWith("Showing the newest 40 of 400 packets"), caption);
        assertEquals(3, robot.lookup("#time-view .time-column-name").queryAll().size());
    }

    @Test
    void scrollingToTheTopDrawsTheOldestRowsShown(FxRobot robot) {
        LabFlows flows = new LabFlows(JourneyConfig.defaults().withMaxPacketsPerFlow(400));
        for (int seq = 1; seq <= 200; seq++) {
            flows.ping(seq, seq * 100_000L);
        }
        robot.interact(() -> view.show(flows.model().detail(1), inode -> LabFlows.NAMES.get(inode)));
        robot.interact(() -> { });
        assertTrue(times(robot).contains(view.shownLayout().rows().get(139).time()), "at the bottom: the newest");
        robot.interact(() -> robot.lookup("#time-view .time-scroll").queryAs(ScrollPane.class).setVvalue(0));
        assertTrue(times(robot).contains(view.shownLayout().rows().get(0).time()), "scrolled up: the oldest shown");
    }

    private static List<String> times(FxRobot robot) {
        return robot.lookup("#time-view .time-time").queryAll().stream().map(n -> ((Text) n).getText()).toList();
    }

    @Test
    void theRowUnderThePointerTellsEverythingAboutItInTheTooltip(FxRobot robot) {
        LabFlows flows = new LabFlows().ping(1, 1_000_000);
        robot.interact(() -> view.show(flows.model().detail(1), inode -> LabFlows.NAMES.get(inode)));
        robot.moveTo(robot.lookup("#time-view .time-arrow").nth(1).<Node>query());
        assertEquals(view.shownLayout().rows().get(2).tooltip(), view.rowTooltip().getText(),
                "the second arrow is the third row (after the start mark)");
        assertTrue(view.rowTooltip().getText().startsWith("hop 3 · request · icmp seq 1"),
                view.rowTooltip().getText());
    }

    @Test
    void nothingSelectedSaysWhatToDo(FxRobot robot) {
        robot.interact(() -> view.show(null, inode -> ""));
        assertEquals("Select a flow to see its crossings over time",
                robot.lookup("#time-view .time-caption").queryAs(Label.class).getText());
        assertEquals(0, robot.lookup("#time-view .time-arrow").queryAll().size());
    }
}
