package io.netjourney.lab;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A ping that runs in a lab namespace until closed ({@link Lab#startPing}): one echo id for its whole life, so its
 * packets make one flow whose statistics accumulate. Its output goes nowhere. Closing ends it (SIGTERM, then SIGKILL)
 * and reaps it, so no process is left behind.
 */
public final class LabPing implements AutoCloseable {
    private static final long END_WAIT_MS = 1_000;

    private final Process process;

    private LabPing(Process process) {
        this.process = process;
    }

    static LabPing start(List<String> command) {
        try {
            return new LabPing(new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            throw new LabException("could not start " + String.join(" ", command) + ": " + e.getMessage());
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Ends the ping and waits for it to be gone; fine when it already ended. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(END_WAIT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(END_WAIT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
