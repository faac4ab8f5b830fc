package io.netjourney.ui;

import io.netjourney.capture.CaptureStats;
import io.netjourney.sinks.CounterText;
import io.netjourney.filter.Filter;
import io.netjourney.filter.FilterParser;
import io.netjourney.filter.NamespaceDirectory;
import io.netjourney.filter.RecentNamespaces;
import javafx.application.Platform;
import io.netjourney.filter.FilterSyntaxException;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The toolbar's and status bar's view model: the filter being typed (validated as you type), whether capture can
 * start, and the status line. No scene graph here: unit-tested without starting JavaFX.
 */
public final class CaptureControls {
    /**
     * What the window is doing: a viewer of recorded traces only; ready to capture; attaching the programs of a
     * capture (Stop already allowed: a start that completes after Stop is closed); capturing.
     */
    public enum Mode { VIEWER, READY, STARTING, CAPTURING }

    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ReadOnlyIntegerWrapper errorOffset = new ReadOnlyIntegerWrapper(this, "errorOffset", -1);
    private final ReadOnlyIntegerWrapper errorLength = new ReadOnlyIntegerWrapper(this, "errorLength", 0);
    private final ReadOnlyBooleanWrapper filterValid = new ReadOnlyBooleanWrapper(this, "filterValid", true);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper lossWarning = new ReadOnlyBooleanWrapper(this, "lossWarning", false);
    private Filter filter = Filter.ALL_IP;
    /** Names for netns/container filters, scanned off the FX thread; a scan that finds others checks again. */
    private final NamespaceDirectory namespaces = new RecentNamespaces(NamespaceDirectory.THIS_MACHINE,
            this::revalidateLater);

    /**
     * @param canCapture whether this process may capture live (root); otherwise the window is a viewer
     */
    public CaptureControls(boolean canCapture) {
        mode.set(canCapture ? Mode.READY : Mode.VIEWER);
        banner.set(canCapture ? "" : "Viewer mode: open a recorded trace (netjourney trace -w FILE). To capture "
                + "live, start the window as root: sudo netjourney gui");
        filterText.addListener((obs, old, text) -> validate(text));
        status.set(canCapture ? "ready" : "viewer mode");
    }

    private void revalidateLater() {
        try {
            Platform.runLater(() -> validate(filterText.get()));
        } catch (IllegalStateException noToolkit) {
            // controls used without a window (tests): nothing shows the filter
        }
    }

    private void validate(String text) {
        try {
            filter = text == null || text.isBlank() ? Filter.ALL_IP : FilterParser.parse(text, namespaces);
            filterError.set("");
            errorOffset.set(-1);
            errorLength.set(0);
            filterValid.set(true);
        } catch (FilterSyntaxException e) {
            filterError.set("column " + e.column() + ": " + e.reason());
            errorOffset.set(e.offset());
            errorLength.set(Math.max(1, e.length()));
            filterValid.set(false);
        }
    }

    /** Whether Start may be pressed: live capture allowed, not running, filter valid. */
    public boolean canStart() {
        return mode.get() == Mode.READY && filterValid.get();
    }

    /** The filter to capture with; only meaningful when {@link #filterValidProperty()} is true. */
    public Filter filter() {
        return filter;
    }

    /** Start was pressed: the programs are being loaded and attached. */
    public void captureStarting() {
        mode.set(Mode.STARTING);
    }

    /** The programs are attached and events flow. */
    public void captureStarted() {
        mode.set(Mode.CAPTURING);
    }

    public void captureStopped() {
        if (isLive()) {
            mode.set(Mode.READY);
        }
    }

    /** Whether a capture is starting or running: Stop applies, and closing the window would discard it. */
    public boolean isLive() {
        return mode.get() == Mode.STARTING || mode.get() == Mode.CAPTURING;
    }

    /**
     * Refreshes the status line from the capture's counters.
     *
     * @param eventsPerSecond crossings delivered per second since the last update
     * @param hooks           hooks attached (0 when not capturing)
     * @param uiDropped       crossings the window could not keep up with
     * @param shownOneIn      the selected flow's journeys shown, one in this many (1: all; see
     *                        {@link io.netjourney.journey.DisplaySampling})
     * @param kernelSendsOneIn the kernel sends the events of one in this many packets, counting all (0 or 1: all
     *                        sent)
     * @param warning         a warning to show, or empty
     */
    public void updateStatus(CaptureStats stats, long eventsPerSecond, long packets, long flows, int hooks,
            long uiDropped, long shownOneIn, int kernelSendsOneIn, String warning) {
        String state = switch (mode.get()) {
            case CAPTURING -> "capturing";
            case STARTING -> "starting";
            case VIEWER -> "viewer mode";
            case READY -> "stopped";
        };
        long lost = stats.lost() + uiDropped;
        StringBuilder line = new StringBuilder(state);
        line.append(String.format(Locale.ROOT, " · %,d events/s · %s · %s", eventsPerSecond,
                count(packets, "packet"), count(flows, "flow")));
        CounterText.parts(stats.plusLost(uiDropped)).forEach(part -> line.append(" · ").append(part));
        if (hooks > 0) {
            line.append(" · ").append(hooks).append(hooks == 1 ? " hook" : " hooks");
        }
        if (kernelSendsOneIn > 1) {
            line.append(String.format(Locale.ROOT, " · a flood: the kernel sends 1 in %,d packets (counts exact)",
                    kernelSendsOneIn));
        }
        if (shownOneIn > 1) {
            line.append(String.format(Locale.ROOT, " · showing 1 in %,d journeys of the selected flow (counts exact)",
                    shownOneIn));
        }
        if (warning != null && !warning.isEmpty()) {
            line.append(" · ").append(warning);
        }
        lossWarning.set(lost > 0);
        status.set(line.toString());
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** Offset of the bad token in the filter text, -1 when valid. */
    public ReadOnlyIntegerProperty errorOffsetProperty() {
        return errorOffset.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty errorLengthProperty() {
        return errorLength.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty filterValidProperty() {
        return filterValid.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True once any event was lost: the status bar shows it prominently. */
    public ReadOnlyBooleanProperty lossWarningProperty() {
        return lossWarning.getReadOnlyProperty();
    }
}
