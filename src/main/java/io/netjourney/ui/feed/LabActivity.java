package io.netjourney.ui.feed;

import io.netjourney.lab.Lab;
import io.netjourney.lab.LabNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * The window's "lab" toggle: brings the built-in lab up and keeps pings running in it (host → container,
 * container → container, across the router, IPv4 and IPv6, one round a second) so a newcomer sees journeys at
 * once; stopping removes the lab. Runs on its own thread.
 */
public final class LabActivity implements AutoCloseable {
    private static final long ROUND_MS = 1_000;
    private static final List<Ping> ROUND = List.of(
            new Ping(LabNode.HOST, LabNode.CTR1.ipv4()),
            new Ping(LabNode.CTR1, LabNode.CTR2.ipv4()),
            new Ping(LabNode.CTR1, LabNode.FAR.ipv4()),
            new Ping(LabNode.HOST, LabNode.CTR1.ipv6()),
            new Ping(LabNode.CTR2, LabNode.FAR.ipv6()));

    private record Ping(LabNode from, String to) {
    }

    private final Lab lab;
    private final Consumer<String> onProblem;
    private final Thread thread;
    private volatile boolean stopping;

    public LabActivity(Lab lab, Consumer<String> onProblem) {
        this.lab = lab;
        this.onProblem = onProblem;
        this.thread = new Thread(this::run, "netjourney-lab");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            lab.up();
            while (!stopping) {
                for (Ping ping : ROUND) {
                    if (!stopping) {
                        lab.ping(ping.from(), ping.to(), 1);
                    }
                }
                Thread.sleep(ROUND_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            onProblem.accept("lab: " + e.getMessage());
        } finally {
            try {
                lab.down();
            } catch (RuntimeException e) {
                onProblem.accept("lab could not be removed: " + e.getMessage() + " (run 'netjourney lab down')");
            }
        }
    }

    /** Stops the pings and removes the lab; waits for it. */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
