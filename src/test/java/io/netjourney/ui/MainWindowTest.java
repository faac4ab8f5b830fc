package io.netjourney.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.HopEvent;
import io.netjourney.journey.JourneyAssembler;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.TracedHop;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.diagram.Highlight;
import io.netjourney.ui.diagram.PathEdges;
import io.netjourney.ui.feed.TraceFiles;
import io.netjourney.ui.flows.FlowsPane;
import io.netjourney.ui.model.ConversationRow;
import io.netjourney.ui.model.FlowRow;
import io.netjourney.ui.model.HopRow;
import io.netjourney.ui.model.HopStat;
import io.netjourney.ui.model.ListedRow;
import io.netjourney.ui.model.Micros;
import io.netjourney.ui.theme.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a trace recorded from a real lab capture (pings host → ctr1, ctr1 → ctr2, ctr1 → far, IPv6, a
 * TCP reset), headless: what a person sees and clicks.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/lab-pings.njt");
    /** Flow 3 of the fixture: ICMP echo nj-ctr1 → nj-far across nj-host and nj-router, three pings. */
    static final long FAR_FLOW = 3;
    /** Flow 1 of the fixture: ICMP echo nj-host → nj-ctr1, three pings. */
    static final long HOST_FLOW = 1;

    private MainWindow window;
    private CompletableFuture<TraceFiles.Loaded> opening;
    private TraceFiles.Loaded trace;
    /** The fixture's events placed by the journey assembler, in the same order. */
    private final List<TracedHop> hops = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = new MainWindow(false);
        stage.setScene(NetjourneyApp.scene(window));
        NetjourneyApp.installShortcuts(stage.getScene(), window);
        // the window's default size, whatever an earlier test class left the shared stage at
        stage.setWidth(NetjourneyApp.WIDTH);
        stage.setHeight(NetjourneyApp.HEIGHT);
        stage.show();
        opening = window.openTrace(FIXTURE);
    }

    /** The fixture, once the window shows it (opening finishes on the FX thread, after @Start). */
    @BeforeEach
    void waitForTheTrace() throws Exception {
        trace = opening.get(20, TimeUnit.SECONDS);
        JourneyAssembler assembler = new JourneyAssembler();
        trace.events().forEach(e -> hops.add(assembler.accept(e)));
        long crossings = trace.events().stream().filter(Crossing.class::isInstance).count();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().crossingsProperty().get() == crossings);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the selected flow's detail: the model computes it off the FX thread. */
    private void awaitDetail() throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.model().detailShown());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void escClearsTheSelectionAndCtrlFGoesToTheFlowSearch(FxRobot robot) throws Exception {
        assertEquals("netjourney — lab-pings.njt", window.titleProperty().get());
        robot.interact(() -> window.selectFlow(FAR_FLOW));
        assertTrue(window.model().selectedFlowProperty().get() != null);
        robot.clickOn("#hops-table");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, window.model().selectedFlowProperty().get(), "Esc cleared the selection");
        assertEquals(Highlight.NONE, window.diagram().getHighlight());

        robot.press(KeyCode.CONTROL, KeyCode.F)
                .release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#flow-search").query().isFocused(), "Ctrl+F focuses the flow search");
    }

    @Test
    void everyNamespaceAndInterfaceOfTheTraceIsDrawn(FxRobot robot) throws Exception {
        Set<Long> namespaces = new LinkedHashSet<>();
        Set<String> interfaces = new LinkedHashSet<>();
        for (HopEvent e : trace.events()) {
            namespaces.add(e.netnsInode());
            interfaces.add(e.netnsInode() + "-" + e.ifindex());
        }
        assertEquals(5, namespaces.size(), "host, ctr1, ctr2, router, far");
        for (long inode : namespaces) {
            assertTrue(robot.lookup("#ns-" + inode).tryQuery().isPresent(), "namespace box " + inode);
        }
        for (String iface : interfaces) {
            assertTrue(robot.lookup("#iface-" + iface).tryQuery().isPresent(), "interface node " + iface);
        }
        assertEquals(17, window.model().flows().size(), "flows in the list");
        TreeTableView<ListedRow> table = flowsTable(robot);
        long start = trace.events().get(0).timestampNs();
        long flowOneLast = 0;
        for (int i = 0; i < hops.size(); i++) {
            if (hops.get(i).flowId() == HOST_FLOW) {
                flowOneLast = trace.events().get(i).timestampNs();
            }
        }
        ListedRow first = table.getRoot().getChildren().get(0).getValue();
        assertTrue(cellTooltip(robot, first, "conversation").contains(String.format(java.util.Locale.ROOT,
                "latest crossing +%.3f s", (flowOneLast - start) / 1e9)), "flow 1's conversation: its last crossing, "
                + "from the first one: " + cellTooltip(robot, first, "conversation"));
        List<ConversationRow> conversations = window.model().conversations();
        int shown = table.getRoot().getChildren().size();
        long chatter = conversations.stream().filter(ConversationRow::isLinkChatter).count();
        assertTrue(chatter > 0, "the lab trace has its MLD/IGMP chatter");
        assertEquals(conversations.size() - chatter, shown, "link-local chatter is hidden by default");
        robot.clickOn("#show-link-chatter");
        assertEquals(conversations.size(), table.getRoot().getChildren().size(), "and listed when asked for");
        robot.clickOn("#show-link-chatter");
        assertTrue(robot.lookup("#banner").queryLabeled().isVisible(), "viewer banner without root");
        robot.interact(() -> Screenshots.save(window, "window-trace-opened"));
    }

    @Test
    void conversationsExpandToTheirFlowsAndEveryCellIsWholeWithATooltip(FxRobot robot) throws Exception {
        TreeTableView<ListedRow> table = flowsTable(robot);
        List<ConversationRow> listed = table.getRoot().getChildren().stream()
                .map(item -> (ConversationRow) item.getValue()).toList();
        assertTrue(listed.stream().noneMatch(ConversationRow::isLinkChatter));
        ConversationRow far = listed.stream().filter(c -> c.flows().stream().anyMatch(f -> f.getId() == FAR_FLOW))
                .findFirst().orElseThrow();
        assertEquals("198.51.100.2 → 198.51.100.130", far.getLabel());
        assertEquals(6, far.getSeen(), "three pings, their replies");
        assertEquals("0 %", cellText(robot, far, "loss"));

        robot.clickOn(conversationRow(robot, far));
        awaitDetail();
        assertEquals(far.getLatestFlowId(), window.model().selectedId(), "a conversation selects its latest flow");
        assertEquals(6, window.diagram().getHighlight().request().size(), "its path highlighted");

        robot.clickOn(flowRow(robot, FAR_FLOW));
        awaitDetail();
        assertEquals(FAR_FLOW, window.model().selectedId());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> untipped = new ArrayList<>();
        for (Node node : robot.lookup("#flows-table .tree-table-cell").queryAll()) {
            TreeTableCell<?, ?> cell = (TreeTableCell<?, ?>) node;
            boolean shows = cell.getText() != null && !cell.getText().isEmpty() || cell.getGraphic() != null;
            if (cell.isVisible() && shows && (cell.getTooltip() == null || cell.getTooltip().getText().isEmpty())) {
                untipped.add(cell.getTableColumn().getText() + ": " + cell.getText());
            }
        }
        assertEquals(List.of(), untipped, "cells without a tooltip");
        robot.interact(() -> Screenshots.save(window, "window-conversations"));
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> Truncation.in(table)).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), cut, "nothing cut in the list at the window's default size (1440×900)");
        FlowsPane pane = window.flowsPane();
        assertTrue(pane.getWidth() + 1 >= pane.compactWidthProperty().get()
                && pane.getWidth() + 1 < pane.fittedWidthProperty().get(), "at the default size the list leaves the "
                + "tabs their room: " + pane.getWidth() + " px, " + pane.compactWidthProperty().get() + " to "
                + pane.fittedWidthProperty().get() + " px for its columns");
        assertFalse(pane.scrollsSideways(), "its conversations on two lines, it does not scroll sideways");
        assertTrue(cellText(robot, far, "conversation").equals("198.51.100.2 →\n198.51.100.130"),
                cellText(robot, far, "conversation"));
        robot.interact(() -> window.flowsSplit().setDividerPositions(
                (pane.compactWidthProperty().get() - 40) / window.flowsSplit().getWidth()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.scrollsSideways(), "narrower than its columns on two lines: the list scrolls sideways");
        assertTrue(robot.lookup("#flows-table .scroll-bar").queryAll().stream()
                .anyMatch(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL
                        && bar.isVisible()), "a horizontal scroll bar to reach the last columns");
        robot.interact(() -> window.flowsSplit().setDividerPositions(
                (pane.fittedWidthProperty().get() + 16) / window.flowsSplit().getWidth()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pane.scrollsSideways(), "as wide as its columns: they share the room");
        assertEquals("198.51.100.2 → 198.51.100.130", cellText(robot, far, "conversation"), "on one line");
        Bounds list = pane.table().localToScene(pane.table().getLayoutBounds());
        for (Node header : robot.lookup("#flows-table .column-header").queryAll()) {
            Bounds b = header.localToScene(header.getLayoutBounds());
            assertTrue(b.getMaxX() <= list.getMaxX() + 1, "header inside the list: " + header);
        }
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> Truncation.in(table)).get(5, TimeUnit.SECONDS));
    }

    @Test
    void clickingAFlowHighlightsExactlyItsPathAndFillsTheHopTable(FxRobot robot) throws Exception {
        robot.clickOn(flowRow(robot, FAR_FLOW));
        awaitDetail();

        List<String> request = interfaceNames(window.diagram().getHighlight().request());
        List<String> reply = interfaceNames(window.diagram().getHighlight().reply());
        assertEquals(List.of("eth0@nj-ctr1", "nj-veth1@nj-host", "nj-br0@nj-host", "nj-h-r@nj-host",
                "nj-r-h@nj-router", "nj-r-f@nj-router", "eth0@nj-far"), request);
        assertEquals(List.of("eth0@nj-far", "nj-r-f@nj-router", "nj-r-h@nj-router", "nj-h-r@nj-host",
                "nj-br0@nj-host", "nj-veth1@nj-host", "eth0@nj-ctr1"), reply);
        assertEquals(6, robot.lookup(".request-edge").queryAll().size(), "request edges drawn");
        assertEquals(6, robot.lookup(".reply-edge").queryAll().size(), "reply edges drawn");
        assertTrue(robot.lookup("#iface-" + inode("nj-ctr2") + "-2").query().getStyleClass().contains("dimmed"),
                "interfaces off the path dim");

        List<HopRow> rows = window.model().hopRows();
        List<HopEvent> expected = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            if (hops.get(i).flowId() == FAR_FLOW) {
                expected.add(trace.events().get(i));
            }
        }
        assertEquals(42, expected.size(), "3 pings x 14 crossings");
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(expected.get(i), rows.get(i).event(), "hop table row " + i + " in time order");
        }
        assertEquals(42, robot.lookup("#hops-table").queryTableView().getItems().size());
        robot.interact(() -> Screenshots.save(window, "window-flow-selected"));

        List<javafx.scene.control.TableCell<?, ?>> cells = robot.lookup("#hops-table .table-cell").queryAll().stream()
                .<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getText() != null && !c.getText().isEmpty()).toList();
        assertTrue(!cells.isEmpty());
        assertTrue(cells.stream().allMatch(c -> c.getTooltip() != null && java.util.Arrays.stream(c.getText()
                .split("\n")).allMatch(line -> c.getTooltip().getText().contains(line))),
                "every hop table cell carries its whole text in its tooltip (a hook's whole tracepoint)");
        List<javafx.scene.control.TableCell<?, ?>> wrapped = robot.lookup("#hops-table .table-cell").queryAll()
                .stream().<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getGraphic() instanceof javafx.scene.text.Text).toList();
        assertTrue(!wrapped.isEmpty() && wrapped.stream().allMatch(c -> c.getTooltip() != null && c.getTooltip()
                .getText().contains(((javafx.scene.text.Text) c.getGraphic()).getText())),
                "the addresses and info, wrapped to the column, in the tooltip too");
    }

    @Test
    void hopStatisticsMatchHandComputedValues(FxRobot robot) throws Exception {
        robot.clickOn(flowRow(robot, HOST_FLOW));
        awaitDetail();
        // by hand from the raw events: per request packet (one skb per echo), the time from nj-br0 to nj-veth1
        Map<Integer, Long> brTime = new LinkedHashMap<>();
        List<Double> brToVeth = new ArrayList<>();
        for (int i = 0; i < trace.events().size(); i++) {
            HopEvent e = trace.events().get(i);
            if (hops.get(i).flowId() != HOST_FLOW || e.icmpType() != 8) {
                continue;
            }
            if (e.ifname().equals("nj-br0")) {
                brTime.put(e.icmpSeq(), e.timestampNs());
            } else if (e.ifname().equals("nj-veth1")) {
                brToVeth.add((e.timestampNs() - brTime.get(e.icmpSeq())) / 1000.0);
            }
        }
        assertEquals(3, brToVeth.size());
        HopStat hop2 = window.model().hopStats().stream()
                .filter(s -> s.direction() == PacketDirection.REQUEST && s.hop() == 2).findFirst().orElseThrow();
        assertEquals("nj-veth1", hop2.interfaceName());
        assertEquals(3, hop2.seen());
        assertEquals(0, hop2.lost());
        assertEquals(brToVeth.get(2), hop2.lastUs(), 1e-9);
        assertEquals(brToVeth.stream().mapToDouble(d -> d).average().orElseThrow(), hop2.avgUs(), 1e-9);
        assertEquals(brToVeth.stream().mapToDouble(d -> d).min().orElseThrow(), hop2.bestUs(), 1e-9);
        assertEquals(brToVeth.stream().mapToDouble(d -> d).max().orElseThrow(), hop2.worstUs(), 1e-9);
        // and the table shows them once its tab is in front; hidden, it holds no rows (no frame spent on them)
        assertTrue(robot.lookup("#stats-table").queryTableView().getItems().isEmpty(), "the hidden statistics");
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Statistics")).queryLabeled());
        assertTrue(robot.lookup("#stats-table").queryTableView().getItems().contains(hop2));
        assertTrue(robot.lookup("#hops-table").queryTableView().getItems().isEmpty(), "the hidden hop table");
        assertEquals("2 · " + Micros.format(hop2.avgUs()) + " µs",
                window.diagram().getHighlight().request().get(0).label(),
                "the edge into nj-veth1, the Statistics tab's hop 2, carries its number and average");
    }

    @Test
    void aSelectedHopRowIsSelectedAgainWhenItsTabComesBack(FxRobot robot) throws Exception {
        robot.clickOn(flowRow(robot, HOST_FLOW));
        awaitDetail();
        TableView<HopRow> table = robot.lookup("#hops-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(3));
        HopRow selected = table.getSelectionModel().getSelectedItem();
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Statistics")).queryLabeled());
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Hops")).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(selected, table.getSelectionModel().getSelectedItem(), "the row selected before");

        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Statistics")).queryLabeled());
        robot.interact(() -> window.selectFlow(FAR_FLOW));
        awaitDetail();
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Hops")).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, table.getSelectionModel().getSelectedItem(), "another flow's rows: nothing selected");
    }

    @Test
    void clickingAnInterfaceShowsItsDetailsAndFiltersTheHopTable(FxRobot robot) throws Exception {
        robot.clickOn(flowRow(robot, HOST_FLOW));
        awaitDetail();
        robot.clickOn("#iface-" + inode("nj-host") + "-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nj-veth1  (veth, ifindex 3)", robot.lookup("#node-details").queryLabeled().getText());
        assertEquals("nj-br0", robot.lookup("#iface-detail-master").queryLabeled().getText());
        assertEquals("eth0 in nj-ctr1", robot.lookup("#iface-detail-peer").queryLabeled().getText());
        long crossed = trace.events().stream().filter(e -> e instanceof Crossing
                && e.netnsInode() == inode("nj-host") && e.ifindex() == 3).count();
        assertEquals(String.format(java.util.Locale.ROOT, "%,d", crossed),
                robot.lookup("#iface-detail-crossings").queryLabeled().getText(), "what the model counted there");
        assertTrue(robot.lookup("#iface-detail-link").queryLabeled().getText().startsWith("not known"),
                "a trace file's interfaces are not scanned on this machine");
        robot.interact(() -> Screenshots.save(window, "window-interface-details"));
        Node fields = robot.lookup("#interface-fields").query();
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> Truncation.in(fields)).get(5, TimeUnit.SECONDS),
                "the interface's fields whole in the tab beside the flows list, " + window.hopsPane().getWidth()
                        + " px wide");
        double hintTop = robot.lookup(".interface-hint").query().localToScene(0, 0).getY();
        for (Node value : robot.lookup(".interface-value").queryAll()) {
            assertTrue(value.localToScene(value.getLayoutBounds()).getMaxY() <= hintTop + 1,
                    "a wrapped value's row grows, the hint below it: " + ((Labeled) value).getText());
        }
        assertTrue(window.model().hopRows().stream().allMatch(r -> r.interfaceName().equals("nj-veth1")));
        assertEquals(6, window.model().hopRows().size(), "3 requests and 3 replies crossed it");

        robot.clickOn("#diagram", javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void exportWritesThePngOfTheDiagramAsShownAtTwiceItsSizeUnderItsCaptionAndOverItsLegend(FxRobot robot,
            @TempDir Path dir) throws Exception {
        robot.clickOn(flowRow(robot, FAR_FLOW));
        awaitDetail();
        Path png = dir.resolve("diagram.png");
        robot.interact(() -> export(png));
        BufferedImage image = ImageIO.read(png.toFile());
        Node content = robot.lookup(".diagram-content").query();
        double width = content.getLayoutBounds().getWidth();
        double height = content.getLayoutBounds().getHeight();
        assertEquals(Math.max(Math.round(width * 2), 2 * 640), image.getWidth(), 2, "the diagram's width at 2x");
        assertTrue(image.getHeight() > Math.round(height * 2) + 2 * 100,
                "the diagram at 2x, a caption above it, a legend below: " + image.getHeight());
        Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "a drawing, not a blank: " + colours.size() + " colours");

        var caption = window.caption();
        FlowRow far = window.model().selectedFlowProperty().get();
        assertEquals("flow 3 · icmp " + far.getSource() + " → " + far.getDestination(), caption.title());
        long start = trace.events().get(0).timestampNs();
        long last = 0;
        for (int i = 0; i < hops.size(); i++) {
            if (hops.get(i).flowId() == FAR_FLOW && trace.events().get(i) instanceof Crossing) {
                last = Math.max(last, trace.events().get(i).timestampNs());
            }
        }
        String lastShown = String.format(java.util.Locale.ROOT, "+%.3f s into the trace", (last - start) / 1e9);
        assertTrue(caption.facts().get(0).matches("time: \\+\\d+\\.\\d{3} s to \\" + lastShown.replace(".", "\\.")
                + " \\([0-9.]+ (µs|ms|s)\\)"), caption.facts().get(0));
        assertEquals("trace file: lab-pings.njt", caption.facts().get(1));
    }

    @Test
    void anSvgExportParsesAndNamesEveryInterfaceOfTheTrace(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn(flowRow(robot, FAR_FLOW));
        awaitDetail();
        Path svg = dir.resolve("diagram.svg");
        robot.interact(() -> export(svg));
        Set<String> texts = SvgTexts.of(svg);
        for (HopEvent e : trace.events()) {
            assertTrue(texts.contains(e.ifname()), e.ifname() + " drawn in the SVG");
        }
        assertTrue(texts.contains(window.caption().title()), "its caption");
        assertTrue(texts.contains("Legend"), "its legend");
    }

    @Test
    void theHopTableAndTheStatisticsExportAsCsvWithTheirColumnTitles(FxRobot robot, @TempDir Path dir)
            throws Exception {
        robot.clickOn(flowRow(robot, FAR_FLOW));
        awaitDetail();
        Path hopsCsv = dir.resolve("hops.csv");
        Path statsCsv = dir.resolve("stats.csv");
        robot.interact(() -> {
            try {
                window.exportTable(window.hopsPane().hopsText(), "hop table", hopsCsv);
                window.exportTable(window.hopsPane().statsText(), "statistics", statsCsv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> hopLines = java.nio.file.Files.readAllLines(hopsCsv);
        assertEquals("t (µs),hop,namespace,interface,hook,direction,source → destination,len,seq / flags,Δt (µs)",
                hopLines.get(0));
        assertEquals(window.model().hopRows().size() + 1, hopLines.size(), "a line per row under the header");
        HopRow first = window.model().hopRows().get(0);
        assertTrue(hopLines.get(1).startsWith(first.offsetText() + "," + first.hopNumber() + "," + first.namespace() + ","
                + first.interfaceName() + ","), hopLines.get(1));
        List<String> statLines = java.nio.file.Files.readAllLines(statsCsv);
        assertEquals("path,hop,namespace,interface,seen,loss,last µs,avg µs,best µs,worst µs", statLines.get(0));
        assertEquals(window.model().hopStats().size() + 1, statLines.size());
        assertTrue(window.controls().statusProperty().get().contains("rows of the statistics to " + statsCsv),
                window.controls().statusProperty().get());
    }

    @Test
    void aLongStatusMessageTakesASecondLineRatherThanBeingCut(FxRobot robot, @TempDir Path dir) throws Exception {
        Path deep = dir.resolve("a-directory-with-a-long-name/and-another-one-below-it/and-a-third-for-good-measure");
        java.nio.file.Files.createDirectories(deep);
        Path csv = deep.resolve("the-hop-table-of-the-flow-from-nj-ctr1-to-nj-far.csv");
        exportHops(robot, csv);
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().contains(csv.toString()) && status.getText().length() > 200, status.getText());
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> Truncation.in(status)).get(5, TimeUnit.SECONDS));
        assertTrue(status.getBoundsInParent().getMaxX() <= window.getWidth(), "within the window");
        assertTrue(status.getHeight() > 1.5 * status.getFont().getSize() * 1.2, "two lines: " + status.getHeight());
    }

    @Test
    void theStatusBarKeepsItsHeightWhenTheMessageShrinks(FxRobot robot, @TempDir Path dir) throws Exception {
        Path deep = dir.resolve("a-directory-with-a-long-name/and-another-one-below-it/and-a-third-for-good-measure");
        java.nio.file.Files.createDirectories(deep);
        Label status = robot.lookup("#status").queryAs(Label.class);
        double oneLine = status.getHeight();
        exportHops(robot, deep.resolve("the-hop-table-of-the-flow-from-nj-ctr1-to-nj-far.csv"));
        double twoLines = status.getHeight();
        double diagram = window.diagram().getHeight();
        assertTrue(twoLines > 1.5 * oneLine, oneLine + " then " + twoLines);

        exportHops(robot, dir.resolve("h.csv"));

        double needed = WaitForAsyncUtils.asyncFx(() -> status.prefHeight(status.getWidth())).get(5, TimeUnit.SECONDS);
        assertTrue(needed < twoLines - oneLine / 2, "one line's message: " + needed + " of " + twoLines);
        assertEquals(twoLines, status.getHeight(), "the window above does not move");
        assertEquals(diagram, window.diagram().getHeight());
    }

    private void exportHops(FxRobot robot, Path csv) {
        robot.interact(() -> {
            try {
                window.exportTable(window.hopsPane().hopsText(), "hop table", csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlCCopiesTheSelectedRowsOfTheFocusedTableWithAHeader(FxRobot robot) throws Exception {
        robot.clickOn(flowRow(robot, FAR_FLOW));
        awaitDetail();
        var flowsTable = window.flowsPane().table();
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> flowLines = clipboardLines(robot);
        assertEquals(String.join("\t", flowsTable.getVisibleLeafColumns().stream().map(c -> c.getText()).toList()),
                flowLines.get(0), "the flows list's column titles");
        assertEquals(2, flowLines.size(), "the one flow selected: " + flowLines);
        assertTrue(flowLines.get(1).startsWith("#" + FAR_FLOW + " "), flowLines.get(1));

        var hopsTable = window.hopsPane().hopsTable();
        robot.interact(() -> window.hopsPane().getSelectionModel().select(0));
        robot.clickOn(hopRow(robot, 1));
        robot.press(KeyCode.SHIFT).clickOn(hopRow(robot, 3)).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> hopLines = clipboardLines(robot);
        assertEquals("t (µs)\thop\tnamespace\tinterface\thook\tdirection\tsource → destination\tlen\tseq / flags"
                + "\tΔt (µs)", hopLines.get(0));
        assertEquals(4, hopLines.size(), "rows 2 to 4, clicked and shift-clicked: " + hopLines);
        for (int i = 1; i <= 3; i++) {
            HopRow row = hopsTable.getItems().get(i);
            String[] fields = hopLines.get(i).split("\t", -1);
            assertEquals(10, fields.length, hopLines.get(i));
            assertEquals(List.of(row.offsetText(), row.hopNumber(), row.namespace(), row.interfaceName(), row.hook()),
                    List.of(fields).subList(0, 5), "row " + (i + 1) + " as the table shows it");
        }
    }

    private Node hopRow(FxRobot robot, int index) {
        return robot.lookup("#hops-table .table-row-cell").queryAll().stream()
                .filter(n -> ((TableRow<?>) n).getIndex() == index).findFirst()
                .orElseThrow(() -> new AssertionError("no hop-table row " + index));
    }

    private List<String> clipboardLines(FxRobot robot) throws Exception {
        String text = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertTrue(text != null && text.endsWith("\n"), "tab-separated lines on the clipboard: " + text);
        return List.of(text.split("\n"));
    }

    private void export(Path file) {
        try {
            window.exportDiagram(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void darkThemeApplies(FxRobot robot) throws Exception {
        robot.clickOn("#dark");
        robot.clickOn(flowRow(robot, FAR_FLOW));
        awaitDetail();
        assertTrue(Theme.isDark(window));
        assertTrue(Theme.isDark(window.diagram()));
        robot.interact(() -> Screenshots.save(window, "window-dark"));
    }

    /** The theme is a state of the roots: nodes deep inside (a table cell, a diagram box) follow it both ways. */
    @Test
    void theThemesColoursReachDeepNodesBothWays(FxRobot robot) throws Exception {
        robot.clickOn(flowRow(robot, FAR_FLOW));
        awaitDetail();
        List<Object> light = themeColours(robot);
        robot.clickOn("#dark");
        WaitForAsyncUtils.waitForFxEvents();
        List<Object> dark = themeColours(robot);
        robot.clickOn("#dark");
        WaitForAsyncUtils.waitForFxEvents();
        List<Object> lightAgain = themeColours(robot);
        for (int i = 0; i < light.size(); i++) {
            assertFalse(light.get(i).equals(dark.get(i)), "colour " + i + " the same in both themes: " + light.get(i));
        }
        assertEquals(light, lightAgain, "back to light");
    }

    /** The window's background, a flow cell's text, the table's background, a namespace box's fill. */
    private List<Object> themeColours(FxRobot robot) {
        Labeled cell = robot.lookup("#flows-table .tree-table-cell").queryAllAs(Labeled.class).stream()
                .filter(c -> c.getText() != null && !c.getText().isEmpty()).findFirst().orElseThrow();
        Region table = robot.lookup("#flows-table").queryAs(Region.class);
        Region box = robot.lookup(".namespace-box").queryAs(Region.class);
        return List.of(window.getBackground().getFills().get(0).getFill(), cell.getTextFill(),
                table.getBackground().getFills().get(0).getFill(), box.getBackground().getFills().get(0).getFill());
    }

    private Node conversationRow(FxRobot robot, ConversationRow conversation) {
        for (Node node : robot.lookup("#flows-table .tree-table-row-cell").queryAll()) {
            if (((TreeTableRow<?>) node).getItem() == conversation) {
                return node;
            }
        }
        throw new AssertionError("no row for " + conversation);
    }

    /** The text a row's cell in the named column shows. */
    private String cellText(FxRobot robot, ListedRow row, String column) {
        return cell(robot, row, column).getText();
    }

    private String cellTooltip(FxRobot robot, ListedRow row, String column) {
        return cell(robot, row, column).getTooltip().getText();
    }

    private TreeTableCell<?, ?> cell(FxRobot robot, ListedRow row, String column) {
        for (Node node : robot.lookup("#flows-table .tree-table-cell").queryAll()) {
            TreeTableCell<?, ?> cell = (TreeTableCell<?, ?>) node;
            if (cell.getTableRow() != null && cell.getTableRow().getItem() == row
                    && cell.getTableColumn().getText().equals(column)) {
                return cell;
            }
        }
        throw new AssertionError("no " + column + " cell for " + row);
    }

    /** The row of a flow, its conversation expanded so that it shows. */
    private Node flowRow(FxRobot robot, long flowId) {
        robot.interact(() -> window.flowsPane().reveal(flowId));
        for (Node node : robot.lookup("#flows-table .tree-table-row-cell").queryAll()) {
            Object item = ((TreeTableRow<?>) node).getItem();
            if (item instanceof FlowRow && ((FlowRow) item).getId() == flowId) {
                return node;
            }
        }
        throw new AssertionError("no row for flow " + flowId);
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<ListedRow> flowsTable(FxRobot robot) {
        return robot.lookup("#flows-table").queryAs(TreeTableView.class);
    }

    private long inode(String name) {
        for (HopEvent e : trace.events()) {
            if (trace.names().netnsName(e.netnsInode()).orElse("").equals(name)) {
                return e.netnsInode();
            }
        }
        throw new AssertionError("no namespace " + name);
    }

    /** A path's interfaces as "ifname@namespace", from the highlight's edges. */
    private List<String> interfaceNames(List<Highlight.PathEdge> edges) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (HopEvent e : trace.events()) {
            byId.put(DiagramGraph.idOf(e.netnsInode(), e.ifindex()),
                    e.ifname() + "@" + trace.names().netnsName(e.netnsInode()).orElse("?"));
        }
        return PathEdges.interfaces(edges, byId::get);
    }
}
