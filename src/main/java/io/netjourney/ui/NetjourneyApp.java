package io.netjourney.ui;

import io.netjourney.capture.Preflight;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/** The netjourney window: live capture when started as root, a viewer for recorded traces otherwise. */
public final class NetjourneyApp extends Application {
    static final double WIDTH = 1440;
    static final double HEIGHT = 900;
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = new MainWindow(canCapture());
        Scene scene = scene(window);
        installShortcuts(scene, window);
        stage.setTitle("netjourney");
        for (int size : ICON_SIZES) {
            stage.getIcons().add(new Image(Objects.requireNonNull(NetjourneyApp.class.getResourceAsStream(
                    "icons/netjourney-" + size + ".png"))));
        }
        stage.setScene(scene);
        stage.show();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            window.openTrace(Path.of(args.get(0)));
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
                () -> Dialogs.exportPng(window));
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
