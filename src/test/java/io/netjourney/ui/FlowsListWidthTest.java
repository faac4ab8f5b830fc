package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.ui.flows.FlowsPane;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The diagram across the window over the flows list and the tabs; the tabs as wide as their tables need, the list the
 * rest, at most as wide as its columns fit on one line; never fixed.
 */
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
    void theDiagramTakesTheWholeWidthOverTheListAndTheTabs() throws Exception {
        window.openTrace(MainWindowTest.FIXTURE).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds diagram = bounds(window.diagram());
        Bounds list = bounds(window.flowsPane());
        Bounds tabs = bounds(window.hopsPane());
        double width = window.getWidth();
        assertTrue(diagram.getWidth() >= width - 8, "the diagram as wide as the window: " + diagram + " in " + width);
        double centre = window.diagramSplit().getHeight();
        assertEquals(MainWindow.DIAGRAM_SHARE, diagram.getHeight() / centre, 0.02, "about 64 % of the height");
        assertTrue(list.getMinY() >= diagram.getMaxY() && tabs.getMinY() >= diagram.getMaxY(), "both below it");
        assertTrue(list.getMaxX() <= tabs.getMinX(), "the list left of the tabs");
        assertEquals(list.getHeight(), tabs.getHeight(), 1, "side by side");
    }

    @Test
    void aWindowMappedSmallFirstStillGivesTheDiagramItsShareOnceFullSize(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(640);
            stage.setHeight(420);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.setWidth(1536);
            stage.setHeight(864);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MainWindow.DIAGRAM_SHARE, window.diagramSplit().getDividerPositions()[0], 0.01,
                "as openbox maps it: small, then at its size");
    }

    @Test
    void theTabsTakeWhatTheirTablesNeedTheListTheRestAndTheDividerStaysWhereItIsDragged(FxRobot robot)
            throws Exception {
        window.openTrace(MainWindowTest.FIXTURE).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double fitted = window.flowsPane().fittedWidthProperty().get();
        double compact = window.flowsPane().compactWidthProperty().get();
        double row = window.flowsSplit().getWidth();
        double tabs = window.hopsPane().fittedWidthProperty().get();
        assertTrue(fitted > FlowsPane.LEAST_WIDTH && compact < fitted, "the lab's conversations need room, less on "
                + "two lines: " + fitted + ", " + compact);
        assertEquals(listFor(row), window.flowsPane().getWidth(), 12, "fitted " + fitted + ", tabs " + tabs
                + " in " + row);
        double least = window.hopsPane().leastWidthProperty().get();
        assertTrue(window.hopsPane().getWidth() >= least - 12 && least < tabs, "the tabs at least as wide as their "
                + "tables need: " + window.hopsPane().getWidth() + " for " + least + " (" + tabs + " with an IPv4 "
                + "source → destination on one line)");

        robot.drag(robot.from(window.diagramSplit()).lookup(".split-pane-divider")
                .match(n -> n.getParent() == window.diagramSplit()).queryAs(javafx.scene.Node.class)).dropBy(0, -60);
        robot.interact(() -> stage.setWidth(1900));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(window.flowsPane().fittedWidthProperty().get(), window.flowsPane().getWidth(), 12,
                "a wider window, the diagram's own divider dragged meanwhile: the list as wide as it needs");
        assertTrue(window.hopsPane().getWidth() > tabs + 100, "the tabs the rest: " + window.hopsPane().getWidth());
        robot.interact(() -> stage.setWidth(1100));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(listFor(window.flowsSplit().getWidth()), window.flowsPane().getWidth(), 12,
                "a narrower window: the tabs keep what they need, the list has the rest, at least its least");

        double before = window.flowsSplit().getDividerPositions()[0];
        robot.drag(robot.from(window.flowsSplit()).lookup(".split-pane-divider")
                .match(n -> n.getParent() == window.flowsSplit()).queryAs(javafx.scene.Node.class)).dropBy(300, 0);
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = window.flowsSplit().getDividerPositions()[0];
        assertTrue(dragged > before + 0.1, "the divider dragged right: " + before + " -> " + dragged);
        robot.interact(() -> stage.setWidth(1400));
        WaitForAsyncUtils.waitForFxEvents();
        double fittedShare = listFor(window.flowsSplit().getWidth()) / window.flowsSplit().getWidth();
        double after = window.flowsSplit().getDividerPositions()[0];
        assertTrue(Math.abs(after - dragged) < 0.08 && Math.abs(after - fittedShare) > 0.1,
                "near where it was dragged (" + dragged + "), not fitted again (" + fittedShare + "): " + after);
        assertTrue(window.flowsPane().getWidth() >= FlowsPane.LEAST_WIDTH - 1, "never narrower than its least");
    }

    /**
     * The list's width in a row this wide while it follows the columns: first its conversations on two lines and the
     * tabs at their least, then the tabs as they would be, then the list on one line; never under its least.
     */
    private double listFor(double row) {
        FlowsPane list = window.flowsPane();
        return Math.max(FlowsPane.LEAST_WIDTH, Math.max(
                Math.min(list.fittedWidthProperty().get(), row - window.hopsPane().fittedWidthProperty().get()),
                Math.min(list.compactWidthProperty().get(), row - window.hopsPane().leastWidthProperty().get())));
    }

    private static Bounds bounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
