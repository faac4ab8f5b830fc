package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.ui.flows.FlowsPane;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The flows list beside the diagram: as wide as its columns fit, never more than 60 % of the window, never fixed. */
@ExtendWith(ApplicationExtension.class)
class FlowsListWidthTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(false);
        stage.setScene(NetjourneyApp.scene(window));
        stage.setWidth(1536);
        stage.setHeight(864);
        stage.show();
    }

    @Test
    void theListTakesWhatItsColumnsNeedAtMostSixtyPercentAndStaysWhereItIsDragged(FxRobot robot) throws Exception {
        window.openTrace(MainWindowTest.FIXTURE).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double fitted = window.flowsPane().fittedWidthProperty().get();
        double centre = window.centreSplit().getWidth();
        double shown = window.flowsPane().getWidth();
        assertTrue(fitted > FlowsPane.LEAST_WIDTH, "the lab's conversations need room: " + fitted);
        assertEquals(Math.max(FlowsPane.LEAST_WIDTH, Math.min(fitted, centre * MainWindow.MOST_FLOWS_SHARE)), shown,
                12, "fitted " + fitted + " in " + centre);
        assertTrue(window.rightSplit().getWidth() >= centre * 0.38, "the diagram keeps at least about 40 % of the window");

        robot.drag(robot.from(window.rightSplit()).lookup(".split-pane-divider")
                .match(n -> n.getParent() == window.rightSplit()).queryAs(javafx.scene.Node.class)).dropBy(0, -60);
        robot.interact(() -> stage.setWidth(1900));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(window.flowsPane().fittedWidthProperty().get(), window.flowsPane().getWidth(), 12,
                "a wider window, the diagram's own divider dragged meanwhile: the list still as wide as it needs");
        robot.interact(() -> stage.setWidth(1100));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.flowsPane().getWidth() <= window.centreSplit().getWidth() * MainWindow.MOST_FLOWS_SHARE + 12,
                "a narrower window: still at most 60 %");

        double before = window.centreSplit().getDividerPositions()[0];
        robot.drag(robot.from(window.centreSplit()).lookup(".split-pane-divider")
                .match(n -> n.getParent() == window.centreSplit()).queryAs(javafx.scene.Node.class)).dropBy(-200, 0);
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = window.centreSplit().getDividerPositions()[0];
        assertTrue(dragged < before - 0.1, "the divider dragged left: " + before + " -> " + dragged);
        robot.interact(() -> stage.setWidth(1400));
        WaitForAsyncUtils.waitForFxEvents();
        double fittedShare = Math.min(MainWindow.MOST_FLOWS_SHARE, window.flowsPane().fittedWidthProperty().get()
                / window.centreSplit().getWidth());
        double after = window.centreSplit().getDividerPositions()[0];
        assertTrue(Math.abs(after - dragged) < 0.05 && Math.abs(after - fittedShare) > 0.1,
                "near where it was dragged (" + dragged + "), not fitted again (" + fittedShare + "): " + after);
        assertTrue(window.flowsPane().getWidth() >= FlowsPane.LEAST_WIDTH - 1, "never narrower than its least");
    }
}
