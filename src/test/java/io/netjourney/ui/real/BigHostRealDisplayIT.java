package io.netjourney.ui.real;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.ui.MainWindow;
import io.netjourney.ui.Truncation;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.feed.TraceFiles;
import io.netjourney.ui.model.FlowRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;

/**
 * The real window (GTK glass on Xvfb with openbox) at its default size on an 1800×1125 screen, 1440×900, showing a
 * recorded trace of a big host: 20 namespaces (a host with docker0 and 19 containers) and 60 interfaces. After Fit
 * the whole diagram is in view with every box title whole and large enough to read; a flow selected while zoomed in
 * brings its whole path into view. Prints the diagram's area and the Fit scale (DiagramLayoutTest's figures), and
 * what is left cut below the diagram; a screenshot of each step under target/screenshots/real/.
 */
@RealDisplay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BigHostRealDisplayIT {
    private static final long HOST = 4026531840L;
    private static final int CONTAINERS = 19;
    private static final int DOCKER0 = 3;
    /** A box title's 12 px bold at least this high on screen after Fit: read as easily as 9 px text. */
    private static final double LEAST_TITLE_PX = 8.5;

    private final FxRobot robot = new FxRobot();
    private XServer x;
    private RealScreenshots shots;
    private Path work;
    private InProcessFx.Launched launched;
    private MainWindow window;

    @BeforeAll
    void startTheWindow() throws Exception {
        x = XServer.onDisplay(XServer.displayFromEnvironment(), 1800, 1125);
        shots = new RealScreenshots(x, "BigHostRealDisplayIT");
        work = Files.createTempDirectory("nj-realdisplay-bighost-");
        launched = InProcessFx.launch(work);
        window = launched.window();
    }

    @AfterAll
    void closeTheWindow() throws Exception {
        try {
            InProcessFx.close(launched);
        } finally {
            if (x != null) {
                x.close();
            }
        }
    }

    @Test
    @Order(1)
    void theWindowOpensAt1440x900AndShowsTheBigHost() throws Exception {
        long id = x.waitForWindow("^netjourney", Duration.ofSeconds(10));
        XServer.waitUntil("the window at its size", Duration.ofSeconds(5), () -> x.geometry(id).width() >= 1400);
        XServer.Geometry g = x.geometry(id);
        assertEquals(1440, g.width(), 2, "80 % of the screen: " + g);
        assertEquals(900, g.height(), 2, "80 % of the screen: " + g);
        Path trace = work.resolve("big-host.njt");
        TraceFiles.save(trace, bigHost(), inode -> Optional.of(inode == HOST ? "host" : "ctr" + (inode - 4026532000L)),
                0);
        call(() -> window.openTrace(trace)).get(20, TimeUnit.SECONDS);
        XServer.waitUntil("20 boxes drawn", Duration.ofSeconds(20),
                () -> call(() -> window.diagram().lookupAll(".namespace-box").size()) == 20);
        DiagramGraph graph = call(() -> window.model().graphProperty().get());
        assertEquals(20, graph.namespaces().size());
        assertEquals(60, graph.interfaces().size());
        shots.shot("big-host-opened");
    }

    @Test
    @Order(2)
    void afterFitEveryBoxIsInViewAndItsTitleWholeAndReadable() {
        robot.clickOn("#fit");
        robot.sleep(300);
        Bounds view = call(() -> screen(window.diagram()));
        double scale = call(this::scale);
        System.out.printf("diagram area %.0f x %.0f in a 1440x900 window; Fit scale %.2f (box titles %.1f px)%n",
                view.getWidth(), view.getHeight(), scale, 12 * scale);
        List<String> problems = call(() -> {
            List<String> found = new ArrayList<>(Truncation.in(window.diagram()));
            for (Node box : window.diagram().lookupAll(".namespace-box")) {
                Bounds b = screen(box);
                if (!view.contains(b)) {
                    found.add("box " + box.getId() + " out of view: " + b);
                }
            }
            return found;
        });
        shots.shot("big-host-fit");
        assertEquals(List.of(), problems, "every box in view, nothing cut");
        assertTrue(12 * scale >= LEAST_TITLE_PX, "box titles " + 12 * scale + " px high after Fit");
    }

    @Test
    @Order(3)
    void aFlowSelectedWhileZoomedInBringsItsWholePathIntoView() {
        robot.clickOn("#diagram");
        for (int i = 0; i < 4; i++) {
            robot.type(KeyCode.PLUS);
        }
        robot.sleep(300);
        long toLast = call(() -> window.model().flows().stream()
                .filter(f -> f.getDestination().equals(address(CONTAINERS))).mapToLong(FlowRow::getId)
                .findFirst().orElseThrow());
        call(() -> {
            window.selectFlow(toLast);
            return null;
        });
        XServer.waitUntil("its path highlighted", Duration.ofSeconds(5),
                () -> call(() -> window.diagram().getHighlight().request().size()) == 2);
        robot.sleep(300);
        List<String> outside = call(() -> {
            Bounds view = screen(window.diagram());
            List<String> found = new ArrayList<>();
            for (Node node : window.diagram().lookupAll(".on-path")) {
                if (!view.contains(screen(node))) {
                    found.add(((Label) node).getText() + " " + screen(node));
                }
            }
            Node last = window.diagram().lookup("#ns-" + (4026532000L + CONTAINERS));
            if (!view.contains(screen(last))) {
                found.add("the box it ends in, " + screen(last));
            }
            return found;
        });
        shots.shot("big-host-flow-selected");
        assertEquals(List.of(), outside, "the path's interfaces in view, and the container's box with its name");
    }

    @Test
    @Order(4)
    void whatIsLeftCutBelowTheDiagramIsPrinted() {
        robot.clickOn("#fit");
        robot.sleep(300);
        Map<String, String> report = call(() -> {
            Map<String, String> found = new TreeMap<>();
            found.put("flows list", window.flowsPane().getWidth() + " px of " + window.flowsPane()
                    .fittedWidthProperty().get() + " px its columns fit; cut: " + Truncation.in(window.flowsPane()));
            found.put("tabs", window.hopsPane().getWidth() + " x " + window.hopsPane().getHeight() + " px");
            found.put("hop table", sideways(window.hopsPane().hopsTable()));
            found.put("statistics", sideways(window.hopsPane().statsTable()));
            return found;
        });
        report.forEach((what, figures) -> System.out.println(what + ": " + figures));
        shots.shot("big-host-below-the-diagram");
        assertTrue(report.get("flows list").endsWith("cut: []"), report.get("flows list"));
    }

    /** How much of a table's columns its width shows: "540 px of 1210 px of columns, 4 of 11 columns whole". */
    private static String sideways(TableView<?> table) {
        double shown = table.getWidth();
        double total = 0;
        int whole = 0;
        int columns = 0;
        for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
            total += column.getWidth();
            columns++;
            whole += total <= shown ? 1 : 0;
        }
        return String.format("%.0f px of %.0f px of columns, %d of %d columns whole", shown, total, whole, columns);
    }

    /** The diagram's zoom: a box's width on screen over its width in the diagram. */
    private double scale() {
        Region box = (Region) window.diagram().lookup(".namespace-box");
        return screen(box).getWidth() / box.getWidth();
    }

    private static Bounds screen(Node node) {
        return node.localToScreen(node.getLayoutBounds());
    }

    /**
     * A host's recorded pings into 19 containers over docker0 and a veth each (60 interfaces in 20 namespaces): each
     * container's ping request and reply, a ping over its loopback, and a frame on a VLAN in the first two.
     */
    private static List<HopEvent> bigHost() {
        List<HopEvent> events = new ArrayList<>();
        long[] at = {1_000_000};
        for (int n = 1; n <= CONTAINERS; n++) {
            long ctr = 4026532000L + n;
            int port = 9 + n;
            String peer = address(n);
            long request = 0xffff888100000000L + 16L * n;
            long reply = request + 8;
            events.add(hop().at(at[0] += 1000).skb(request).netns(HOST).dev(DOCKER0, "docker0", "bridge")
                    .from("198.51.100.1").to(peer).icmp(8, 0, n, 1).build());
            events.add(hop().at(at[0] += 1000).skb(request).netns(HOST).dev(port, "veth" + n, "veth").master(DOCKER0)
                    .from("198.51.100.1").to(peer).icmp(8, 0, n, 1).build());
            events.add(hop().at(at[0] += 1000).skb(request).hook(Hook.NETIF_RX).netns(ctr).dev(2, "eth0", "veth")
                    .from("198.51.100.1").to(peer).icmp(8, 0, n, 1).build());
            events.add(hop().at(at[0] += 1000).skb(reply).netns(ctr).dev(2, "eth0", "veth")
                    .from(peer).to("198.51.100.1").icmp(0, 0, n, 1).build());
            events.add(hop().at(at[0] += 1000).skb(reply).hook(Hook.NETIF_RX).netns(HOST).dev(port, "veth" + n, "veth")
                    .master(DOCKER0).from(peer).to("198.51.100.1").icmp(0, 0, n, 1).build());
            events.add(hop().at(at[0] += 1000).skb(reply).hook(Hook.NETIF_RECEIVE_SKB).netns(HOST)
                    .dev(DOCKER0, "docker0", "bridge").from(peer).to("198.51.100.1").icmp(0, 0, n, 1).build());
            events.add(hop().at(at[0] += 1000).skb(reply + 4).netns(ctr).dev(1, "lo", "").deviceType(772)
                    .from("127.0.0.1").to("127.0.0.1").icmp(8, 0, 100 + n, 1).build());
            if (n <= 2) {
                events.add(hop().at(at[0] += 1000).skb(reply + 6).netns(ctr).dev(101, "vlan1", "vlan")
                        .from(peer).to("198.51.100.200").icmp(8, 0, 200 + n, 1).build());
            }
        }
        return events;
    }

    private static String address(int container) {
        return "198.51.100." + (1 + container);
    }

    private <T> T call(Callable<T> onFx) {
        return InProcessFx.call(onFx, 10);
    }
}
