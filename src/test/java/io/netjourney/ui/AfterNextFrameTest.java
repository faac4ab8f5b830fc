package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AfterNextFrameTest {
    private final Pane shown = new Pane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(shown, 200, 100));
        stage.show();
    }

    @Test
    void workWaitsForTheNextFrameToBeLaidOut() throws Exception {
        List<String> happened = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            shown.getScene().addPostLayoutPulseListener(() -> happened.add("laid out"));
            happened.clear();
            new AfterNextFrame(shown).accept(() -> happened.add("work"));
            happened.add("asked");
        }).get(5, TimeUnit.SECONDS);

        for (int i = 0; i < 100 && !happened.contains("work"); i++) {
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }

        List<String> seen = List.copyOf(happened); // later pulses keep adding "laid out"
        assertEquals(List.of("asked", "laid out", "work"), seen.subList(0, Math.min(3, seen.size())), seen.toString());
    }

    @Test
    void withoutAWindowShownTheWorkRunsAtOnce() throws Exception {
        List<String> happened = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            new AfterNextFrame(new Pane()).accept(() -> happened.add("work"));
            happened.add("asked");
        }).get(5, TimeUnit.SECONDS);

        assertEquals(List.of("work", "asked"), happened);
        assertTrue(shown.getScene().getWindow().isShowing());
    }
}
