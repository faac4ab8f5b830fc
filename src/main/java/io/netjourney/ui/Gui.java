package io.netjourney.ui;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/** Entry point of the window for the command line (which must not touch JavaFX itself). */
public final class Gui {
    private Gui() {
    }

    /** Whether a display is there to open a window on. */
    public static boolean displayAvailable() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** JavaFX warns that it runs from the class path (a fat jar); that is how netjourney ships. Held strongly. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    /** java.util.prefs announces at INFO that it created the user's preferences folder (the first run). */
    private static final Logger PREFS_LOG = Logger.getLogger("java.util.prefs");

    /**
     * Keeps JavaFX's start-up warning about the class path, and the first run's note about the preferences folder
     * (the window's remembered size), out of the user's terminal.
     */
    static void quietToolkit() {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        PREFS_LOG.setLevel(Level.WARNING);
    }

    /** What JavaFX's GTK glass says when libglassgtk3.so (or a library it needs) does not load. */
    static final String NO_GTK = "Unable to load glass GTK library";

    /**
     * Opens the window (and blocks until it is closed); {@code traceFile} may be null. With {@code lab} it starts
     * with the built-in lab up and a live capture running. Throws {@link GuiUnavailableException} when the toolkit
     * cannot load GTK.
     */
    public static void launch(Path traceFile, boolean lab) {
        quietToolkit();
        String[] args = lab ? new String[] {NetjourneyApp.LAB}
                : traceFile == null ? new String[0] : new String[] {traceFile.toString()};
        try {
            Application.launch(NetjourneyApp.class, args);
        } catch (RuntimeException e) {
            if (!isMissingGtk(e)) {
                throw e;
            }
            GuiUnavailableException unavailable = GuiRuntime.toolkitFailed();
            unavailable.initCause(e);
            throw unavailable;
        }
    }

    /** Whether {@code e} (or one of its causes) is the toolkit failing to load its GTK library. */
    static boolean isMissingGtk(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(NO_GTK)) {
                return true;
            }
        }
        return false;
    }
}
