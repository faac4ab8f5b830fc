package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Drop;
import io.netjourney.capture.RouteDecision;
import io.netjourney.ui.model.ConversationRow;
import io.netjourney.ui.model.FlowRow;
import io.netjourney.ui.model.HopRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At the window's default size (1440×900) the tabs beside the flows list show the hop table and the statistics of
 * every flow listed whole: every column in view, no horizontal scroll bar, no header or cell cut or clipped, down to
 * the last row; and the flows list beside them whole too. On the lab's traces: pings across the bridge and the router,
 * IPv6, a TCP reset; and pings with their routing decisions and drops.
 */
@ExtendWith(ApplicationExtension.class)
class TabsAtTheDefaultSizeTest {
    private static final Path ROUTES_AND_DROPS = Path.of("src/test/resources/fixtures/lab-long-pings.njt");

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(false);
        stage.setScene(NetjourneyApp.scene(window));
        // the window's default size, whatever an earlier test class left the shared stage at
        stage.setWidth(NetjourneyApp.WIDTH);
        stage.setHeight(NetjourneyApp.HEIGHT);
        stage.show();
    }

    @Test
    void everyFlowOfTheLabsPingsShowsItsHopsAndStatisticsWhole(FxRobot robot) throws Exception {
        List<String> cut = cutInEveryListedFlow(robot, MainWindowTest.FIXTURE);
        assertEquals(List.of(), cut);
    }

    @Test
    void routingDecisionsAndDropsAreReadWholeToo(FxRobot robot) throws Exception {
        List<String> cut = cutInEveryListedFlow(robot, ROUTES_AND_DROPS);
        assertEquals(List.of(), cut);
        assertTrue(window.model().hopRows().stream().anyMatch(r -> r.event() instanceof RouteDecision)
                && window.model().hopRows().stream().anyMatch(r -> r.event() instanceof Drop),
                "the last flow's story has routing decisions and drops");
    }

    @Test
    void aWindowMappedSmallFirstLeavesTheRoomToTheHopTablesLastColumn(FxRobot robot) throws Exception {
        window.openTrace(MainWindowTest.FIXTURE).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.flowsPane().selectFlow(MainWindowTest.FAR_FLOW)).get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.model().detailShown());
        robot.interact(() -> {
            stage.setWidth(640);
            stage.setHeight(420);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.setWidth(NetjourneyApp.WIDTH);
            stage.setHeight(NetjourneyApp.HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<TableColumn<HopRow, ?>> columns = window.hopsPane().hopsTable().getColumns();
        for (TableColumn<HopRow, ?> column : columns.subList(0, columns.size() - 1)) {
            assertEquals(column.getMinWidth(), column.getWidth(), 1, "as wide as it needs, as openbox maps it: "
                    + column.getText());
        }
        TableColumn<HopRow, ?> last = columns.get(columns.size() - 1);
        assertTrue(last.getWidth() > last.getMinWidth() + 50, "the last column has the rest: " + last.getWidth());
    }

    /** Opens the trace, selects each listed flow and reads both tables row by row, and the flows list. */
    private List<String> cutInEveryListedFlow(FxRobot robot, Path trace) throws Exception {
        window.openTrace(trace).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.model().flows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NetjourneyApp.WIDTH, window.getWidth(), "the default size");
        List<Long> listed = WaitForAsyncUtils.asyncFx(() -> window.model().conversations().stream()
                .filter(c -> !c.isLinkChatter()).map(ConversationRow::flows).flatMap(List::stream)
                .map(FlowRow::getId).toList()).get(5, TimeUnit.SECONDS);
        assertTrue(listed.size() >= 3, "flows listed: " + listed);
        List<String> cut = new ArrayList<>();
        for (long flow : listed) {
            robot.interact(() -> window.selectFlow(flow));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.model().detailShown());
            WaitForAsyncUtils.waitForFxEvents();
            for (int tab = 0; tab < 2; tab++) {
                int shown = tab;
                robot.interact(() -> window.hopsPane().getSelectionModel().select(shown));
                TableView<?> table = tab == 0 ? window.hopsPane().hopsTable() : window.hopsPane().statsTable();
                for (int row = 0; row < table.getItems().size(); row += 4) {
                    int top = row;
                    robot.interact(() -> table.scrollTo(top));
                    WaitForAsyncUtils.waitForFxEvents();
                    cut.addAll(WaitForAsyncUtils.asyncFx(() -> Truncation.inTable(table).stream()
                            .map(c -> table.getId() + " (flow " + flow + " row " + top + "): " + c).toList())
                            .get(5, TimeUnit.SECONDS));
                }
            }
            cut.addAll(WaitForAsyncUtils.asyncFx(() -> Truncation.in(window.flowsPane()).stream()
                    .map(c -> "flows list: " + c).toList()).get(5, TimeUnit.SECONDS));
        }
        return cut.stream().distinct().toList();
    }
}
