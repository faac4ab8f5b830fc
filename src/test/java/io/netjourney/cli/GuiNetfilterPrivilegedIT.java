package io.netjourney.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.names.CommandRunner;
import io.netjourney.lab.Lab;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import io.netjourney.ui.MainWindow;
import io.netjourney.ui.model.FlowRow;
import io.netjourney.ui.model.HopRow;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's Netfilter toggle starts nftables' tracing through the session: the rule that dropped a ping is shown. */
@Privileged
@ExtendWith(ApplicationExtension.class)
class GuiNetfilterPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension("nj-gnf-");
    static final Lab LAB = LAB_UP.lab();
    private static final CommandRunner RUN = new CommandRunner();

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(true);
        stage.setScene(new Scene(window, 1400, 900));
        stage.show();
    }

    @Test
    void theRuleThatDroppedAPingIsInItsFlowsHopTable(FxRobot robot) throws Exception {
        String ctr2 = LAB.namespace(LabNode.CTR2);
        nft(ctr2, "add table inet nj_gnf");
        nft(ctr2, "add chain inet nj_gnf input { type filter hook input priority 0; policy accept; }");
        nft(ctr2, "add rule inet nj_gnf input icmp type echo-request drop");
        try {
            String target = LabNode.CTR2.ipv4();
            robot.interact(() -> window.controls().filterTextProperty().set("icmp and host " + target + " and netns "
                    + LAB.namespaceInode(LabNode.CTR2)));
            robot.clickOn("#netfilter");
            robot.clickOn("#start");
            waitUntil(() -> window.controls().statusProperty().get().contains("hooks"), 20);
            Thread.sleep(1_000); // nft monitor listens
            assertFalse(LAB.ping(LabNode.CTR1, target, 1).success(), "the rule drops the ping");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Optional<HopRow> verdict = Optional.empty();
            while (verdict.isEmpty() && System.nanoTime() < deadline) {
                Optional<FlowRow> flow = List.copyOf(window.model().flows()).stream()
                        .filter(r -> r.getDestination().equals(target)).findFirst();
                if (flow.isPresent()) {
                    long id = flow.get().getId();
                    robot.interact(() -> window.selectFlow(id));
                    WaitForAsyncUtils.waitForFxEvents();
                    List<HopRow> rows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(window.model().hopRows()))
                            .get(5, TimeUnit.SECONDS);
                    verdict = rows.stream().filter(r -> r.netfilter() != null && r.netfilter().verdict().equals("drop"))
                            .findFirst();
                }
                Thread.sleep(100);
            }
            assertTrue(verdict.isPresent(), "a drop verdict in the flow's hop table: " + window.model().hopRows());
            assertTrue(verdict.get().info().contains("inet nj_gnf input: icmp type echo-request drop"),
                    verdict.get().info());
            robot.clickOn("#stop");
            waitUntil(() -> !nft(ctr2, "list tables").contains("netjourney_trace"), 10);
        } finally {
            nft(ctr2, "delete table inet nj_gnf");
        }
    }

    private static String nft(String namespace, String statement) {
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", namespace, "nft"));
        command.addAll(List.of(statement.split(" (?![^{]*})")));
        return RUN.run(command).stdout();
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(50);
        }
    }
}
