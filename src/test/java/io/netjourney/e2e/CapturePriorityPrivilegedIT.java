package io.netjourney.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.CaptureSession;
import io.netjourney.capture.FilterProgram;
import io.netjourney.filter.FilterParser;
import io.netjourney.filter.KernelFilter;
import io.netjourney.lab.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A capturing process (every thread: reader, collector, compiler) gets a larger share of a contended CPU. */
@Privileged
class CapturePriorityPrivilegedIT {
    @Test
    void aCapturingProcessRunsAtNiceMinusTen() throws Exception {
        FilterProgram filter = KernelFilter.compile(FilterParser.parse("icmp and host 198.51.100.250")).program();
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        Thread capture = new Thread(() -> {
            try (CaptureSession session = CaptureSession.start(CaptureSession.Options.of(filter), e -> { })) {
                session.poll(0);
                nice.complete(niceOfThisThread());
            } catch (Exception | Error e) {
                nice.completeExceptionally(e);
            }
        }, "capture");
        capture.start();
        assertEquals(-10, nice.get(30, TimeUnit.SECONDS));
        capture.join();
        assertEquals(-10, niceOfThisThread(), "a thread that did not start the capture (the collector's likewise)");
    }

    /** Field 19 of /proc/thread-self/stat, after the command name (which may hold spaces) in parentheses. */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
