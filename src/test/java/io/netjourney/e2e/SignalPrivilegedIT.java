package io.netjourney.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.lab.Privileged;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ctrl-C and SIGTERM stop a trace cleanly: the capture loop ends, detaches and prints the summary. */
@Privileged
class SignalPrivilegedIT {

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalEndsTheTraceWithItsSummary(String signal, @TempDir Path dir) throws Exception {
        Path err = dir.resolve("stderr");
        // as from a terminal: a test runner started in the background may have SIGINT ignored, which the
        // JVM would inherit; python resets it to the default before it becomes the JVM
        Process trace = new ProcessBuilder("python3", "-c", "import os, signal, sys; "
                + "signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.netjourney.cli.Main", "trace", "-v",
                "icmp and host 198.51.100.99")
                .redirectError(err.toFile()).start();
        try {
            waitForAttach(trace);
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(trace.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(trace.waitFor(10, TimeUnit.SECONDS), "trace stopped on SIG" + signal);
            String stderr = Files.readString(err);
            assertTrue(stderr.contains("0 packets, 0 crossings, 0 flows, 0 events lost"), stderr);
            assertTrue(!stderr.contains("Exception"), stderr);
            assertEquals(signal.equals("INT") ? 130 : 143, trace.exitValue(), "the usual exit status for the signal");
        } finally {
            trace.destroyForcibly();
        }
    }

    /** Waits until the BPF programs are loaded (the trace has attached). */
    private static void waitForAttach(Process trace) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (netjourneyProgramsLoaded().isEmpty()) {
            assertTrue(trace.isAlive(), "trace still running");
            assertTrue(System.nanoTime() < deadline, "trace attached within 20 s");
            Thread.sleep(100);
        }
    }

    /** The trace's command line while it holds BPF program fds (from /proc/PID/fdinfo), else nothing. */
    static List<String> netjourneyProgramsLoaded() throws Exception {
        Process p = new ProcessBuilder("sh", "-c",
                "grep -ls 'prog_type' /proc/[0-9]*/fdinfo/* 2>/dev/null | while read f; do "
                        + "pid=${f#/proc/}; pid=${pid%%/*}; tr '\\0' ' ' < /proc/$pid/cmdline; echo; done")
                .start();
        String out;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            out = in.lines().filter(l -> l.contains("io.netjourney.cli.Main trace -v icmp and host 198.51.100.99"))
                    .findFirst().orElse("");
        }
        p.waitFor(10, TimeUnit.SECONDS);
        return out.isEmpty() ? List.of() : List.of(out);
    }
}
