package io.netjourney.ui.feed;

import io.netjourney.lab.Lab;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.LabPing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The window's "lab" toggle: brings the built-in lab up and keeps one ping running per path in it (host → container,
 * container → container, across the router, IPv4 and IPv6, two echoes a second each), so a newcomer sees journeys at
 * once and each path's conversation accumulates statistics; closing it ends the pings and removes the lab. When the
 * lab's namespaces are removed by someone else, it stops by itself, removes what is left and says so. Runs on its own
 * thread; its listener is called from that thread.
 */
public final class LabActivity implements RunningLab {
    private static final long ROUND_MS = 1_000;
    private static final Duration PING_INTERVAL = Duration.ofMillis(500);
    /** How long {@link #close()} waits for the pings to end and the lab to be removed. */
    private static final long CLOSE_WAIT_MS = 10_000;
    private static final List<Ping> PATHS = List.of(
            new Ping(LabNode.HOST, LabNode.CTR1.ipv4()),
            new Ping(LabNode.CTR1, LabNode.CTR2.ipv4()),
            new Ping(LabNode.CTR1, LabNode.FAR.ipv4()),
            new Ping(LabNode.HOST, LabNode.CTR1.ipv6()),
            new Ping(LabNode.CTR2, LabNode.FAR.ipv6()));

    private record Ping(LabNode from, String to) {
    }

    /** What happens to the lab, told from the lab's thread. */
    public interface Listener {
        /** The lab is up and pings run. */
        void up();

        /** The lab stopped by itself: its namespaces vanished, or it could not be built; {@code why} says so. */
        void ended(String why);

        /** The lab was removed (after {@link #close()} or after it ended by itself). */
        void removed();

        /** Removing the lab failed; {@code problem} says how to clean up by hand. */
        void problem(String problem);
    }

    private final Lab lab;
    private final Listener listener;
    private final Thread thread;
    private final Object wakeup = new Object();
    /** Removes the lab when the process is ended by a signal (SIGTERM, SIGINT, SIGHUP) rather than the window. */
    private final Thread onExit = new Thread(this::close, "netjourney-lab-exit");
    private volatile boolean stopping;
    /** The running pings, one per path (touched by the lab's thread only). */
    private final List<LabPing> pings = new ArrayList<>();

    public LabActivity(Lab lab, Listener listener) {
        this.lab = lab;
        this.listener = listener;
        this.thread = new Thread(this::run, "netjourney-lab");
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        Runtime.getRuntime().addShutdownHook(onExit);
        thread.start();
    }

    private void run() {
        try {
            lab.up();
            listener.up();
            while (!stopping) {
                List<String> missing = lab.missingNamespaces();
                if (!missing.isEmpty()) {
                    listener.ended("the lab's namespaces were removed (" + String.join(", ", missing)
                            + " gone): Lab turned off");
                    break;
                }
                keepPinging();
                pause();
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                listener.ended("lab: " + e.getMessage());
            }
        } finally {
            endPings();
            remove();
        }
    }

    /** Starts the path's ping where none runs yet, or where one ended. */
    private void keepPinging() {
        for (int i = 0; i < PATHS.size() && !stopping; i++) {
            if (i == pings.size()) {
                pings.add(lab.startPing(PATHS.get(i).from(), PATHS.get(i).to(), PING_INTERVAL));
            } else if (!pings.get(i).isAlive()) {
                pings.get(i).close();
                pings.set(i, lab.startPing(PATHS.get(i).from(), PATHS.get(i).to(), PING_INTERVAL));
            }
        }
    }

    private void endPings() {
        for (LabPing ping : pings) {
            ping.close();
        }
        pings.clear();
    }

    /** Waits a round, or until {@link #close()} wakes it. Never interrupted: the commands after it must run. */
    private void pause() {
        synchronized (wakeup) {
            long until = System.currentTimeMillis() + ROUND_MS;
            long left;
            while (!stopping && (left = until - System.currentTimeMillis()) > 0) {
                try {
                    wakeup.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void remove() {
        try {
            lab.down();
            listener.removed();
        } catch (RuntimeException e) {
            listener.problem("lab could not be removed: " + e.getMessage() + " (run 'sudo netjourney lab down')");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException exiting) {
                // the process is already exiting: the hook is what runs this
            }
        }
    }

    /** Whether the lab's thread is still running (pinging, or removing the lab). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops the pings and removes the lab; waits for it (a few seconds at most). */
    @Override
    public void close() {
        stopping = true;
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
        try {
            thread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
