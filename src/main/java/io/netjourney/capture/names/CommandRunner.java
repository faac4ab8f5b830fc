package io.netjourney.capture.names;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs external tools (ip, nsenter, ping) with a timeout, capturing stdout and stderr. */
public final class CommandRunner {
    private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private final Duration timeout;

    public CommandRunner() {
        this(Duration.ofSeconds(15));
    }

    public CommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs the command and returns its result whatever its exit code; throws if it can't start or times out. */
    public CommandResult run(List<String> command) {
        return run(command, timeout);
    }

    public CommandResult run(List<String> command, Duration limit) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("nj-cmd", ".out");
            err = Files.createTempFile("nj-cmd", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new CommandException("`" + String.join(" ", command) + "` timed out after " + limit);
            }
            return new CommandResult(command, process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandException("cannot run `" + String.join(" ", command) + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while running `" + String.join(" ", command) + "`", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Runs the command and returns its stdout; a non-zero exit is a {@link CommandException} with stderr. */
    public String check(List<String> command) {
        CommandResult result = run(command);
        if (!result.ok()) {
            throw CommandException.failed(result);
        }
        return result.stdout();
    }

    public String check(String... command) {
        return check(List.of(command));
    }

    /** Finds an executable on PATH or in the usual system directories (root's tools live in sbin). */
    public static Optional<Path> which(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream()
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
