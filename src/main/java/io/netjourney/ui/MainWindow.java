package io.netjourney.ui;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Names;
import io.netjourney.capture.names.NamespaceNames;
import io.netjourney.filter.KernelFilter;
import io.netjourney.lab.Lab;
import io.netjourney.ui.diagram.DiagramExport;
import io.netjourney.ui.diagram.JourneyDiagram;
import io.netjourney.ui.feed.EventRecorder;
import io.netjourney.ui.feed.HopQueue;
import io.netjourney.ui.feed.LabActivity;
import io.netjourney.ui.feed.LiveFeed;
import io.netjourney.ui.feed.TraceFiles;
import io.netjourney.ui.flows.FlowsPane;
import io.netjourney.ui.hops.HopsPane;
import io.netjourney.ui.model.FlowRow;
import io.netjourney.ui.model.JourneyViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The window: toolbar (capture, filter, files, export, lab), flows list, journey diagram, hop table and
 * statistics, status bar. Capture and file loading run off the FX thread; their crossings reach the view model
 * through a queue drained once per frame.
 */
public final class MainWindow extends BorderPane {
    private final CaptureControls controls;
    private final SwitchableNames names = new SwitchableNames();
    private final JourneyViewModel model = new JourneyViewModel(names);
    private final HopQueue queue = new HopQueue();
    private final EventRecorder recorder = new EventRecorder();
    private final JourneyDiagram diagram = new JourneyDiagram();
    private final FlowsPane flows;
    private final HopsPane hops;
    private final FrameBatcher batcher;
    private final Label status = new Label();
    private final TextField filterField = new TextField();
    private final Label filterError = new Label();
    private final ToggleButton labToggle = new ToggleButton("Lab");
    private final Timeline statusTimer;
    private final Names liveNames;
    private boolean showingFile;
    private LiveFeed feed;
    private LabActivity lab;
    private long lostBefore;
    private long lastCrossings;
    private String warning = "";

    public MainWindow(boolean canCapture) {
        controls = new CaptureControls(canCapture);
        getStyleClass().add("main-window");
        liveNames = canCapture ? new NamespaceNames() : Names.NONE;
        names.use(liveNames);
        flows = new FlowsPane(model.flows(), model::sinceStart);
        hops = new HopsPane(model.hopRows(), model.hopStats());
        diagram.setId("diagram");
        diagram.graphProperty().bind(model.graphProperty());
        diagram.highlightProperty().bind(model.highlightProperty());
        wireSelection();

        setTop(new VBox(banner(), toolbar()));
        SplitPane right = new SplitPane(diagram, hops);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        SplitPane centre = new SplitPane(flows, right);
        centre.setDividerPositions(0.36);
        setCenter(centre);
        status.setId("status");
        status.getStyleClass().add("status-bar");
        status.textProperty().bind(controls.statusProperty());
        controls.lossWarningProperty().addListener((obs, old, lost) -> {
            status.getStyleClass().remove("loss");
            if (lost) {
                status.getStyleClass().add("loss");
            }
        });
        status.setMaxWidth(Double.MAX_VALUE);
        setBottom(status);

        batcher = new FrameBatcher(queue, model, diagram);
        batcher.start();
        statusTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshStatus()));
        statusTimer.setCycleCount(Timeline.INDEFINITE);
        statusTimer.play();
        refreshStatus();
    }

    private void wireSelection() {
        flows.table().getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.select(row.getId());
            } else {
                model.clearSelection();
            }
        });
        diagram.setOnInterfaceClicked(id -> {
            model.mark(id);
            model.filterToInterface(id);
            hops.showDetails(model.details(id), joined(model.routesVia(id), model.netfilterIn(id)));
        });
        diagram.setOnBackgroundClicked(() -> {
            flows.table().getSelectionModel().clearSelection();
            model.clearSelection();
            hops.showDetails(Optional.empty(), Optional.empty());
        });
        hops.hopsTable().getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.mark(row.interfaceId());
            }
        });
    }

    private Label banner() {
        Label banner = new Label();
        banner.setId("banner");
        banner.getStyleClass().add("banner");
        banner.textProperty().bind(controls.bannerProperty());
        banner.visibleProperty().bind(controls.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setMaxWidth(Double.MAX_VALUE);
        return banner;
    }

    private ToolBar toolbar() {
        Button start = button("start", "▶ Start", "Start capturing with the filter (F5)", this::startCapture);
        Button stop = button("stop", "■ Stop", "Stop capturing (F5)", this::stopCapture);
        start.disableProperty().bind(controls.modeProperty().isNotEqualTo(CaptureControls.Mode.READY)
                .or(controls.filterValidProperty().not()));
        stop.disableProperty().bind(controls.modeProperty().isNotEqualTo(CaptureControls.Mode.CAPTURING));

        filterField.setId("filter-field");
        filterField.setPromptText("filter, e.g. icmp and host 198.51.100.2 (empty: all IP)");
        filterField.setPrefColumnCount(32);
        filterField.textProperty().bindBidirectional(controls.filterTextProperty());
        filterField.disableProperty().bind(controls.modeProperty().isEqualTo(CaptureControls.Mode.CAPTURING));
        filterError.setId("filter-error");
        filterError.getStyleClass().add("filter-error");
        filterError.textProperty().bind(controls.filterErrorProperty());
        controls.filterValidProperty().addListener((obs, old, valid) -> markFilter(valid));
        filterField.setOnAction(e -> {
            if (controls.filterValidProperty().get()) {
                startCapture();
            } else {
                selectBadToken();
            }
        });

        Button open = button("open", "Open…", "Open a trace file (Ctrl+O)", () -> Dialogs.open(this));
        Button save = button("save", "Save…", "Save the retained crossings as a trace file (Ctrl+S)",
                () -> Dialogs.save(this));
        Button export = button("export", "Export PNG…", "Export the diagram as shown, at 2× (Ctrl+E)",
                () -> Dialogs.exportPng(this));
        Button fit = button("fit", "Fit", "Zoom the diagram to fit (0)", diagram::zoomToFit);
        labToggle.setId("lab");
        labToggle.setTooltip(new Tooltip("Build the built-in lab of namespaces and keep pings running in it"));
        labToggle.setDisable(controls.modeProperty().get() == CaptureControls.Mode.VIEWER);
        labToggle.selectedProperty().addListener((obs, old, on) -> setLab(on));
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId("dark");
        dark.selectedProperty().addListener((obs, old, on) -> setDark(on));

        HBox filter = new HBox(6, filterField, filterError);
        HBox.setHgrow(filterField, Priority.ALWAYS);
        ToolBar bar = new ToolBar(start, stop, new Separator(), filter, new Separator(), open, save, export,
                new Separator(), labToggle, fit, dark);
        bar.setId("toolbar");
        return bar;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Marks the field while the filter is invalid (the error label next to it names the token). */
    private void markFilter(boolean valid) {
        filterField.getStyleClass().remove("invalid");
        if (!valid) {
            filterField.getStyleClass().add("invalid");
        }
    }

    /** Enter on an invalid filter selects the offending token, so it can be retyped at once. */
    private void selectBadToken() {
        int offset = controls.errorOffsetProperty().get();
        int end = Math.min(filterField.getLength(), offset + controls.errorLengthProperty().get());
        if (offset >= 0 && offset <= end) {
            filterField.selectRange(offset, end);
        }
    }

    /** Starts live capture with the current filter (off the FX thread); does nothing when it cannot start. */
    public void startCapture() {
        if (!controls.canStart()) {
            return;
        }
        KernelFilter filter = KernelFilter.compile(controls.filter());
        if (showingFile) {
            model.clear();
            recorder.clear();
            names.use(liveNames);
            lostBefore = 0;
            showingFile = false;
        }
        controls.captureStarted();
        warning = filter.warning().orElse("");
        CompletableFuture.supplyAsync(() -> LiveFeed.start(filter, queue, recorder)).whenComplete((started, e) ->
                Platform.runLater(() -> {
                    if (e != null) {
                        controls.captureStopped();
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        warning = cause instanceof CaptureException ? cause.getMessage() : cause.toString();
                        refreshStatus();
                        return;
                    }
                    feed = started;
                    warning = String.join("; ", started.warnings());
                    refreshStatus();
                }));
    }

    public void stopCapture() {
        LiveFeed stopping = feed;
        feed = null;
        if (stopping != null) {
            lostBefore += stopping.stats().lost();
            CompletableFuture.runAsync(stopping::close);
        }
        controls.captureStopped();
        refreshStatus();
    }

    /** F5: start when stopped, stop when capturing. */
    void toggleCapture() {
        if (controls.modeProperty().get() == CaptureControls.Mode.CAPTURING) {
            stopCapture();
        } else {
            startCapture();
        }
    }

    private void setLab(boolean on) {
        if (on && lab == null) {
            lab = new LabActivity(new Lab(), problem -> Platform.runLater(() -> {
                warning = problem;
                refreshStatus();
            }));
            lab.start();
            startCapture();
        } else if (!on && lab != null) {
            LabActivity stopping = lab;
            lab = null;
            CompletableFuture.runAsync(stopping::close);
        }
    }

    void setDark(boolean dark) {
        getStyleClass().remove("dark");
        diagram.getStyleClass().remove("dark");
        if (dark) {
            getStyleClass().add("dark");
            diagram.getStyleClass().add("dark");
        }
    }

    /** Loads a trace file off the FX thread and shows it; the future completes once it is shown. */
    public CompletableFuture<TraceFiles.Loaded> openTrace(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return TraceFiles.load(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).thenApplyAsync(loaded -> {
            stopCapture();
            model.clear();
            recorder.clear();
            loaded.events().forEach(recorder::add);
            names.use(loaded.names());
            showingFile = true;
            model.accept(loaded.hops());
            model.acceptNetfilter(loaded.netfilter());
            lostBefore = loaded.lostEvents();
            warning = loaded.warning().orElse("opened " + file.getFileName());
            refreshStatus();
            Platform.runLater(diagram::zoomToFit);
            return loaded;
        }, Platform::runLater);
    }

    private static Optional<String> joined(Optional<String> first, Optional<String> second) {
        if (first.isPresent() && second.isPresent()) {
            return Optional.of(first.get() + "\n" + second.get());
        }
        return first.isPresent() ? first : second;
    }

    /** Saves the retained crossings (see {@link EventRecorder}) with their namespace names. */
    public void saveTrace(Path file) throws IOException {
        TraceFiles.save(file, recorder.snapshot(), names, lostBefore + (feed == null ? 0 : feed.stats().lost()));
    }

    /** Writes the diagram as shown (highlight included) at 2× as a PNG. */
    public void exportPng(Path file) throws IOException {
        DiagramExport.writePng(diagram.snapshot(2), file);
    }

    private void refreshStatus() {
        CaptureStats stats = feed == null ? CaptureStats.EMPTY : feed.stats();
        CaptureStats total = new CaptureStats(stats.submitted(), stats.lost() + lostBefore, stats.filtered(),
                stats.decoded());
        long crossings = model.crossingsProperty().get();
        long perSecond = feed == null ? 0 : Math.max(0, crossings - lastCrossings);
        lastCrossings = crossings;
        if (feed != null && feed.failure() != null) {
            warning = "capture stopped: " + feed.failure();
        }
        controls.updateStatus(total, perSecond, model.packetsProperty().get(), model.flowsSeenProperty().get(),
                feed == null ? 0 : feed.attachedHooks().size(), queue.dropped(), warning);
    }

    /** Stops capture, lab and timers: the window is closing. */
    public void dispose() {
        batcher.stop();
        statusTimer.stop();
        labToggle.setSelected(false);
        LiveFeed stopping = feed;
        feed = null;
        if (stopping != null) {
            stopping.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    public CaptureControls controls() {
        return controls;
    }

    public JourneyViewModel model() {
        return model;
    }

    public JourneyDiagram diagram() {
        return diagram;
    }

    public FlowsPane flowsPane() {
        return flows;
    }

    public HopsPane hopsPane() {
        return hops;
    }

    FrameBatcher batcher() {
        return batcher;
    }

    /** Where feeds put their crossings (benchmarks feed it directly). */
    HopQueue queue() {
        return queue;
    }

    /** Selects a flow in the list as a click would. */
    public void selectFlow(long flowId) {
        for (FlowRow row : flows.table().getItems()) {
            if (row.getId() == flowId) {
                flows.table().getSelectionModel().select(row);
                return;
            }
        }
    }

    /** Names that follow what is shown: this machine's when capturing, a trace file's when one is open. */
    private static final class SwitchableNames implements Names {
        private volatile Names current = Names.NONE;

        void use(Names names) {
            current = names;
        }

        @Override
        public Optional<String> netnsName(long inode) {
            return current.netnsName(inode);
        }
    }
}
