package io.netjourney.ui.real;

import io.netjourney.lab.Lab;
import io.netjourney.ui.MainWindow;
import io.netjourney.ui.NetjourneyApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Benchmark, not a test (no include names {@code *Bench}): the real window (GTK glass on Xvfb, the software
 * pipeline) capturing live with everything matching while the lab's nj-host floods nj-ctr1 with pings, driven like
 * a person: a click on a flow row every second, the Dark toggle every third. Prints click → highlight drawn and
 * theme switch → drawn (median, p95, max), frames over 50 ms per second, the crossings per second the window took
 * and lost, and memory. Asserts nothing. Run by {@code packaging/bench-gui}, under {@code flock /tmp/nj-lab.lock}.
 */
class GuiLoadBench {
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final String FLOOD_TARGET = "198.51.100.2";
    /** The flood's nice value: 0, a process's default; {@code -Dbench.floodNice=-10} runs it at the capture's. */
    private static final int FLOOD_NICE = Integer.getInteger("bench.floodNice", 0);
    /** {@code -Dbench.flood=false}: the same clicks with the lab's pings alone, for what the window costs idle. */
    private static final boolean FLOOD = !"false".equals(System.getProperty("bench.flood"));

    private final FxRobot robot = new FxRobot();
    private final List<Long> pulses = Collections.synchronizedList(new ArrayList<>());
    private MainWindow window;
    private volatile long selectedAt;
    private volatile long changedAt;
    private volatile long drawnAt;
    private volatile BooleanSupplier counting;
    private volatile BooleanSupplier selecting;

    @Test
    void underAPingFlood() throws Exception {
        Path work = Files.createTempDirectory("nj-bench-gui-");
        System.setProperty("java.util.prefs.userRoot", work.resolve("prefs").toString());
        try (XServer x = XServer.onDisplay(XServer.displayFromEnvironment())) {
            Stage stage = FxToolkit.registerPrimaryStage();
            Application app = FxToolkit.setupApplication(NetjourneyApp.class);
            window = call(() -> (MainWindow) stage.getScene().getRoot());
            x.waitForWindow("^netjourney", Duration.ofSeconds(15));
            Process flood = null;
            try {
                robot.clickOn("#lab");
                waitUntil("the lab's flows listed", () -> rows().size() >= 3, 20);
                installProbes(stage);
                // at the default priority, as a container's traffic runs: a child of this process would inherit the
                // higher one the capture takes (CaptureSession.CAPTURE_NICE)
                flood = new ProcessBuilder("sh", "-c", "renice -n " + FLOOD_NICE + " -p $$ >/dev/null && exec "
                        + (FLOOD ? "ip netns exec nj-host ping -f -q " + FLOOD_TARGET : "sleep 100000"))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Thread.sleep(3_000);
                measure(x, flood);
            } finally {
                if (flood != null) {
                    flood.destroy();
                    flood.waitFor(5, TimeUnit.SECONDS);
                }
                FxToolkit.cleanupApplication(app);
                FxToolkit.cleanupStages();
                Platform.exit();
                new Lab().down();
            }
        }
    }

    /**
     * The scene's size, and its large regions of several background fills: the software pipeline paints those from a
     * cached image stretched over the region, several times the cost of one fill (BENCHMARKS.md).
     */
    private static String sceneNodes(Parent root) {
        List<String> stretched = new ArrayList<>();
        int nodes = count(root, stretched);
        return String.format(Locale.ROOT, "%d nodes; %d regions over 5,000 px² of several fills%s", nodes,
                stretched.size(), stretched.isEmpty() ? "" : " (" + String.join(", ", stretched) + ")");
    }

    private static int count(Node node, List<String> stretched) {
        if (node instanceof Region r && r.isVisible() && r.getBackground() != null
                && r.getBackground().getFills().size() > 1 && r.getWidth() * r.getHeight() > 5_000) {
            stretched.add(String.format(Locale.ROOT, "%s %.0f×%.0f",
                    r.getStyleClass().isEmpty() ? r.getClass().getSimpleName() : r.getStyleClass().get(0),
                    r.getWidth(), r.getHeight()));
        }
        int n = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                n += count(child, stretched);
            }
        }
        return n;
    }

    private void measure(XServer x, Process flood) throws Exception {
        List<Double> clicks = new ArrayList<>();
        List<double[]> phases = new ArrayList<>();
        List<Double> themes = new ArrayList<>();
        List<Long> rssKb = new ArrayList<>();
        List<Long> heapMb = new ArrayList<>();
        long crossings0 = call(() -> window.model().crossingsProperty().get());
        long dropped0 = window.queue().dropped();
        ThreadCpu cpu = new ThreadCpu(flood.pid());
        cpu.start();
        long started = System.nanoTime();
        pulses.clear();
        for (int second = 0; second < SECONDS; second++) {
            long next = started + TimeUnit.SECONDS.toNanos(second + 1);
            clickAnotherFlow().ifPresent(phase -> {
                phases.add(phase);
                clicks.add(phase[0] + phase[1] + phase[2]);
            });
            if (second % 3 == 2) {
                themes.add(toggleTheme());
            }
            rssKb.add(status("VmRSS"));
            Runtime rt = Runtime.getRuntime();
            heapMb.add((rt.totalMemory() - rt.freeMemory()) >> 20);
            long rest = next - System.nanoTime();
            if (rest > 0) {
                TimeUnit.NANOSECONDS.sleep(rest);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long crossings = call(() -> window.model().crossingsProperty().get()) - crossings0;
        long dropped = window.queue().dropped() - dropped0;
        String statusText = call(() -> window.controls().statusProperty().get());
        String cpuUse = cpu.report("ping");
        String nodes = call(() -> sceneNodes(window));
        int[] slow = slowFramesPerSecond(started);
        System.gc();
        Thread.sleep(500);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "GUI load: %d s of %s, everything matching, on %s (GTK glass, software"
                + " pipeline)%n", SECONDS, FLOOD ? "ping -f nj-host -> nj-ctr1 at nice " + FLOOD_NICE
                : "the lab's pings alone (no flood)", x.display());
        System.out.println("JVM: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments().stream().filter(a -> a.startsWith("-X")).toList()));
        System.out.printf(Locale.ROOT, "took %,.0f crossings/s into the model; the window's queue dropped %,d%n",
                crossings / seconds, dropped);
        System.out.println("status bar at the end: " + statusText);
        System.out.println("click -> highlight drawn: " + figures(clicks));
        System.out.println("click -> highlight drawn, click by click (ms): " + clicks.stream()
                .map(ms -> Long.toString(Math.round(ms))).collect(Collectors.joining(" ")));
        System.out.printf(Locale.ROOT, "click phases (medians): to the FX selection %.0f ms, selection -> path from the"
                + " model %.0f ms, path -> laid out %.0f ms%n", median(phases, 0), median(phases, 1), median(phases, 2));
        System.out.printf(Locale.ROOT, "click phases (95th percentiles): %.0f ms, %.0f ms, %.0f ms%n",
                quantile(phases, 0, 0.95), quantile(phases, 1, 0.95), quantile(phases, 2, 0.95));
        System.out.println("theme switch -> drawn: " + figures(themes));
        System.out.printf(Locale.ROOT, "frames over 50 ms: %d in all; seconds with more than one: %d of %d;"
                + " most in one second: %d; %d pulses%n", slow[0], slow[1], slow.length - 3, slow[2], pulses.size());
        System.out.println("frames over 50 ms, second by second: " + Arrays.stream(slow, 3, slow.length)
                .mapToObj(Integer::toString).collect(Collectors.joining(" ")));
        System.out.printf(Locale.ROOT, "memory: heap in use max %d MB while flooding, %d MB after GC; RSS max %d MB,"
                + " peak (VmHWM) %d MB; -Xmx %d MB%n", Collections.max(heapMb),
                (rt.totalMemory() - rt.freeMemory()) >> 20, Collections.max(rssKb) >> 10, status("VmHWM") >> 10,
                rt.maxMemory() >> 20);
        System.out.println("cpu (% of one core): " + cpuUse);
        System.out.println("scene: " + nodes);
    }

    private static double median(List<double[]> rows, int column) {
        return quantile(rows, column, 0.5);
    }

    private static double quantile(List<double[]> rows, int column, double q) {
        return rows.stream().mapToDouble(r -> r[column]).sorted().skip((long) Math.floor(rows.size() * q))
                .findFirst().orElse(Double.NaN);
    }

    /**
     * A click on a row of another flow, in ms: to the FX thread's selection, from there to the new flow's path set on
     * the diagram (from the journey model's next snapshot), from there to the pulse that laid it out.
     */
    private Optional<double[]> clickAnotherFlow() {
        List<IndexedCell<?>> rows = rows();
        Optional<IndexedCell<?>> other = rows.stream().filter(r -> !r.isSelected()).skip(rows.size() / 3).findFirst();
        if (other.isEmpty()) {
            return Optional.empty();
        }
        robot.moveTo(other.get());
        Object selectedBefore = call(() -> window.model().selectedFlowProperty().get());
        // the highlight clears when the selection changes: only the new flow's path counts
        long t0 = arm(() -> selectedAt != 0 && !window.diagram().getHighlight().isEmpty());
        selecting = () -> window.model().selectedFlowProperty().get() != selectedBefore;
        robot.press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        if (!waitFor(() -> drawnAt != 0, 10)) {
            System.out.println("a click drew no new highlight within 10 s");
            return Optional.empty();
        }
        return Optional.of(new double[] {(selectedAt - t0) / 1e6, (changedAt - selectedAt) / 1e6,
                (drawnAt - changedAt) / 1e6});
    }

    /** Time from the click on the Dark toggle to the pulse that drew the window in the other theme, ms. */
    private double toggleTheme() {
        robot.moveTo("#dark");
        long t0 = arm(() -> true);
        robot.press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        if (!waitFor(() -> drawnAt != 0, 10)) {
            throw new AssertionError("the Dark toggle changed no theme within 10 s");
        }
        return (drawnAt - t0) / 1e6;
    }

    /** Makes the next change that {@code counts} (a highlight, the theme) be timed; returns the start time. */
    private long arm(BooleanSupplier counts) {
        selecting = null;
        selectedAt = 0;
        changedAt = 0;
        drawnAt = 0;
        counting = counts;
        return System.nanoTime();
    }

    /** Records every pulse's time and the first pulse after the diagram's highlight or the theme changed. */
    private void installProbes(Stage stage) {
        call(() -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.add(now);
                }
            }.start();
            window.model().selectedFlowProperty().addListener((obs, old, now) -> {
                BooleanSupplier selects = selecting;
                if (selectedAt == 0 && selects != null && selects.getAsBoolean()) {
                    selectedAt = System.nanoTime();
                }
            });
            window.diagram().highlightProperty().addListener((obs, old, now) -> changed());
            window.getPseudoClassStates().addListener((SetChangeListener<PseudoClass>) c -> changed());
            stage.getScene().addPostLayoutPulseListener(() -> {
                if (changedAt != 0 && drawnAt == 0) {
                    drawnAt = System.nanoTime();
                }
            });
            return null;
        });
    }

    private void changed() {
        BooleanSupplier counts = counting;
        if (changedAt == 0 && counts != null && counts.getAsBoolean()) {
            changedAt = System.nanoTime();
            counting = null;
        }
    }

    /** [frames over 50 ms, seconds with more than one, most in one second, then one slot per second]. */
    private int[] slowFramesPerSecond(long startedNanos) {
        List<Long> times;
        synchronized (pulses) {
            times = new ArrayList<>(pulses);
        }
        int[] out = new int[3 + SECONDS + 1];
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) - times.get(i - 1) > 50_000_000L) {
                int second = (int) Math.min(SECONDS, Math.max(0, (times.get(i) - startedNanos) / 1_000_000_000L));
                out[3 + second]++;
                out[0]++;
            }
        }
        for (int s = 3; s < out.length; s++) {
            out[1] += out[s] > 1 ? 1 : 0;
            out[2] = Math.max(out[2], out[s]);
        }
        return out;
    }

    private List<IndexedCell<?>> rows() {
        return call(() -> {
            List<IndexedCell<?>> found = new ArrayList<>();
            for (Node n : window.flowsPane().lookupAll(".indexed-cell")) {
                if ((n instanceof TableRow<?> || n instanceof TreeTableRow<?>) && n.isVisible()
                        && ((IndexedCell<?>) n).getItem() != null) {
                    found.add((IndexedCell<?>) n);
                }
            }
            return found;
        });
    }

    private static String figures(List<Double> ms) {
        if (ms.isEmpty()) {
            return "none measured";
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "median %.0f ms, p95 %.0f ms, max %.0f ms (%d)", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return -1;
    }

    private <T> T call(Callable<T> onFx) {
        return InProcessFx.call(onFx, 30);
    }

    private static boolean waitFor(BooleanSupplier condition, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            XServer.sleep(Duration.ofMillis(2));
        }
        return true;
    }

    private void waitUntil(String what, BooleanSupplier condition, int seconds) {
        if (!waitFor(condition, seconds)) {
            throw new AssertionError("not within " + seconds + " s: " + what);
        }
    }
}
