package io.netjourney.ui.real;

import io.netjourney.ui.MainWindow;
import io.netjourney.ui.NetjourneyApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** For tests that run the real window in their own JVM: its start and end, calls on the FX thread. */
final class InProcessFx {
    /** The application started, its stage and its window. */
    record Launched(Application app, Stage stage, MainWindow window) {
    }

    private InProcessFx() {
    }

    /** Starts NetjourneyApp as a fresh user would (no remembered placement: preferences under {@code work}). */
    static Launched launch(Path work) throws Exception {
        System.setProperty("java.util.prefs.userRoot", work.resolve("prefs").toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(NetjourneyApp.class);
        return new Launched(app, stage, call(() -> (MainWindow) stage.getScene().getRoot(), 5));
    }

    /** Closes what {@link #launch} started (nothing when it did not start) and ends the toolkit. */
    static void close(Launched launched) throws Exception {
        if (launched != null) {
            FxToolkit.cleanupApplication(launched.app());
            FxToolkit.cleanupStages();
            endToolkit();
        }
    }

    /** Runs {@code onFx} on the FX thread and returns its result, failing after {@code seconds}. */
    static <T> T call(Callable<T> onFx, int seconds) {
        try {
            return WaitForAsyncUtils.asyncFx(onFx).get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Ends JavaFX before its X server goes: GTK exits the process when its display disappears under it. Nothing in
     * this JVM uses the toolkit after this (failsafe gives each real-display class a JVM of its own).
     */
    private static void endToolkit() throws InterruptedException {
        Platform.exit();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("JavaFX Application Thread")) {
                thread.join(5_000);
            }
        }
    }
}
