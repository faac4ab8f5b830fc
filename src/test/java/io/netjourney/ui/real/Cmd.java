package io.netjourney.ui.real;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a short command to its end and keeps what it printed; a command that overruns is ended by its pid. */
public final class Cmd {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private Cmd() {
    }

    /** What a finished command left: its exit status and output. */
    public record Result(List<String> command, int exit, String out, String err) {
        public boolean ok() {
            return exit == 0;
        }

        /** This result, or an exception naming the command, its status and what it printed on stderr. */
        public Result check() {
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exit
                        + (err.isBlank() ? "" : ": " + err.strip()));
            }
            return this;
        }
    }

    public static Result run(Map<String, String> env, String... command) {
        return run(env, DEFAULT_TIMEOUT, List.of(command));
    }

    public static Result run(Map<String, String> env, Duration timeout, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(List.copyOf(command), process.exitValue(), out.get(2, TimeUnit.SECONDS),
                    err.get(2, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + command.get(0), e);
        }
    }

    /** Reads a stream to its end on a background thread (so a chatty child never blocks on a full pipe). */
    static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, task -> {
            // a thread of its own: the common pool has one thread on two cores, and stdout and stderr must
            // drain at the same time
            Thread thread = new Thread(task, "cmd-drain");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** True when an executable of this name is on the PATH. */
    public static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
