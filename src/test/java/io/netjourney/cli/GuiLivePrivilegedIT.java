package io.netjourney.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.lab.BpfLinks;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import io.netjourney.ui.CaptureControls;
import io.netjourney.ui.MainWindow;
import io.netjourney.ui.Screenshots;
import io.netjourney.ui.diagram.Highlight;
import io.netjourney.ui.diagram.PathEdges;
import io.netjourney.ui.model.FlowRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window capturing live as root: pings in the lab appear as a flow within a second, and the highlighted path
 * is the command line's journey for the same packets.
 */
@Privileged
@ExtendWith(ApplicationExtension.class)
class GuiLivePrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension("nj-gui-");
    static final Lab LAB = LAB_UP.lab();

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(true);
        stage.setScene(new Scene(window, 1400, 900));
        stage.show();
    }

    @Test
    void aPingAppearsWithinASecondAndItsPathIsTheCommandLinesJourney(FxRobot robot) throws Exception {
        String target = LabNode.CTR1.ipv4();
        String filter = "icmp and host " + target;
        robot.interact(() -> window.controls().filterTextProperty().set(filter));
        robot.clickOn("#start");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!window.controls().statusProperty().get().contains("hooks")) {
            assertTrue(System.nanoTime() < deadline, "capture attached: " + window.controls().statusProperty().get());
            Thread.sleep(50);
        }
        assertEquals(CaptureControls.Mode.CAPTURING, window.controls().modeProperty().get());
        int links = BpfLinks.open();
        CompletableFuture<CliRun> cli = CompletableFuture.supplyAsync(() ->
                CliRun.of("trace", "-c", "6", "--duration", "20s", filter));
        BpfLinks.awaitMoreThan(links, Duration.ofSeconds(15)); // the command line's capture attaches too

        assertTrue(LAB.ping(LabNode.HOST, target, 1).success());
        long pinged = System.nanoTime();
        FlowRow row = null;
        while (row == null && System.nanoTime() - pinged < TimeUnit.SECONDS.toNanos(5)) {
            row = List.copyOf(window.model().flows()).stream()
                    .filter(r -> r.getDestination().equals(target)).findFirst()
                    .orElse(null);
            Thread.sleep(10);
        }
        long appearedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pinged);
        assertTrue(row != null, "the flow appeared");
        assertTrue(appearedMs <= 1_000, "the flow appeared within a second: " + appearedMs + " ms");
        long flowId = row.getId();
        robot.interact(() -> window.selectFlow(flowId));
        WaitForAsyncUtils.waitForFxEvents();
        // wait for the reply path too
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (window.diagram().getHighlight().reply().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        CliRun run = cli.get(30, TimeUnit.SECONDS);
        assertEquals(0, run.exitCode(), run.err());
        List<String> cliRequest = new ArrayList<>();
        List<String> cliReply = new ArrayList<>();
        for (String line : run.lines()) {
            String[] f = line.trim().replace("[", "").replace("]", "").trim().split("\\s+");
            String crossing = f[0] + ":" + f[1];
            (f[2].equals("request") ? cliRequest : cliReply).add(crossing);
        }
        assertEquals(List.of(LAB.namespaceInode(LabNode.HOST) + ":nj-gui-br0",
                LAB.namespaceInode(LabNode.HOST) + ":nj-gui-veth1", LAB.namespaceInode(LabNode.CTR1) + ":eth0"),
                cliRequest, "the command line's journey");

        Highlight highlight = window.diagram().getHighlight();
        assertEquals(cliRequest, crossings(highlight.request()), "the window's request path");
        assertEquals(cliReply, crossings(highlight.reply()), "the window's reply path");
        robot.interact(() -> Screenshots.save(window, "window-live-capture"));
        robot.clickOn("#stop");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CaptureControls.Mode.READY, window.controls().modeProperty().get());
    }

    /** A path as "inode:ifname" per interface, from the window's model. */
    private List<String> crossings(List<Highlight.PathEdge> edges) {
        return PathEdges.interfaces(edges, this::describe);
    }

    private String describe(String interfaceId) {
        var details = window.model().details(interfaceId).orElseThrow();
        return details.netnsInode() + ":" + Objects.requireNonNull(details.name());
    }
}
