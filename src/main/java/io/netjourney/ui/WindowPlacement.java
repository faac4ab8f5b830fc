package io.netjourney.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Where the window opens and how big: the size and divider positions of the last run (java.util.prefs), else about
 * 80 % of the screen's visual bounds and at least 1024×700 where the screen allows; never larger than the screen,
 * always centred on it. The size is set explicitly, so window managers that do not size new windows get it too.
 */
final class WindowPlacement {
    static final double SHARE = 0.8;
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 700;
    /** How long after the window is shown a window manager's shrink is undone. */
    static final Duration SETTLE = Duration.seconds(3);
    private static final int MAX_RESTORES = 3;
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";
    private static final String MAXIMIZED = "maximized";
    /* the layout with the diagram over the flows list and the tabs; an older layout's "centreDivider" is not read */
    private static final String FLOWS_DIVIDER = "flowsDivider";
    private static final String DIAGRAM_DIVIDER = "diagramDivider";

    private final Preferences prefs;

    WindowPlacement(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The current user's remembered placement. */
    static WindowPlacement user() {
        return new WindowPlacement(Preferences.userNodeForPackage(WindowPlacement.class).node("window"));
    }

    /**
     * The window's bounds on a screen with these visual bounds: the remembered size (0 when none) or 80 % of the
     * screen, at least 1024×700 where that fits, at most the screen; centred.
     */
    static Rectangle2D bounds(Rectangle2D screen, double rememberedWidth, double rememberedHeight) {
        double width = rememberedWidth > 0 ? rememberedWidth : Math.max(MIN_WIDTH, screen.getWidth() * SHARE);
        double height = rememberedHeight > 0 ? rememberedHeight : Math.max(MIN_HEIGHT, screen.getHeight() * SHARE);
        width = Math.min(width, screen.getWidth());
        height = Math.min(height, screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - width) / 2,
                screen.getMinY() + (screen.getHeight() - height) / 2, width, height);
    }

    /** Sizes and places the stage (before it is shown) and restores the dividers. */
    void apply(Stage stage, MainWindow window) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Rectangle2D at = bounds(screen, prefs.getDouble(WIDTH, 0), prefs.getDouble(HEIGHT, 0));
        stage.setX(at.getMinX());
        stage.setY(at.getMinY());
        stage.setWidth(at.getWidth());
        stage.setHeight(at.getHeight());
        stage.setMaximized(prefs.getBoolean(MAXIMIZED, false));
        if (restore(window.flowsSplit(), prefs.getDouble(FLOWS_DIVIDER, -1))) {
            window.keepFlowsDivider();
        }
        double diagram = prefs.getDouble(DIAGRAM_DIVIDER, -1);
        if (remembered(diagram)) {
            window.useDiagramShare(diagram);
        }
    }

    /**
     * Some window managers (openbox) give a new window a size of their own choosing, at its map or a moment later:
     * for a while after it is shown, a stage left much smaller than it asked for gets its bounds again (a few times
     * at most, should the window manager insist). Remembering that accidental size would make it every run's.
     */
    void enforce(Stage stage) {
        UndoShrink undo = new UndoShrink(stage);
        stage.widthProperty().addListener(undo);
        stage.heightProperty().addListener(undo);
        undo.invalidated(null);
        PauseTransition settled = new PauseTransition(SETTLE);
        settled.setOnFinished(e -> {
            stage.widthProperty().removeListener(undo);
            stage.heightProperty().removeListener(undo);
        });
        settled.play();
    }

    /** Gives a stage its bounds again when it is found much smaller than them: one restore at a time, a few at most. */
    private static final class UndoShrink implements InvalidationListener {
        private final Stage stage;
        private final Rectangle2D wanted;
        private boolean pending;
        private int restored;

        UndoShrink(Stage stage) {
            this.stage = stage;
            this.wanted = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }

        @Override
        public void invalidated(Observable changed) {
            if (!pending && restored < MAX_RESTORES && shrunk()) {
                pending = true;
                // after the window manager's change has been told in full (width and height)
                Platform.runLater(() -> {
                    pending = false;
                    if (shrunk()) {
                        restored++;
                        stage.setWidth(wanted.getWidth());
                        stage.setHeight(wanted.getHeight());
                        stage.setX(wanted.getMinX());
                        stage.setY(wanted.getMinY());
                    }
                });
            }
        }

        private boolean shrunk() {
            return !stage.isMaximized() && (stage.getWidth() < wanted.getWidth() * 0.9
                    || stage.getHeight() < wanted.getHeight() * 0.9);
        }
    }

    /** Puts the divider where an earlier run left it, if it remembered one; says whether it did. */
    private static boolean restore(SplitPane split, double position) {
        if (remembered(position)) {
            split.setDividerPositions(position);
            return true;
        }
        return false;
    }

    private static boolean remembered(double position) {
        return position > 0.05 && position < 0.95;
    }

    /** Remembers the stage's size (not when maximized) and the dividers for the next run. */
    void save(Stage stage, MainWindow window) {
        prefs.putBoolean(MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized() && stage.getWidth() > 0 && stage.getHeight() > 0) {
            prefs.putDouble(WIDTH, stage.getWidth());
            prefs.putDouble(HEIGHT, stage.getHeight());
        }
        prefs.putDouble(FLOWS_DIVIDER, window.flowsSplit().getDividerPositions()[0]);
        prefs.putDouble(DIAGRAM_DIVIDER, window.diagramSplit().getDividerPositions()[0]);
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // not remembered: the next run opens at the default size
        }
    }
}
