package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.ui.feed.TraceFilesTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a damaged trace file: the window shows what could be read and says in the status bar what it skipped. */
@ExtendWith(ApplicationExtension.class)
class DamagedTraceWindowTest {
    @TempDir
    Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(false);
        stage.setScene(NetjourneyApp.scene(window));
        stage.show();
    }

    @Test
    void theStatusBarSaysWhatWasSkipped(FxRobot robot) throws Exception {
        Path file = TraceFilesTest.damagedTrace(dir);
        int offset = TraceFilesTest.secondHopFrame(Files.readAllBytes(file));
        assertEquals(2, window.openTrace(file).get(20, TimeUnit.SECONDS).events().size());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#status").queryAs(Labeled.class).getText();
        assertTrue(status.contains("damaged.njt: skipped 1 damaged frame (233 bytes) at offset " + offset), status);
    }
}
