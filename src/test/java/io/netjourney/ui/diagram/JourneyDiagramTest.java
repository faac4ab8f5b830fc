package io.netjourney.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class JourneyDiagramTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private JourneyDiagram diagram;
    private final AtomicReference<String> clicked = new AtomicReference<>();
    private final AtomicInteger backgroundClicks = new AtomicInteger();

    @Start
    void start(Stage stage) {
        diagram = new JourneyDiagram(DiagramFixtures.dockerLike(), Highlight.NONE);
        diagram.setOnInterfaceClicked(clicked::set);
        diagram.setOnBackgroundClicked(backgroundClicks::incrementAndGet);
        stage.setScene(new Scene(new StackPane(diagram), 1100, 460));
        stage.show();
    }

    @Test
    void everyNamespaceHasABoxAndEveryInterfaceANode(FxRobot robot) {
        for (DiagramGraph.Namespace ns : DiagramFixtures.dockerLike().namespaces()) {
            Node box = robot.lookup("#ns-" + ns.inode()).query();
            assertTrue(box.getStyleClass().contains("namespace-box"));
            Label title = (Label) robot.from(box).lookup(".namespace-label").query();
            assertEquals(ns.label(), title.getText(), "the name alone");
            assertEquals(title.getText(), ((Text) title.lookup(".text")).getText(), "the title shown whole");
            assertEquals(ns.label() + "\nnetns inode " + ns.inode(), DiagramViews.tooltipOf(box).getText(),
                    "the inode in the box's tooltip");
        }
        for (DiagramGraph.Interface iface : DiagramFixtures.dockerLike().interfaces()) {
            Label node = robot.lookup("#iface-" + iface.netnsInode() + "-" + iface.ifindex()).query();
            assertEquals(iface.name(), node.getText());
            assertEquals(iface.name(), ((Text) node.lookup(".text")).getText(), "the name shown whole");
            assertTrue(node.getStyleClass().containsAll(List.of("interface-node", "kind-" + iface.kind())));
        }
        assertEquals(5, robot.lookup(".link").queryAll().stream()
                .filter(n -> !n.getStyleClass().contains("master-link")).count(), "one edge per link between namespaces");
        assertEquals(3, robot.lookup(".master-link").queryAll().size(), "three ports hang off the bridge");
        assertTrue(robot.lookup(".dimmed").queryAll().isEmpty(), "the plain diagram dims nothing");
    }

    @Test
    void aNamespaceThatIsGoneSaysSoInItsTitleShownWholeAndItsTooltip(FxRobot robot) {
        DiagramGraph g = DiagramFixtures.dockerLike();
        robot.interact(() -> diagram.setGraph(new DiagramGraph(g.namespaces(), g.interfaces(), g.links(),
                Set.of(DiagramFixtures.CTR2), Set.of())));
        WaitForAsyncUtils.waitForFxEvents();
        Node box = robot.lookup("#ns-" + DiagramFixtures.CTR2).query();
        Label title = (Label) robot.from(box).lookup(".namespace-label").query();
        assertEquals("nj-ctr2 · deleted", title.getText());
        assertEquals(title.getText(), ((Text) title.lookup(".text")).getText(), "the title shown whole");
        assertEquals("nj-ctr2\nnetns inode " + DiagramFixtures.CTR2 + "\n(deleted)",
                DiagramViews.tooltipOf(box).getText());
        robot.interact(() -> diagram.setGraph(g));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nj-ctr2", title.getText(), "back again");
    }

    @Test
    void clickingANodeSelectsItAndReportsItsId(FxRobot robot) {
        robot.clickOn("#iface-" + DiagramFixtures.HOST + "-3");
        assertEquals(DiagramFixtures.DOCKER0, clicked.get());
        assertEquals(DiagramFixtures.DOCKER0, diagram.getSelectedInterface());
        assertTrue(robot.lookup("#iface-" + DiagramFixtures.HOST + "-3").query().getStyleClass().contains("selected"));
        assertEquals(0, backgroundClicks.get(), "a node click is not a background click");
    }

    @Test
    void clickingEmptySpaceClearsTheSelection(FxRobot robot) {
        robot.clickOn("#iface-" + DiagramFixtures.CTR1 + "-2");
        robot.clickOn(emptySpot());
        assertEquals(1, backgroundClicks.get());
        assertNull(diagram.getSelectedInterface());
    }

    @Test
    void draggingTheBackgroundPansWithoutClicking(FxRobot robot) {
        Node node = robot.lookup("#iface-" + DiagramFixtures.CTR1 + "-2").query();
        Bounds before = node.localToScene(node.getBoundsInLocal());
        Point2D from = emptySpot();
        robot.drag(from, MouseButton.PRIMARY).dropTo(from.add(60, -40));
        Bounds after = node.localToScene(node.getBoundsInLocal());
        assertEquals(before.getMinX() + 60, after.getMinX(), 2);
        assertEquals(before.getMinY() - 40, after.getMinY(), 2);
        assertEquals(0, backgroundClicks.get());
    }

    @Test
    void zoomCommandsScaleTheDiagram(FxRobot robot) {
        Node node = robot.lookup("#iface-" + DiagramFixtures.CTR1 + "-2").query();
        DiagramLayout layout = DiagramLayout.of(DiagramFixtures.dockerLike());
        double width = layout.interfaceNode(DiagramFixtures.CTR1_ETH0).width();
        double fit = Math.min(1100 / layout.width(), 460 / layout.height());
        assertEquals(width * Math.min(1, fit), sceneWidth(node), 0.5, "a new diagram starts fitted");
        robot.interact(diagram::zoomIn);
        assertEquals(width * Math.min(1, fit) * ViewTransform.STEP, sceneWidth(node), 0.5);
        robot.interact(diagram::zoomOut);
        robot.interact(diagram::zoomOut);
        assertEquals(width * Math.min(1, fit) / ViewTransform.STEP, sceneWidth(node), 0.5);
        robot.interact(diagram::zoomToFit);
        assertEquals(width * Math.min(1, fit), sceneWidth(node), 0.5);
        robot.moveTo(node).scroll(2, VerticalDirection.UP);
        assertTrue(sceneWidth(node) != width * Math.min(1, fit), "the wheel zooms");
    }

    @Test
    void aHighlightDrawsBothPathsWithLabelsAndDimsTheRest(FxRobot robot) {
        robot.interact(() -> diagram.setHighlight(DiagramFixtures.pingCtr1ToCtr2()));
        assertEquals(4, robot.lookup(".request-edge").queryAll().size());
        assertEquals(4, robot.lookup(".reply-edge").queryAll().size());
        assertEquals(Set.of("1 · 4.5 µs", "2 · 7.5 µs", "3 · 10.5 µs", "4 · 13.5 µs"), texts(robot, ".request-label"));
        assertEquals(Set.of("1 · 2.8 µs", "2 · 4.8 µs", "3 · 6.8 µs", "4 · 8.8 µs"), texts(robot, ".reply-label"));

        for (String off : List.of(DiagramFixtures.CTR1 + "-1", DiagramFixtures.HOST + "-6",
                DiagramFixtures.ROUTER + "-2", DiagramFixtures.FAR + "-2")) {
            assertTrue(robot.lookup("#iface-" + off).query().getStyleClass().contains("dimmed"), off + " dims");
        }
        for (String on : List.of(DiagramFixtures.CTR1 + "-2", DiagramFixtures.HOST + "-4",
                DiagramFixtures.CTR2 + "-2")) {
            assertFalse(robot.lookup("#iface-" + on).query().getStyleClass().contains("dimmed"), on + " stays lit");
        }
        assertTrue(robot.lookup("#ns-" + DiagramFixtures.ROUTER).query().getStyleClass().contains("dimmed"));
        assertFalse(robot.lookup("#ns-" + DiagramFixtures.HOST).query().getStyleClass().contains("dimmed"));
        assertTrue(robot.lookup("#iface-" + DiagramFixtures.HOST + "-3").query().getStyleClass().contains("marked"));

        robot.interact(() -> diagram.setHighlight(Highlight.NONE));
        assertTrue(robot.lookup(".request-edge").queryAll().isEmpty());
        assertTrue(robot.lookup(".dimmed").queryAll().isEmpty());
    }

    @Test
    void aPathOutOfSightIsBroughtIntoViewWithTheContainersBoxAndName(FxRobot robot) throws TimeoutException {
        robot.interact(() -> diagram.setGraph(DiagramFixtures.big(20, 60)));
        long ctr19 = 4026532019L;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#ns-" + ctr19).tryQuery().isPresent());
        for (int i = 0; i < 6; i++) {
            robot.interact(diagram::zoomIn);
        }
        List<String> path = List.of(DiagramGraph.idOf(DiagramFixtures.HOST, 3),
                DiagramGraph.idOf(DiagramFixtures.HOST, 28), DiagramGraph.idOf(ctr19, 2));
        robot.interact(() -> diagram.setHighlight(DiagramFixtures.roundTrip(path)));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds view = diagram.localToScene(diagram.getLayoutBounds());
        List<String> outside = new ArrayList<>();
        for (Node node : robot.lookup(".on-path").queryAll()) {
            if (!view.contains(node.localToScene(node.getLayoutBounds()))) {
                outside.add(((Label) node).getText());
            }
        }
        Node box = robot.lookup("#ns-" + ctr19).query();
        if (!view.contains(box.localToScene(box.getLayoutBounds()))) {
            outside.add("the box of ctr19");
        }
        assertEquals(List.of(), outside, "in view after zooming in 4x");
    }

    @Test
    void aGrownGraphIsLaidOutOffTheFxThreadAndDrawnWhenItsLayoutArrives(FxRobot robot) throws TimeoutException {
        DiagramGraph g = DiagramFixtures.dockerLike();
        List<DiagramGraph.Interface> more = new ArrayList<>(g.interfaces());
        more.add(DiagramFixtures.iface(DiagramGraph.idOf(DiagramFixtures.HOST, 9), "veth-new", "veth",
                DiagramFixtures.DOCKER0));
        DiagramGraph grown = new DiagramGraph(g.namespaces(), more, g.links());
        robot.interact(() -> diagram.setGraph(grown));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#iface-" + DiagramFixtures.HOST + "-9").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        DiagramLayout expected = DiagramLayout.of(grown);
        for (DiagramGraph.Interface iface : more) {
            Node node = robot.lookup("#iface-" + iface.netnsInode() + "-" + iface.ifindex()).query();
            DiagramLayout.Rect at = expected.interfaceNode(iface.id());
            assertEquals(at.x(), node.getLayoutX(), 1e-9, iface.name());
            assertEquals(at.y(), node.getLayoutY(), 1e-9, iface.name());
        }
        assertEquals(4, robot.lookup(".master-link").queryAll().size());
        Node bridge = robot.lookup("#iface-" + DiagramFixtures.HOST + "-3").query();
        double fit = Math.min(1, Math.min(1100 / expected.width(), 460 / expected.height()));
        assertEquals(expected.interfaceNode(DiagramFixtures.DOCKER0).width() * fit, sceneWidth(bridge), 0.5,
                "the view still fits the whole grown diagram");
    }

    @Test
    void onceTheUserZoomsAGrowingGraphNoLongerRefitsTheView(FxRobot robot) throws TimeoutException {
        robot.interact(diagram::zoomIn);
        Node node = robot.lookup("#iface-" + DiagramFixtures.CTR1 + "-2").query();
        double zoomed = sceneWidth(node);
        DiagramGraph g = DiagramFixtures.dockerLike();
        List<DiagramGraph.Interface> more = new ArrayList<>(g.interfaces());
        more.add(DiagramFixtures.iface(DiagramGraph.idOf(DiagramFixtures.FAR, 7), "eth7", "veth", null));
        robot.interact(() -> diagram.setGraph(new DiagramGraph(g.namespaces(), more, g.links())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#iface-" + DiagramFixtures.FAR + "-7").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zoomed, sceneWidth(node), 0.5, "the user's zoom stays");
    }

    @Test
    void aFloodOfPacketsIsThrottled(FxRobot robot) {
        List<String> path = List.of(DiagramFixtures.CTR1_ETH0, DiagramFixtures.VETH_A, DiagramFixtures.DOCKER0,
                DiagramFixtures.VETH_B, DiagramFixtures.CTR2_ETH0);
        AtomicInteger started = new AtomicInteger();
        robot.interact(() -> {
            for (int i = 0; i < 500; i++) {
                if (diagram.animatePacket(path, i % 2 == 1)) {
                    started.incrementAndGet();
                }
            }
        });
        assertTrue(started.get() >= 1 && started.get() <= PacketAnimator.MAX_CONCURRENT, "started " + started);
        assertEquals(started.get(), robot.lookup(".packet").queryAll().size());
        WaitForAsyncUtils.sleep(900, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".packet").queryAll().isEmpty(), "dots are gone after their ~600 ms trip");
    }

    @Test
    void movingPacketsAreNotPartOfAnExport(FxRobot robot) {
        List<String> path = List.of(DiagramFixtures.CTR1_ETH0, DiagramFixtures.VETH_A, DiagramFixtures.DOCKER0);
        AtomicReference<String> svg = new AtomicReference<>();
        AtomicReference<Boolean> dotShown = new AtomicReference<>();
        robot.interact(() -> {
            assertTrue(diagram.animatePacket(path, false));
            svg.set(DiagramExport.svg(diagram, Caption.NONE));
            Node dot = diagram.lookup(".packet");
            dotShown.set(dot != null && dot.getParent().isVisible());
        });
        assertFalse(svg.get().contains("\"packet request-packet\""), "no moving dot in the drawing");
        assertTrue(svg.get().contains("interface-node kind-veth"), "the interfaces are");
        assertTrue(dotShown.get(), "the dots move on, on screen");
    }

    @Test
    void aSnapshotIsTheWholeContentAtScale(FxRobot robot) throws Exception {
        robot.interact(() -> diagram.setHighlight(DiagramFixtures.pingCtr1ToCtr2()));
        robot.interact(diagram::zoomOut);
        DiagramLayout layout = DiagramLayout.of(DiagramFixtures.dockerLike());
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(diagram.snapshot(2)));
        assertEquals(2 * layout.width(), image.get().getWidth());
        assertEquals(2 * layout.height(), image.get().getHeight());
        assertTrue(distinctColours(image.get()) > 50, "the image shows a drawing, not a flat colour");
        DiagramExport.writePng(image.get(), SCREENSHOTS.resolve("diagram-highlighted.png"));
    }

    @Test
    void thePngHelperRendersOffscreen() throws IOException {
        Path file = SCREENSHOTS.resolve("diagram-export.png");
        Files.deleteIfExists(file);
        DiagramExport.writePng(DiagramFixtures.dockerLike(), DiagramFixtures.pingCtr1ToCtr2(), 2, file);
        BufferedImage png = ImageIO.read(file.toFile());
        DiagramLayout layout = DiagramLayout.of(DiagramFixtures.dockerLike());
        assertEquals((int) (2 * layout.width()), png.getWidth());
        assertEquals((int) (2 * layout.height()), png.getHeight());
        DiagramLayout.Rect bridge = layout.interfaceNode(DiagramFixtures.DOCKER0);
        assertTrue(png.getRGB(10, 10) != png.getRGB((int) (2 * bridge.x() + 6), (int) (2 * bridge.centerY())),
                "the bridge's node is drawn, not the background");
    }

    @Test
    void screenshotsForReview() throws IOException {
        DiagramExport.writePng(DiagramFixtures.dockerLike(), Highlight.NONE, 1, SCREENSHOTS.resolve("diagram-plain.png"));
        DiagramExport.writePng(DiagramExport.render(DiagramFixtures.dockerLike(), DiagramFixtures.pingCtr1ToCtr2(), 1,
                true), SCREENSHOTS.resolve("diagram-dark.png"));
        DiagramExport.writePng(DiagramFixtures.big(20, 60), Highlight.NONE, 1, SCREENSHOTS.resolve("diagram-20x60.png"));
        DiagramExport.writePng(DiagramFixtures.big(20, 60), DiagramFixtures.bigPing(), 1,
                SCREENSHOTS.resolve("diagram-20x60-ping.png"));
        DiagramGraph lab = DiagramFixtures.lab();
        DiagramExport.writePng(lab, DiagramFixtures.roundTrip(DiagramFixtures.labToFar(lab)), 1,
                SCREENSHOTS.resolve("diagram-lab-to-far.png"));
        assertTrue(Files.size(SCREENSHOTS.resolve("diagram-20x60.png")) > 10_000);
    }

    private Point2D emptySpot() {
        Bounds b = diagram.localToScreen(diagram.getBoundsInLocal());
        return new Point2D(b.getMinX() + 20, b.getMaxY() - 20);
    }

    private static double sceneWidth(Node node) {
        return node.localToScene(node.getBoundsInLocal()).getWidth();
    }

    private static Set<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().map(n -> ((Label) n).getText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static int distinctColours(WritableImage image) {
        PixelReader pixels = image.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        return colours.size();
    }
}
