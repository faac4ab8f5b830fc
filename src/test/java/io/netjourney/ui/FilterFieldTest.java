package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The toolbar's filter field is validated as you type: a bad token is marked and capture does not start. */
@ExtendWith(ApplicationExtension.class)
class FilterFieldTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(true);
        stage.setScene(NetjourneyApp.scene(window));
        stage.show();
    }

    @Test
    void aBadTokenIsMarkedExplainedAndBlocksStart(FxRobot robot) {
        robot.clickOn("#filter-field").write("tcp prot 80");
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup("#filter-field").queryAs(TextField.class);
        assertTrue(field.getStyleClass().contains("invalid"), "field marked");
        assertTrue(robot.lookup("#filter-error").queryLabeled().getText()
                .startsWith("column 5: unknown keyword 'prot'"), robot.lookup("#filter-error").queryLabeled().getText());
        Button start = robot.lookup("#start").queryButton();
        assertTrue(start.isDisabled(), "Start is disabled");
        robot.interact(() -> Screenshots.save(window, "window-bad-filter"));

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("prot", field.getSelectedText(), "Enter selects the bad token");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CaptureControls.Mode.READY, window.controls().modeProperty().get(), "capture did not start");

        robot.interact(() -> field.setText("tcp port 80"));
        assertFalse(field.getStyleClass().contains("invalid"));
        assertEquals("", robot.lookup("#filter-error").queryLabeled().getText());
        assertFalse(start.isDisabled(), "a valid filter enables Start");
    }
}
