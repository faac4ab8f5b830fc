package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.journey.JourneyAssembler;
import io.netjourney.session.EventQueue;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Names;
import io.netjourney.session.SessionOptions;
import io.netjourney.session.Source;
import io.netjourney.ui.feed.EventRecorder;
import io.netjourney.ui.feed.LabActivity;
import io.netjourney.ui.feed.RunningLab;
import io.netjourney.ui.feed.TraceFiles;
import io.netjourney.ui.model.FlowRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Start, Stop, Clear, Open and the filter field in any order and at any speed, with captures that take a while to
 * start and deliver the fixture's crossings (the same lifecycle as the real one, without root).
 */
@ExtendWith(ApplicationExtension.class)
class CaptureLifecycleTest {
    private static List<HopEvent> fixtureEvents;

    private final List<FakeCapture> captures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> questions = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean answer = true;
    private volatile long startMillis = 150;
    private MainWindow window;

    @BeforeAll
    static void loadFixture() throws Exception {
        fixtureEvents = TraceFiles.load(MainWindowTest.FIXTURE).events();
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(true, this::startFake, (owner, title, message, action) -> {
            questions.add(title + " | " + message);
            return answer;
        }, listener -> new InstantLab(listener));
        stage.setScene(NetjourneyApp.scene(window));
        NetjourneyApp.installShortcuts(stage.getScene(), window);
        stage.show();
    }

    private Source startFake() {
        FakeCapture capture = new FakeCapture();
        captures.add(capture);
        return capture;
    }

    @Test
    void stopRightAfterStartTwentyTimesLeavesNothingRunning(FxRobot robot) throws Exception {
        for (int i = 0; i < 20; i++) {
            robot.clickOn("#start");
            robot.clickOn("#stop");
        }
        waitUntil(() -> captures.size() == 20 && captures.stream().allMatch(c -> c.closed), 20);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(CaptureControls.Mode.READY, window.controls().modeProperty().get());
        assertTrue(window.controls().statusProperty().get().startsWith("stopped"),
                window.controls().statusProperty().get());
        assertTrue(captures.stream().allMatch(c -> c.closes == 1), "each capture closed once");
    }

    @Test
    void startBeginsANewCaptureInAClearedViewAndIdsNeverCollide(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        waitUntil(() -> window.model().flows().size() == flowCount(), 10);
        robot.clickOn("#stop");
        robot.clickOn("#start");
        waitUntil(() -> window.controls().modeProperty().get() == CaptureControls.Mode.CAPTURING, 10);
        waitUntil(() -> window.model().flows().size() == flowCount(), 10);
        WaitForAsyncUtils.waitForFxEvents();

        List<Long> ids = window.model().flows().stream().map(FlowRow::getId).sorted().toList();
        assertEquals(ids.stream().distinct().toList(), ids, "no flow id twice");
        assertEquals(flowCount(), ids.size(), "only the new capture's flows: the view was cleared");
        waitUntil(() -> window.controls().statusProperty().get().contains(" " + flowCount() + " flows"), 5);
        assertTrue(captures.get(0).closed && !captures.get(1).closed);
    }

    @Test
    void clearEmptiesTheViewWhileTheCaptureGoesOn(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        waitUntil(() -> window.model().flows().size() == flowCount(), 10);
        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, window.model().flows().size());
        assertEquals(0, window.model().graphProperty().get().namespaces().size());
        assertEquals(CaptureControls.Mode.CAPTURING, window.controls().modeProperty().get());
        assertTrue(window.controls().statusProperty().get().contains("0 flows"),
                window.controls().statusProperty().get());
    }

    @Test
    void theFilterStaysEditableAndEnterRestartsWithIt(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        waitUntil(() -> window.controls().modeProperty().get() == CaptureControls.Mode.CAPTURING, 10);
        TextField field = robot.lookup("#filter-field").queryAs(TextField.class);
        assertFalse(field.isDisabled(), "editable while capturing");
        assertEquals("netjourney — live — all IP traffic", window.titleProperty().get());

        robot.clickOn("#filter-field").write("icmp and host 198.51.100.2");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(window, "window-filter-while-capturing"));
        assertEquals("Enter: restart with this filter", robot.lookup("#filter-error").queryLabeled().getText());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> captures.size() == 2 && window.controls().modeProperty().get()
                == CaptureControls.Mode.CAPTURING, 10);
        assertTrue(captures.get(0).closed, "the first capture was stopped");
        assertEquals("netjourney — live — icmp and host 198.51.100.2", window.titleProperty().get());

        robot.interact(() -> field.setText("icmp and hots 198.51.100.2"));
        robot.clickOn("#filter-field").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, captures.size(), "a bad filter starts nothing");
        assertFalse(captures.get(1).closed, "and keeps the running capture");
        assertEquals("hots", field.getSelectedText(), "the bad token is selected");
        assertTrue(robot.lookup("#filter-error").queryLabeled().getText()
                .contains("the capture goes on with 'icmp and host 198.51.100.2'"));
        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("icmp and 0 198.51.100.2", field.getText(), "a key typed in the field replaces the selected "
                + "token, it does not reach the diagram (where 0 means Fit)");
        assertTrue(field.isFocused());
    }

    @Test
    void quittingOrOpeningAsksOnlyWhileCapturing(FxRobot robot) throws Exception {
        assertTrue(window.confirmQuit(), "nothing to lose");
        assertTrue(questions.isEmpty());

        robot.clickOn("#start");
        waitUntil(() -> window.model().flows().size() == flowCount(), 10);
        answer = false;
        boolean[] quit = new boolean[1];
        robot.interact(() -> quit[0] = window.confirmQuit());
        assertFalse(quit[0], "the user said no");
        assertTrue(questions.get(0).startsWith("Quit netjourney? | A capture is running"), questions.get(0));
        robot.interact(() -> quit[0] = window.confirmOpen(MainWindowTest.FIXTURE));
        assertFalse(quit[0]);
        assertTrue(questions.get(1).startsWith("Stop the capture? | Opening lab-pings.njt stops the running"));
        assertEquals(CaptureControls.Mode.CAPTURING, window.controls().modeProperty().get(), "still capturing");
    }

    @Test
    void openingAFileShowsItsOwnCounters(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        waitUntil(() -> window.model().flows().size() == flowCount(), 10);
        List<java.util.concurrent.CompletableFuture<TraceFiles.Loaded>> opening = new ArrayList<>();
        robot.interact(() -> opening.add(window.openTrace(MainWindowTest.FIXTURE)));
        opening.get(0).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(CaptureControls.Mode.READY, window.controls().modeProperty().get());
        assertEquals("netjourney — lab-pings.njt", window.titleProperty().get());
        assertTrue(window.controls().statusProperty().get().contains(" 0 events lost"),
                window.controls().statusProperty().get());
        waitUntil(() -> captures.get(0).closed, 5);
    }

    @Test
    void theLabSayingItIsUpWhileTheCaptureStillAttachesStaysInTheStatusBar(FxRobot robot) throws Exception {
        startMillis = 600;
        robot.clickOn("#lab");
        waitUntil(() -> window.controls().modeProperty().get() == CaptureControls.Mode.CAPTURING, 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.controls().statusProperty().get().contains("lab up: one ping per path, two echoes a second"),
                "the lab was up before the capture attached: " + window.controls().statusProperty().get());

        robot.clickOn("#lab");
        waitUntil(() -> window.controls().statusProperty().get().contains("lab removed"), 5);
        assertEquals(CaptureControls.Mode.CAPTURING, window.controls().modeProperty().get(), "the capture goes on");
    }

    /** A lab that is up at once and removed at once, as told to the window from its own thread. */
    private static final class InstantLab implements RunningLab {
        private final LabActivity.Listener listener;

        InstantLab(LabActivity.Listener listener) {
            this.listener = listener;
        }

        @Override
        public void start() {
            new Thread(listener::up).start();
        }

        @Override
        public void close() {
            listener.removed();
        }
    }

    private long flowCount() {
        JourneyAssembler assembler = new JourneyAssembler();
        fixtureEvents.forEach(assembler::accept);
        return assembler.flows().size();
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes {@link #startMillis} to "attach", then delivers the fixture's crossings, once; counts its closes. */
    private final class FakeCapture implements Source {
        volatile String filter;
        volatile boolean closed;
        volatile int closes;
        volatile SessionOptions options;
        private Delivery delivery;
        private boolean delivered;

        @Override
        public void open(SessionOptions chosen, Delivery to) {
            options = chosen;
            filter = String.valueOf(chosen.filter());
            delivery = to;
            sleep(startMillis);
        }

        @Override
        public boolean filtersInJava() {
            return false;
        }

        @Override
        public boolean pump(int timeoutMs) {
            if (!delivered) {
                fixtureEvents.forEach(delivery::event);
                delivered = true;
            } else {
                sleep(timeoutMs);
            }
            return true;
        }

        @Override
        public CaptureStats counters() {
            return CaptureStats.EMPTY;
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public List<Hook> hooks() {
            return List.of(Hook.values()[0]);
        }

        @Override
        public Names names() {
            return Names.NONE;
        }

        @Override
        public synchronized void close() {
            closes++;
            closed = true;
        }
    }
}
