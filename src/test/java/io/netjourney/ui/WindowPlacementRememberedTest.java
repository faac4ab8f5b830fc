package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's size and dividers come back in the next run (java.util.prefs, a node of the test's own). */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementRememberedTest {
    private final Preferences node = Preferences.userRoot().node("io/netjourney/test/placement-" + System.nanoTime());
    private final WindowPlacement placement = new WindowPlacement(node);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 10, 10));
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void theFirstRunFitsTheScreenAndTheNextOneHasTheLastSize() throws Exception {
        double[] first = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(false);
            stage.setScene(NetjourneyApp.scene(window));
            placement.apply(stage, window);
            stage.show();
            double[] size = {stage.getWidth(), stage.getHeight()};
            stage.setWidth(1100);
            stage.setHeight(720);
            window.flowsSplit().setDividerPositions(0.65); // the flows list is never narrower than its columns
            window.diagramSplit().setDividerPositions(0.7);
            placement.save(stage, window);
            stage.close();
            window.dispose();
            return size;
        }).get(20, TimeUnit.SECONDS);
        double[] next = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(false);
            stage.setScene(NetjourneyApp.scene(window));
            placement.apply(stage, window);
            stage.show();
            double[] seen = {stage.getWidth(), stage.getHeight(), window.flowsSplit().getDividerPositions()[0],
                window.diagramSplit().getDividerPositions()[0]};
            stage.close();
            window.dispose();
            return seen;
        }).get(20, TimeUnit.SECONDS);
        Rectangle2D screen = WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getVisualBounds())
                .get(5, TimeUnit.SECONDS);
        assertEquals(Math.max(1024, screen.getWidth() * 0.8), first[0], 1, "80 % of the screen's width");
        assertEquals(Math.max(700, screen.getHeight() * 0.8), first[1], 1, "80 % of the screen's height");
        assertEquals(1100, next[0], 1);
        assertEquals(720, next[1], 1);
        assertEquals(0.65, next[2], 0.01);
        assertEquals(0.7, next[3], 0.01);
    }
}
