package io.netjourney.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Counts a benchmark's operations against CPU time, and prints after each iteration the events per CPU-second of
 * the benchmark thread and of the whole JVM (garbage collector and compiler threads included). On a machine whose
 * cores other work shares, JMH's ops/s (per second of wall time) falls with the load; per CPU-second it does not,
 * and the whole-JVM figure is what one core of its own would do.
 */
@State(Scope.Thread)
public class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Incremented by the benchmark once per event. */
    public long events;
    private long threadStartNs;
    private long processStartNs;
    private long wallStartNs;

    @Setup(Level.Iteration)
    public void start() {
        events = 0;
        wallStartNs = System.nanoTime();
        threadStartNs = THREADS.getCurrentThreadCpuTime();
        processStartNs = OS.getProcessCpuTime();
    }

    @TearDown(Level.Iteration)
    public void report() {
        double thread = (THREADS.getCurrentThreadCpuTime() - threadStartNs) / 1e9;
        double process = (OS.getProcessCpuTime() - processStartNs) / 1e9;
        double wall = (System.nanoTime() - wallStartNs) / 1e9;
        System.out.printf(Locale.ROOT, "  [cpu: %.0f events/s of benchmark-thread CPU, %.0f events/s of JVM CPU,"
                + " %.0f%% of the wall time on the thread]%n", events / thread, events / process, 100 * thread / wall);
    }
}
