package io.netjourney.ui.real;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads grouped by what they do (the journey model, the FX thread, the renderer...) and of
 * another process (the load generator), between {@link #start} and {@link #report}: who takes the 2 cores while the
 * window is under load. Benchmarks only.
 */
final class ThreadCpu {
    /** Thread name prefixes, in report order, and what to call them; the rest count as "other". */
    private static final Map<String, String> GROUPS = Map.of(
            "netjourney-model", "model",
            "JavaFX Application Thread", "FX",
            "QuantumRenderer", "render",
            "netjourney-session", "session",
            "diagram-layout", "layout");
    private static final String[] ORDER = {"model", "FX", "render", "session", "layout", "other"};
    private static final long CLOCK_TICK_NS = 10_000_000L; // USER_HZ = 100 on Linux

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long otherPid;
    private Map<String, Long> atStart;
    private long otherAtStart;
    private long startedNs;

    ThreadCpu(long otherPid) {
        this.otherPid = otherPid;
    }

    void start() {
        atStart = byGroup();
        otherAtStart = processCpuNs(otherPid);
        startedNs = System.nanoTime();
    }

    /** "model 14 %, FX 12 %, ... ; ping 45 %": percent of one core over the time since {@link #start}. */
    String report(String otherName) {
        double elapsed = System.nanoTime() - startedNs;
        Map<String, Long> now = byGroup();
        StringBuilder out = new StringBuilder();
        for (String group : ORDER) {
            long used = now.getOrDefault(group, 0L) - atStart.getOrDefault(group, 0L);
            out.append(String.format(Locale.ROOT, "%s %.0f %%, ", group, 100 * used / elapsed));
        }
        long other = processCpuNs(otherPid) - otherAtStart;
        return out.append(String.format(Locale.ROOT, "%s %.0f %%", otherName, 100 * other / elapsed)).toString();
    }

    private Map<String, Long> byGroup() {
        Map<String, Long> used = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                used.merge(group(info.getThreadName()), cpu, Long::sum);
            }
        }
        return used;
    }

    private static String group(String threadName) {
        return GROUPS.entrySet().stream().filter(g -> threadName.startsWith(g.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other");
    }

    /** utime + stime of a process from /proc/PID/stat, ns; 0 once it is gone. */
    private static long processCpuNs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_NS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
