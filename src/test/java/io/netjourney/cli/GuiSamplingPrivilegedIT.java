package io.netjourney.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import io.netjourney.ui.MainWindow;
import io.netjourney.ui.Screenshots;
import io.netjourney.ui.diagram.DiagramGraph;
import io.netjourney.ui.model.ConversationRow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window under a flood on real hooks: the kernel goes on counting every packet and sends only 1 in N, the status
 * bar says so, the conversation's packets seen are the exact count, and every packet is sent again once it is calm.
 */
@Privileged
@ExtendWith(ApplicationExtension.class)
class GuiSamplingPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension("nj-gs-");
    static final Lab LAB = LAB_UP.lab();
    private static final int ECHOES = 30_000;
    private static final String SAMPLING = "a flood: the kernel sends 1 in ";

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(true);
        stage.setScene(new Scene(window, 1400, 900));
        stage.show();
    }

    @Test
    void aFloodIsSampledInTheKernelSaidSoAndCountedExactly(FxRobot robot) throws Exception {
        String target = LabNode.CTR1.ipv4();
        robot.interact(() -> window.controls().filterTextProperty().set("icmp and host " + target + " and (netns "
                + LAB.namespace(LabNode.HOST) + " or netns " + LAB.namespace(LabNode.CTR1) + ")"));
        robot.clickOn("#start");
        awaitStatus(s -> s.contains("hooks"), Duration.ofSeconds(20), "capture attached");

        AtomicReference<String> sampled = new AtomicReference<>();
        CompletableFuture<Boolean> flood = CompletableFuture.supplyAsync(
                () -> LAB.ping(LabNode.HOST, target, ECHOES, Duration.ZERO).success());
        while (!flood.isDone()) {
            String status = window.controls().statusProperty().get();
            if (status.contains(SAMPLING)) {
                sampled.set(status);
            }
            Thread.sleep(20);
        }
        assertTrue(flood.get(), "the flood's echoes all answered");
        assertTrue(sampled.get() != null, "the status bar said the kernel sampled");
        System.out.println("status while flooding: " + sampled.get());
        robot.interact(() -> Screenshots.save(window, "window-sampling"));

        long expected = 2L * ECHOES;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long seen = 0;
        while (seen != expected && System.nanoTime() < deadline) {
            seen = seenOf(target);
            Thread.sleep(50);
        }
        assertEquals(expected, seen, "every echo and reply counted, though only some were sent");
        String eth0 = DiagramGraph.idOf(LAB.namespaceInode(LabNode.CTR1), 2);
        long crossings = window.model().interfaceDetails(eth0).orElseThrow().counts().crossings();
        assertTrue(crossings >= expected, "the container's eth0 counted every echo in and reply out: " + crossings);

        awaitStatus(s -> !s.contains(SAMPLING), Duration.ofSeconds(15), "every packet sent again once calm");

        // Clear: the conversations' counts start again with the view
        robot.interact(window::clearView);
        assertTrue(LAB.ping(LabNode.HOST, target, 10, Duration.ofMillis(20)).success());
        long cleared = 0;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (cleared != 20 && System.nanoTime() < deadline) {
            cleared = seenOf(target);
            Thread.sleep(50);
        }
        assertEquals(20, cleared, "10 echoes and their replies after Clear, not the flood before it");
        robot.clickOn("#stop");
    }

    /** The packets seen of the conversation with {@code address} at one end, 0 when there is none. */
    private long seenOf(String address) {
        return List.copyOf(window.model().conversations()).stream()
                .filter(r -> r.getDestination().equals(address) || r.getSource().equals(address))
                .mapToLong(ConversationRow::getSeen).max().orElse(0);
    }

    private void awaitStatus(Predicate<String> condition, Duration limit, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.test(window.controls().statusProperty().get())) {
            assertTrue(System.nanoTime() < deadline, what + ": " + window.controls().statusProperty().get());
            Thread.sleep(50);
        }
    }
}
