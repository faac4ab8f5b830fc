package io.netjourney.ui;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.capture.names.NamespaceNames;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.lab.Lab;
import io.netjourney.session.EventQueue;
import io.netjourney.session.LiveSource;
import io.netjourney.session.ModelWorker;
import io.netjourney.session.RateHistory;
import io.netjourney.session.Session;
import io.netjourney.session.SessionOptions;
import io.netjourney.session.Source;
import io.netjourney.ui.diagram.Caption;
import io.netjourney.ui.diagram.DiagramExport;
import io.netjourney.ui.diagram.JourneyDiagram;
import io.netjourney.ui.feed.EventRecorder;
import io.netjourney.ui.feed.LabActivity;
import io.netjourney.ui.feed.RunningLab;
import io.netjourney.ui.feed.TopologyWatcher;
import io.netjourney.ui.feed.TraceFiles;
import io.netjourney.ui.flows.FlowsPane;
import io.netjourney.ui.hops.HopsPane;
import io.netjourney.ui.model.ConversationRow;
import io.netjourney.ui.model.ExportCaption;
import io.netjourney.ui.model.FlowRow;
import io.netjourney.ui.model.JourneyViewModel;
import io.netjourney.ui.status.RateChart;
import io.netjourney.ui.tables.CopyableTable;
import io.netjourney.ui.tables.TableCopy;
import io.netjourney.ui.tables.TextTable;
import io.netjourney.ui.theme.Theme;
import io.netjourney.ui.time.TimeTab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The window: toolbar (capture, filter, files, export, lab), the journey diagram across the window's width, below it
 * the flows list beside the hop table, statistics, time and interface tabs, status bar. Capture and file loading run off the FX thread; their events go to the journey model on
 * its own thread ({@link ModelWorker}), whose snapshots the view model shows once per frame.
 */
public final class MainWindow extends BorderPane {
    /** How long closing the window waits for the capture and the lab to be torn down. */
    private static final long DISPOSE_WAIT_MS = 2_500;
    /** The filter's error or hint next to the field: at most this wide (the full text in its tooltip). */
    private static final double FILTER_HINT_WIDTH = 210;
    private static final double FILTER_FIELD_WIDTH = 270;

    /** Asks the user to confirm an action that discards something; true to go ahead. */
    @FunctionalInterface
    public interface Confirmer {
        boolean confirm(MainWindow window, String title, String message, String action);
    }

    private final CaptureControls controls;
    private final Supplier<Source> liveSource;
    private final Confirmer confirmer;
    private final SwitchableNames names = new SwitchableNames();
    private final JourneyViewModel model = new JourneyViewModel(names);
    private final JourneyDiagram diagram = new JourneyDiagram();
    private final FlowsPane flows;
    private boolean fitFlowsList = true;
    private double diagramShare = DIAGRAM_SHARE;
    private boolean followDiagramShare = true;
    private final HopsPane hops;
    private final FrameBatcher batcher;
    /** The diagram over {@link #details}. */
    private final SplitPane diagramSplit;
    /** The flows list beside the hop table, statistics, time and interface tabs. */
    private final SplitPane details;
    private final Label status = new Label();
    private final TextField filterField = new TextField();
    private final Label filterError = new Label();
    private final ToggleButton labToggle = new ToggleButton("Lab");
    private final ToggleButton routesToggle = new ToggleButton("Routes");
    private final ToggleButton netfilterToggle = new ToggleButton("Netfilter");
    private final Timeline statusTimer;
    private final Names liveNames;
    /** While a capture runs: which namespaces and interfaces still exist (what is gone is greyed). */
    private TopologyWatcher topology;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "netjourney");
    private final ReadOnlyBooleanWrapper labBusy = new ReadOnlyBooleanWrapper(this, "labBusy");
    /** Starts and stops captures one after the other, off the FX thread. */
    private final ExecutorService captureWorker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "netjourney-capture-control");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Bumped by every Start, Stop and Open: a capture start or a file load that completes under an older generation
     * is closed or discarded, never shown.
     */
    private final AtomicLong generation = new AtomicLong();
    /** The queue the model on screen reads (read by a live session's sink too). */
    private volatile EventQueue queue = new EventQueue();
    /** Runs the journey model off the FX thread; {@link #viewGeneration} is that of the model on screen. */
    private final ModelWorker worker = new ModelWorker();
    private volatile long viewGeneration;
    private EventRecorder recorder = new EventRecorder();
    /** The capture whose data is on screen: running, or stopped and kept for its final counters. */
    private Session shown;
    private boolean running;
    private String runningFilter = "";
    private Path openedFile;
    private long fileLost;
    private long lostAtClear;
    private long droppedAtClear;
    private final RunningLab.Starter labStarter;
    private RunningLab lab;
    private CompletableFuture<Void> labRemoval = CompletableFuture.completedFuture(null);
    private long lastCrossings;
    private long perSecond;
    private long lastLost;
    /** The last minute of {@link #perSecond} and of events lost per second, drawn by {@link #rateChart}. */
    private final RateHistory rates = new RateHistory();
    private final RateChart rateChart = new RateChart(rates);
    /** What the capture, a file or the last action said; shown in the status bar. */
    private String warning = "";
    /** What the lab last said (building, up, removed…); shown beside {@link #warning}, never overwritten by it. */
    private String labMessage = "";

    /**
     * The diagram's share of the window's height, over the flows list and the tabs: the whole width of a 1440×900
     * window and about 520 px of its height, where a host with 19 containers fits at about 3/4 scale.
     */
    static final double DIAGRAM_SHARE = 0.64;
    /** Where the divider between the flows list and the tabs starts, until the list's columns are known. */
    static final double DEFAULT_FLOWS_DIVIDER = 0.5;

    public MainWindow(boolean canCapture) {
        this(canCapture, null, Dialogs::confirm, listener -> new LabActivity(new Lab(), listener));
    }

    public MainWindow(boolean canCapture, Supplier<Source> liveSource, Confirmer confirmer) {
        this(canCapture, liveSource, confirmer, listener -> new LabActivity(new Lab(), listener));
    }

    /**
     * @param liveSource makes the source of a live capture (null: the kernel's, {@link LiveSource}; tests may pass
     *                   their own)
     * @param confirmer  asks before discarding a running capture
     * @param labStarter makes the lab the Lab toggle runs
     */
    public MainWindow(boolean canCapture, Supplier<Source> liveSource, Confirmer confirmer,
            RunningLab.Starter labStarter) {
        this.labStarter = labStarter;
        this.confirmer = confirmer;
        controls = new CaptureControls(canCapture);
        getStyleClass().add("main-window");
        liveNames = canCapture ? NamespaceNames.inBackground() : Names.NONE;
        this.liveSource = liveSource != null ? liveSource : () -> new LiveSource(liveNames);
        names.use(liveNames);
        flows = new FlowsPane(model.conversations(), model::sinceStart);
        hops = new HopsPane(model.hopRows(), model.hopStats());
        hops.getTabs().add(2, new TimeTab(model.selectedDetailProperty(), model::namespaceOf));
        TableCopy.installCopy(flows.table());
        TableCopy.installMenu(hops.hopsText(), () -> Dialogs.exportTable(this, hops.hopsText(), "hop table",
                "hops.csv"));
        TableCopy.installMenu(hops.statsText(), () -> Dialogs.exportTable(this, hops.statsText(), "statistics",
                "statistics.csv"));
        diagram.setId("diagram");
        diagram.graphProperty().bind(model.graphProperty());
        diagram.highlightProperty().bind(model.highlightProperty());
        // a click draws the flow's path in the next frame, its tables in the one after
        model.setTablesAfterHighlight(new AfterNextFrame(this));
        wireSelection();

        setTop(new VBox(banner(), toolbar()));
        details = new SplitPane(flows, hops);
        details.setId("details-split");
        details.setDividerPositions(DEFAULT_FLOWS_DIVIDER);
        diagramSplit = new SplitPane(diagram, details);
        diagramSplit.setId("diagram-split");
        diagramSplit.setOrientation(Orientation.VERTICAL);
        diagramSplit.setDividerPositions(DIAGRAM_SHARE);
        fitFlowsListUntilMoved();
        keepDiagramShareUntilMoved();
        setCenter(diagramSplit);
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
        // a long message (a file's whole path, the lab's state) takes a second line rather than being cut
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        // and keeps the height it took: a message of two lines and then one (counts growing and shrinking) would
        // otherwise resize, lay out and repaint everything above it
        status.heightProperty().addListener((obs, old, height) -> {
            if (height.doubleValue() > status.getMinHeight()) {
                status.setMinHeight(height.doubleValue());
            }
        });
        rateChart.setId("rate-chart");
        HBox statusRow = new HBox(8, status, rateChart);
        statusRow.getStyleClass().add("status-row");
        statusRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        setBottom(statusRow);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                clearSelection();
                e.consume();
            }
        });

        model.setSelectionListener(worker::select);
        worker.reset(viewGeneration, queue);
        batcher = new FrameBatcher(worker, viewGeneration, model, diagram);
        batcher.start();
        statusTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            measureRate();
            refreshStatus();
        }));
        statusTimer.setCycleCount(Timeline.INDEFINITE);
        statusTimer.play();
        model.flowsSeenProperty().addListener((obs, old, count) -> refreshStatus());
        model.packetsProperty().addListener((obs, old, count) -> refreshStatus());
        refreshStatus();
    }

    private void wireSelection() {
        flows.setOnChosen(row -> {
            if (row instanceof FlowRow flow) {
                model.select(flow.getId());
            } else if (row instanceof ConversationRow conversation) {
                model.selectConversation(conversation.getId());
            } else {
                model.clearSelection();
            }
        });
        diagram.setOnInterfaceClicked(id -> {
            model.mark(id);
            model.filterToInterface(id);
            model.showInterface(id);
        });
        model.interfaceDetailsProperty().addListener((obs, old, shown) -> hops.showDetails(shown));
        diagram.setOnBackgroundClicked(this::clearSelection);
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
        Button start = button("start", "▶ Start", "Start a new capture with the filter, in a cleared view (F5)",
                this::startCapture);
        Button stop = button("stop", "■ Stop", "Stop capturing (F5)", this::stopCapture);
        start.disableProperty().bind(controls.modeProperty().isNotEqualTo(CaptureControls.Mode.READY)
                .or(controls.filterValidProperty().not()));
        stop.disableProperty().bind(controls.modeProperty().isNotEqualTo(CaptureControls.Mode.CAPTURING)
                .and(controls.modeProperty().isNotEqualTo(CaptureControls.Mode.STARTING)));

        filterField.setId("filter-field");
        filterField.setPromptText("filter, e.g. icmp and host 198.51.100.2 (empty: all IP)");
        filterField.setPrefWidth(FILTER_FIELD_WIDTH);
        filterField.setTooltip(new Tooltip("tcpdump-style filter, checked as you type. Enter starts the capture, "
                + "or restarts a running one with this filter (a bad filter keeps the running capture)."));
        filterField.textProperty().bindBidirectional(controls.filterTextProperty());
        filterError.setId("filter-error");
        filterError.getStyleClass().add("filter-error");
        filterError.setMaxWidth(FILTER_HINT_WIDTH);
        filterError.setMinWidth(0);
        Tooltip hintTip = new Tooltip();
        hintTip.textProperty().bind(filterError.textProperty());
        filterError.setTooltip(hintTip);
        controls.filterValidProperty().addListener((obs, old, valid) -> markFilter(valid));
        controls.filterErrorProperty().addListener((obs, old, error) -> refreshFilterHint());
        controls.filterTextProperty().addListener((obs, old, text) -> refreshFilterHint());
        controls.modeProperty().addListener((obs, old, mode) -> refreshFilterHint());
        filterField.setOnAction(e -> applyFilter());

        Button open = button("open", "Open…", "Open a trace file (Ctrl+O)", () -> Dialogs.open(this));
        Button save = button("save", "Save…", "Save the crossings shown as a trace file (Ctrl+S)",
                () -> Dialogs.save(this));
        MenuButton export = exportMenu();
        Button clear = button("clear", "Clear", "Empty the view; a running capture goes on (Ctrl+L)", this::clearView);
        Button fit = button("fit", "Fit", "Zoom the diagram to fit (0)", diagram::zoomToFit);
        labToggle.setId("lab");
        labToggle.setTooltip(new Tooltip("Build the built-in lab of namespaces (nj-*) and keep pings running in it;"
                + " off removes it"));
        labToggle.setDisable(controls.modeProperty().get() == CaptureControls.Mode.VIEWER);
        labToggle.selectedProperty().addListener((obs, old, on) -> setLab(on));
        routesToggle.setId("routes");
        routesToggle.setSelected(true);
        routesToggle.setTooltip(new Tooltip("Capture routing decisions (the FIB lookup: table, gateway, output "
                + "device, or why none), shown in a flow's hop table. Off saves the traced traffic that hook's cost. "
                + "A running capture goes on with the change."));
        routesToggle.selectedProperty().addListener((obs, old, on) -> captureOptionsChanged());
        netfilterToggle.setId("netfilter");
        netfilterToggle.setTooltip(new Tooltip("Show which nftables/iptables-nft rule decided each packet, from "
                + "nftables' own tracing: adds a table (netjourney_trace) to this and every named namespace while "
                + "capturing, removed when the capture stops. Needs nft. A running capture goes on with the change."));
        netfilterToggle.selectedProperty().addListener((obs, old, on) -> captureOptionsChanged());
        boolean viewer = controls.modeProperty().get() == CaptureControls.Mode.VIEWER;
        routesToggle.setDisable(viewer);
        netfilterToggle.setDisable(viewer);
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId("dark");
        dark.selectedProperty().addListener((obs, old, on) -> setDark(on));

        HBox filter = new HBox(6, filterField, filterError);
        filter.setAlignment(Pos.CENTER_LEFT);
        filter.setPrefWidth(FILTER_FIELD_WIDTH + 6 + FILTER_HINT_WIDTH);
        filter.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(filterField, Priority.ALWAYS);
        ToolBar bar = new ToolBar(start, stop, new Separator(), filter, new Separator(), routesToggle,
                netfilterToggle, new Separator(), open, save, export, clear, new Separator(), labToggle, fit, dark);
        bar.setId("toolbar");
        return bar;
    }

    private MenuButton exportMenu() {
        MenuItem picture = new MenuItem("Diagram as PNG or SVG… (Ctrl+E)");
        picture.setOnAction(e -> Dialogs.exportDiagram(this));
        MenuItem hopTable = new MenuItem("Hop table as CSV…");
        hopTable.setOnAction(e -> Dialogs.exportTable(this, hops.hopsText(), "hop table", "hops.csv"));
        MenuItem statistics = new MenuItem("Statistics as CSV…");
        statistics.setOnAction(e -> Dialogs.exportTable(this, hops.statsText(), "statistics", "statistics.csv"));
        MenuButton export = new MenuButton("Export", null, picture, hopTable, statistics);
        export.setId("export");
        export.setTooltip(new Tooltip("The diagram as shown, with a caption (flow, time, filter, host) and a legend, "
                + "as PNG (2×) or SVG (Ctrl+E); the selected flow's hop table or statistics as CSV"));
        return export;
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

    /** Next to the field: the filter's error, or, while capturing with another filter typed, what Enter does. */
    private void refreshFilterHint() {
        String error = controls.filterErrorProperty().get();
        filterError.getStyleClass().remove("hint");
        if (!error.isEmpty()) {
            filterError.setText(error + (controls.isLive() ? " (the capture goes on with '" + shownFilter() + "')"
                    : ""));
        } else if (controls.isLive() && !controls.filterTextProperty().get().strip().equals(runningFilter)) {
            filterError.setText("Enter: restart with this filter");
            filterError.getStyleClass().add("hint");
        } else {
            filterError.setText("");
        }
    }

    /**
     * Enter in the filter field: a valid filter starts the capture, or restarts a running one with it; an invalid
     * one selects the offending token and leaves a running capture alone.
     */
    void applyFilter() {
        if (!controls.filterValidProperty().get()) {
            selectBadToken();
            return;
        }
        if (controls.isLive()) {
            stopCapture();
        }
        startCapture();
    }

    /** Enter on an invalid filter selects the offending token, so it can be retyped at once. */
    private void selectBadToken() {
        int offset = controls.errorOffsetProperty().get();
        int end = Math.min(filterField.getLength(), offset + controls.errorLengthProperty().get());
        if (offset >= 0 && offset <= end) {
            filterField.selectRange(offset, end);
        }
    }

    /**
     * Until someone drags the divider (or an earlier run's is restored), the flows list and the tabs share the width
     * so that both show every column whole, in this order of need: the list with its conversations on two lines and
     * the tabs at their least; the tabs as wide as they would be; the list with its conversations on one line; the
     * rest to the tabs. Narrower than the first, the list scrolls sideways, down to {@link FlowsPane#LEAST_WIDTH}. As
     * the window gets its size and as the columns widen.
     */
    private void fitFlowsListUntilMoved() {
        details.widthProperty().addListener(o -> fitFlowsList());
        flows.fittedWidthProperty().addListener(o -> fitFlowsList());
        flows.compactWidthProperty().addListener(o -> fitFlowsList());
        hops.fittedWidthProperty().addListener(o -> fitFlowsList());
        hops.leastWidthProperty().addListener(o -> fitFlowsList());
        onOwnDividerPressed(details, this::keepFlowsDivider);
    }

    /**
     * Until someone drags the divider under the diagram, the diagram keeps its share of the height
     * ({@link #DIAGRAM_SHARE}, or the one restored) as the window gets its size: a window manager that maps the
     * window small first (openbox) would otherwise leave the divider where the small window's tables pushed it.
     */
    private void keepDiagramShareUntilMoved() {
        // after the layout pass the new height brings: the split pane's own resize would undo it before
        diagramSplit.heightProperty().addListener(o -> Platform.runLater(() -> {
            if (followDiagramShare) {
                diagramSplit.setDividerPositions(diagramShare);
            }
        }));
        onOwnDividerPressed(diagramSplit, () -> followDiagramShare = false);
    }

    /** The diagram's share of the height from now on (an earlier run's), kept until the divider is dragged. */
    void useDiagramShare(double share) {
        diagramShare = share;
        diagramSplit.setDividerPositions(share);
    }

    /** Runs {@code pressed} when the mouse goes down on {@code split}'s own divider (not a nested split's). */
    private static void onOwnDividerPressed(SplitPane split, Runnable pressed) {
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getTarget() instanceof Node t ? t : null; n != null && n != split; n = n.getParent()) {
                if (n.getParent() == split && n.getStyleClass().contains("split-pane-divider")) {
                    pressed.run();
                }
            }
        });
    }

    private void fitFlowsList() {
        double width = details.getWidth();
        if (fitFlowsList && width > 0) {
            // the divider's position is its centre: the list ends half a divider before it
            double divider = details.lookup(".split-pane-divider") instanceof Region d ? d.getWidth() : 0;
            double room = width - divider;
            double list = Math.max(Math.min(flows.fittedWidthProperty().get(), room - hops.fittedWidthProperty().get()),
                    Math.min(flows.compactWidthProperty().get(), room - hops.leastWidthProperty().get()));
            details.setDividerPositions((Math.max(FlowsPane.LEAST_WIDTH, list) + divider / 2) / width);
        }
    }

    /** The divider between the flows list and the tabs stays where it is put (dragged, or restored). */
    void keepFlowsDivider() {
        fitFlowsList = false;
    }

    /**
     * Starts a new live capture with the current filter, in a cleared view; the programs are loaded off the FX
     * thread. Does nothing when it cannot start (viewer, running, invalid filter).
     */
    public void startCapture() {
        if (!controls.canStart()) {
            return;
        }
        EventQueue captureQueue = new EventQueue();
        EventRecorder captureRecorder = new EventRecorder();
        resetView(captureQueue, captureRecorder);
        names.use(liveNames);
        openedFile = null;
        fileLost = 0;
        shown = null;
        runningFilter = controls.filterTextProperty().get().strip();
        warning = "";
        startSession();
    }

    /**
     * Starts a session into the view as it is (its queue, recorder and model), with the filter and the toolbar's
     * toggles; the session opens off the FX thread and is kept only if nothing happened meanwhile.
     */
    private void startSession() {
        long started = generation.incrementAndGet();
        // the kernel counts every packet from the start, so counts stay exact when a flood makes it send only some
        SessionOptions options = SessionOptions.defaults().withFilter(controls.filter())
                .withRoutes(routesToggle.isSelected()).withNetfilter(netfilterToggle.isSelected())
                .withAutoSampling();
        Session.Sink sink = new ViewSink(queue, recorder);
        controls.captureStarting();
        refreshTitle();
        refreshFilterHint();
        refreshStatus();
        CompletableFuture.supplyAsync(() -> {
            try {
                Session session = Session.start(started, liveSource.get(), options, sink);
                if (generation.get() != started) {
                    session.close();
                    return null;
                }
                return session;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, captureWorker).whenComplete((session, e) -> Platform.runLater(() -> started(started, session, e)));
    }

    /** Where a live session's events go: the recorder (for Save) and the model's queue, or its netfilter verdicts. */
    private final class ViewSink implements Session.Sink {
        private final EventQueue to;
        private final EventRecorder recording;

        ViewSink(EventQueue to, EventRecorder recording) {
            this.to = to;
            this.recording = recording;
        }

        @Override
        public void event(HopEvent event) {
            recording.add(event);
            to.offer(event);
        }

        @Override
        public void netfilter(NetfilterVerdict verdict) {
            // Clear empties the view but keeps the session's queue: its verdicts go on into the cleared model
            if (to == queue) {
                worker.netfilter(viewGeneration, verdict);
            }
        }
    }

    /** A start completed: kept only if nothing happened since (Stop, Open, another Start); closed otherwise. */
    private void started(long startedAs, Session session, Throwable e) {
        if (startedAs != generation.get()) {
            if (session != null) {
                closeLater(session);
            }
            return;
        }
        if (e != null) {
            controls.captureStopped();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            cause = cause instanceof UncheckedIOException && cause.getCause() != null ? cause.getCause() : cause;
            warning = cause instanceof CaptureException || cause instanceof IOException ? cause.getMessage()
                    : cause.toString();
            refreshTitle();
            refreshStatus();
            return;
        }
        shown = session;
        running = true;
        lostAtClear = 0;
        watchTopology(true);
        controls.captureStarted();
        warning = String.join("; ", session.warnings());
        refreshStatus();
    }

    /** The Routes or Netfilter toggle changed: a running capture goes on with it, into the same view. */
    private void captureOptionsChanged() {
        if (!controls.isLive()) {
            return;
        }
        Session replaced = running ? shown : null;
        running = false;
        if (replaced != null) {
            closeLater(replaced);
        }
        controls.captureStopped();
        startSession();
    }

    /** Scans which namespaces and interfaces exist while a capture runs (greying what is gone); not otherwise. */
    private void watchTopology(boolean on) {
        if (on && topology == null) {
            topology = new TopologyWatcher(live -> Platform.runLater(() -> {
                if (running) {
                    model.applyLiveness(live, System.nanoTime());
                }
            }));
        } else if (!on && topology != null) {
            topology.close();
            topology = null;
        }
    }

    /** Stops the capture (also one still starting); what it captured stays on screen. */
    public void stopCapture() {
        generation.incrementAndGet();
        watchTopology(false);
        Session stopping = running ? shown : null;
        running = false;
        if (stopping != null) {
            closeLater(stopping);
        }
        controls.captureStopped();
        refreshTitle();
        refreshFilterHint();
        refreshStatus();
    }

    /** Detaches a capture off the FX thread, after whatever the worker is doing; at once when it has ended. */
    private void closeLater(Session session) {
        try {
            captureWorker.execute(session::close);
        } catch (RejectedExecutionException closing) {
            session.close();
        }
    }

    /** F5: start when stopped, stop when capturing or starting. */
    void toggleCapture() {
        if (controls.isLive()) {
            stopCapture();
        } else {
            startCapture();
        }
    }

    /** Ctrl+L: empties the view (flows, diagram, tables, counters); a running capture goes on into it. */
    public void clearView() {
        resetView(queue, recorder);
        if (shown != null) {
            lostAtClear = shown.counters().lost();
            shown.resetCounts(); // the conversations' counts start again with the view
        }
        fileLost = 0;
        warning = "";
        refreshStatus();
    }

    private void resetView(EventQueue newQueue, EventRecorder newRecorder) {
        clearSelection();
        model.clear();
        queue = newQueue;
        viewGeneration++;
        worker.reset(viewGeneration, newQueue);
        batcher.use(viewGeneration);
        droppedAtClear = queue.dropped();
        if (newRecorder == recorder) {
            recorder.clear();
        } else {
            recorder = newRecorder;
        }
        lastCrossings = 0;
        perSecond = 0;
        rates.clear();
        rateChart.refresh();
    }

    /** Esc, or a click on the diagram's background: no flow selected, no interface marked. */
    public void clearSelection() {
        flows.table().getSelectionModel().clearSelection();
        model.clearSelection();
        model.showInterface(null);
    }

    /** Ctrl+F: to the flow search. */
    void focusFlowSearch() {
        flows.search().requestFocus();
        flows.search().selectAll();
    }

    /**
     * Whether the window may close: true when nothing would be lost, or the user agreed to stop and discard the
     * running capture.
     */
    public boolean confirmQuit() {
        if (!controls.isLive()) {
            return true;
        }
        long flowsShown = model.flowsSeenProperty().get();
        return confirmer.confirm(this, "Quit netjourney?", "A capture is running (" + flowsShown
                + (flowsShown == 1 ? " flow" : " flows") + "). Quitting stops it and discards what it captured "
                + "(Save… keeps it)."
                + (lab != null ? " The lab is removed." : ""), "Quit");
    }

    /** Whether a trace file may replace what is shown: asks first while a capture is running. */
    boolean confirmOpen(Path file) {
        if (!controls.isLive()) {
            return true;
        }
        return confirmer.confirm(this, "Stop the capture?", "Opening " + file.getFileName() + " stops the running "
                + "capture and discards what it captured (Save… keeps it).", "Stop and open");
    }

    private void setLab(boolean on) {
        if (on && lab == null) {
            if (!labRemoval.isDone()) {
                labMessage = "the lab is still being removed; try again in a moment";
                Platform.runLater(() -> labToggle.setSelected(false));
                refreshStatus();
                return;
            }
            RunningLab starting = labStarter.create(new LabListener());
            lab = starting;
            labBusy.set(true);
            labMessage = "building the lab (nj-host, nj-ctr1, nj-ctr2, nj-router, nj-far)…";
            starting.start();
            startCapture();
            refreshStatus();
        } else if (!on && lab != null) {
            RunningLab stopping = lab;
            lab = null;
            labBusy.set(true);
            labMessage = "removing the lab…";
            labRemoval = CompletableFuture.runAsync(stopping::close);
            refreshStatus();
        }
    }

    /** Reports from the lab's thread, shown in the status bar. */
    private final class LabListener implements LabActivity.Listener {
        @Override
        public void up() {
            Platform.runLater(() -> {
                labBusy.set(false);
                labMessage = "lab up: one ping per path, two echoes a second";
                refreshStatus();
            });
        }

        @Override
        public void ended(String why) {
            Platform.runLater(() -> {
                RunningLab ended = lab;
                lab = null;
                if (ended != null) {
                    labRemoval = CompletableFuture.runAsync(ended::close);
                }
                labToggle.setSelected(false);
                labMessage = why;
                refreshStatus();
            });
        }

        @Override
        public void removed() {
            Platform.runLater(() -> {
                labBusy.set(false);
                if (lab == null && (labMessage.startsWith("removing the lab") || labMessage.startsWith("lab up"))) {
                    labMessage = "lab removed";
                }
                refreshStatus();
            });
        }

        @Override
        public void problem(String problem) {
            Platform.runLater(() -> {
                labBusy.set(false);
                labMessage = problem;
                refreshStatus();
            });
        }
    }

    void setDark(boolean dark) {
        Theme.setDark(this, dark);
        Theme.setDark(diagram, dark);
    }

    /**
     * Loads a trace file off the FX thread and shows it, stopping a running capture (without asking: callers ask
     * with {@link #confirmOpen(Path)}); the future completes once it is shown. A Start pressed while it loads wins:
     * the file is then not shown.
     */
    public CompletableFuture<TraceFiles.Loaded> openTrace(Path file) {
        if (controls.isLive()) {
            stopCapture();
        }
        long opening = generation.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return TraceFiles.load(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).thenApplyAsync(loaded -> {
            if (opening != generation.get()) {
                return loaded;
            }
            resetView(new EventQueue(), new EventRecorder());
            loaded.events().forEach(recorder::add);
            names.use(loaded.names());
            shown = null;
            openedFile = file;
            worker.load(viewGeneration, loaded.events(), loaded.netfilter());
            fileLost = loaded.lostEvents();
            warning = loaded.warning().orElse("opened " + file.getFileName());
            refreshTitle();
            refreshStatus();
            Platform.runLater(diagram::zoomToFit);
            return loaded;
        }, Platform::runLater);
    }

    /** Saves the crossings shown (see {@link EventRecorder}) with their namespace names; says so in the status bar. */
    public void saveTrace(Path file) throws IOException {
        List<HopEvent> events = recorder.snapshot();
        TraceFiles.save(file, events, names, lost());
        warning = String.format(Locale.ROOT, "saved %,d crossings to %s", events.size(), file);
        refreshStatus();
    }

    /**
     * Writes the diagram as shown (highlight included) under its caption and over its legend: SVG for a ".svg" file,
     * else PNG at 2×; says so in the status bar.
     */
    public void exportDiagram(Path file) throws IOException {
        Caption caption = caption();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            DiagramExport.writeSvg(DiagramExport.svg(diagram, caption), file);
        } else {
            DiagramExport.writePng(DiagramExport.png(diagram, caption, 2), file);
        }
        warning = "exported the diagram to " + file;
        refreshStatus();
    }

    /**
     * Writes all rows of a table as shown as CSV (UTF-8, a header of the column titles, one column per field); says so
     * in the status bar.
     */
    public void exportTable(CopyableTable<?> table, String what, Path file) throws IOException {
        TextTable text = table.text(false);
        Files.writeString(file, text.toCsv(), StandardCharsets.UTF_8);
        warning = String.format(Locale.ROOT, "exported %,d rows of the %s to %s", text.rows().size(), what, file);
        refreshStatus();
    }

    /** What the export's caption says: the flow or all flows, when, and the capture's filter and host (or file). */
    public Caption caption() {
        ExportCaption.Origin origin = openedFile != null
                ? ExportCaption.Origin.file(openedFile.getFileName().toString())
                // the kernel stamps events with CLOCK_MONOTONIC, System.nanoTime's clock on Linux
                : ExportCaption.Origin.live(runningFilter, thisHost(),
                        System.currentTimeMillis() * 1_000_000 - System.nanoTime());
        return ExportCaption.of(model.shown(), origin, Instant.now(), ZoneId.systemDefault());
    }

    private static String thisHost() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("this machine");
        }
    }

    /** Events lost for what is on screen: the shown capture's since the last Clear, or the opened file's. */
    private long lost() {
        long captureLost = shown == null ? 0 : shown.counters().lost() - lostAtClear;
        return fileLost + Math.max(0, captureLost) + Math.max(0, queue.dropped() - droppedAtClear);
    }

    /**
     * Once a second: crossings shown per second, the rates' history for the status bar's chart; and while capturing,
     * the kernel's counts for the model.
     */
    private void measureRate() {
        if (running && shown != null && shown.sampleEvery() > 0) {
            worker.kernelCounts(viewGeneration, shown.counts());
        }
        long crossings = model.crossingsProperty().get();
        perSecond = running ? Math.max(0, crossings - lastCrossings) : 0;
        lastCrossings = crossings;
        long lostNow = lost();
        rates.add(perSecond, running ? lostNow - lastLost : 0);
        lastLost = lostNow;
        rateChart.refresh();
    }

    private void refreshStatus() {
        CaptureStats stats = shown == null ? CaptureStats.EMPTY : shown.counters();
        if (running && shown.failure() != null) {
            String failure = shown.failure();
            stopCapture();
            warning = "capture stopped: " + failure;
        }
        if (worker.failure() != null) {
            warning = "the journey model failed on an event: " + worker.failure();
        }
        CaptureStats onScreen = new CaptureStats(stats.submitted(), lost(), stats.filtered(), stats.noDevice(),
                stats.decoded());
        controls.updateStatus(onScreen, perSecond, model.packetsProperty().get(), model.flowsSeenProperty().get(),
                running ? shown.hooks().size() : 0, 0, model.shownOneInProperty().get(),
                running ? shown.sampleEvery() : 0,
                Stream.of(warning, labMessage).filter(m -> !m.isEmpty()).collect(Collectors.joining(" · ")));
    }

    private void refreshTitle() {
        if (openedFile != null) {
            title.set("netjourney — " + openedFile.getFileName());
        } else if (controls.isLive()) {
            title.set("netjourney — live — " + shownFilter());
        } else {
            title.set("netjourney");
        }
    }

    private String shownFilter() {
        return runningFilter.isEmpty() ? "all IP traffic" : runningFilter;
    }

    /**
     * Stops the capture and removes a lab the window built, waiting a bounded time for both: the window is
     * closing and the process is about to end.
     */
    public void dispose() {
        batcher.stop();
        statusTimer.stop();
        watchTopology(false);
        generation.incrementAndGet();
        Session stopping = running ? shown : null;
        running = false;
        if (stopping != null) {
            captureWorker.execute(stopping::close);
        }
        captureWorker.shutdown();
        worker.close();
        RunningLab closing = lab;
        lab = null;
        CompletableFuture<Void> labGone = closing == null ? labRemoval
                : CompletableFuture.allOf(labRemoval, CompletableFuture.runAsync(closing::close));
        try {
            captureWorker.awaitTermination(DISPOSE_WAIT_MS, TimeUnit.MILLISECONDS);
            labGone.get(DISPOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the process ends anyway: the kernel detaches what it still holds; a lab left is reported by 'lab status'
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

    /** The window's title: the file shown, or "live — FILTER" while capturing. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** True while the lab is being built or removed. */
    public ReadOnlyBooleanProperty labBusyProperty() {
        return labBusy.getReadOnlyProperty();
    }

    /** Turns the lab on or off as the toolbar toggle does. */
    public void setLabOn(boolean on) {
        labToggle.setSelected(on);
    }

    public boolean isLabOn() {
        return labToggle.isSelected();
    }

    /** The divider between the flows list and the tabs, for remembering the layout between runs. */
    SplitPane flowsSplit() {
        return details;
    }

    /** The divider between the diagram and what is below it. */
    SplitPane diagramSplit() {
        return diagramSplit;
    }

    FrameBatcher batcher() {
        return batcher;
    }

    /** Where the current capture puts its events; its drops are what the window could not take. */
    public EventQueue queue() {
        return queue;
    }

    /** Selects a flow in the list as a click would. */
    public void selectFlow(long flowId) {
        flows.selectFlow(flowId);
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
