package io.netjourney.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs work once the next frame of a node's scene has been laid out: what was changed before it is drawn first,
 * the work then changes the scene for the frame after. Where no frame is drawn (no scene, no window shown) the work
 * runs at once. FX thread only.
 */
final class AfterNextFrame implements Consumer<Runnable> {
    private final Node node;
    private final List<Runnable> waiting = new ArrayList<>();
    private final Runnable laidOut = this::laidOut;

    AfterNextFrame(Node node) {
        this.node = node;
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(laidOut);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(laidOut);
            }
            runAll();
        });
        Scene scene = node.getScene();
        if (scene != null) {
            scene.addPostLayoutPulseListener(laidOut);
        }
    }

    @Override
    public void accept(Runnable work) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            work.run(); // no frame is coming
            return;
        }
        waiting.add(work);
        Platform.requestNextPulse();
    }

    /** After a pulse's layout, before its frame is drawn: the work runs after the pulse. */
    private void laidOut() {
        if (!waiting.isEmpty()) {
            Platform.runLater(this::runAll);
        }
    }

    private void runAll() {
        List<Runnable> work = new ArrayList<>(waiting);
        waiting.clear();
        work.forEach(Runnable::run);
    }
}
