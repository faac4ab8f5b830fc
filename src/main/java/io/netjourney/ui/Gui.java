package io.netjourney.ui;

import java.nio.file.Path;
import javafx.application.Application;

/** Entry point of the window for the command line (which must not touch JavaFX itself). */
public final class Gui {
    private Gui() {
    }

    /** Whether a display is there to open a window on. */
    public static boolean displayAvailable() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** Opens the window (and blocks until it is closed); {@code traceFile} may be null. */
    public static void launch(Path traceFile) {
        String[] args = traceFile == null ? new String[0] : new String[] {traceFile.toString()};
        Application.launch(NetjourneyApp.class, args);
    }
}
