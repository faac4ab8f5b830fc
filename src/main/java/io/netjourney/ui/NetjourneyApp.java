package io.netjourney.ui;

import io.netjourney.capture.Preflight;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The netjourney window: live capture when started as root, a viewer for recorded traces otherwise. Parameters:
 * a trace file to open, or {@value #LAB} to start with the built-in lab up and capturing.
 */
public final class NetjourneyApp extends Application {
    static final String LAB = "--lab";
    static final double WIDTH = 1440;
    static final double HEIGHT = 900;
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private MainWindow window;
    private final WindowPlacement placement = WindowPlacement.user();

    @Override
    public void start(Stage stage) {
        window = new MainWindow(canCapture());
        Scene scene = scene(window);
        installShortcuts(scene, window);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> quit(stage));
        stage.titleProperty().bind(window.titleProperty());
        for (int size : ICON_SIZES) {
            stage.getIcons().add(new Image(Objects.requireNonNull(NetjourneyApp.class.getResourceAsStream(
                    "icons/netjourney-" + size + ".png"))));
        }
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        placement.apply(stage, window);
        stage.setOnCloseRequest(e -> {
            if (window.confirmQuit()) {
                placement.save(stage, window);
            } else {
                e.consume();
            }
        });
        stage.show();
        placement.enforce(stage);
        List<String> args = getParameters().getRaw();
        if (args.contains(LAB)) {
            window.setLabOn(true);
        } else if (!args.isEmpty()) {
            window.openTrace(Path.of(args.get(0)));
        }
    }

    /** Ctrl+Q: asks while a capture runs, then closes the window, which ends the application. */
    private void quit(Stage stage) {
        if (window.confirmQuit()) {
            placement.save(stage, window);
            stage.hide();
            Platform.exit();
        }
    }

    /** The window's scene with the application stylesheet. */
    static Scene scene(MainWindow window) {
        Scene scene = new Scene(window, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                NetjourneyApp.class.getResource("netjourney.css")).toExternalForm());
        return scene;
    }

    static void installShortcuts(Scene scene, MainWindow window) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), window::toggleCapture);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                () -> Dialogs.open(window));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                () -> Dialogs.save(window));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> Dialogs.exportDiagram(window));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                window::clearView);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                window::focusFlowSearch);
    }

    private static boolean canCapture() {
        try {
            Preflight.check();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }
}
