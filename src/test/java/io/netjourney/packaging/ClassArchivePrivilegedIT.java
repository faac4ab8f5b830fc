package io.netjourney.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.lab.Privileged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up class archive (AppCDS) as packaging/setup records it and packaging/jvm-options passes it: a trace
 * started with it maps the capture's classes from the archive, and a stale archive costs nothing but the time.
 */
@Privileged
class ClassArchivePrivilegedIT {
    private static final Path JAR = ClassArchives.JAR;
    private static final String FROM_ARCHIVE = ClassArchives.FROM_ARCHIVE;

    @TempDir
    Path work;

    @Test
    void aTraceMapsTheCaptureClassesFromTheRecordedArchive() throws Exception {
        Path archive = work.resolve("netjourney.jsa");
        run(List.of("packaging/record-class-archive", JAR.toString(), archive.toString()));
        assertTrue(Files.size(archive) > 1_000_000, "archive of " + Files.size(archive) + " bytes");

        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(ClassArchives.jvmOptions("trace"));
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load", "-jar", JAR.toString(),
                "trace", "-q", "--duration", "100ms", "host 198.51.100.250"));
        String loaded = run(command);

        long mapped = loaded.lines().filter(l -> l.contains(FROM_ARCHIVE)).count();
        assertTrue(mapped > 500, mapped + " classes from the archive");
        assertTrue(loaded.lines().anyMatch(l -> l.contains("io.netjourney.capture.CaptureSession ")
                && l.contains(FROM_ARCHIVE)), "the capture's classes come from the archive");
    }

    @Test
    void theLaunchersOptionsNameTheArchiveOnlyWhenThereIsOne() throws Exception {
        Path checkout = work.resolve("checkout");
        Files.createDirectories(checkout.resolve("packaging"));
        Files.createDirectories(checkout.resolve("target"));
        Path script = checkout.resolve("packaging/jvm-options");
        Files.copy(Path.of("packaging/jvm-options"), script);
        Path archive = checkout.resolve("target/netjourney.jsa").toAbsolutePath();

        assertFalse(run(List.of(script.toString(), "trace")).contains("SharedArchiveFile"));
        Files.write(archive, new byte[] {1});
        assertTrue(run(List.of(script.toString(), "trace")).contains("-XX:SharedArchiveFile=" + archive));
        assertTrue(run(List.of(script.toString(), "gui")).contains("-XX:SharedArchiveFile=" + archive));
        // the window's own archive, once there is one, for the window only
        Path window = checkout.resolve("target/netjourney-gui.jsa").toAbsolutePath();
        Files.write(window, new byte[] {1});
        assertTrue(run(List.of(script.toString(), "gui")).contains("-XX:SharedArchiveFile=" + window));
        assertTrue(run(List.of(script.toString(), "trace")).contains("-XX:SharedArchiveFile=" + archive));

        // a damaged or stale archive: the JVM starts anyway, and says nothing about it
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(Arrays.asList(run(List.of(script.toString(), "trace")).strip().split(" ")));
        command.addAll(List.of("-jar", JAR.toString(), "--version"));
        assertTrue(run(command).startsWith("netjourney "), "the version, and nothing else");
    }

    /** Runs a command, stderr merged; returns its output; fails on a non-zero exit. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running: " + command);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + " failed:\n" + text);
        return text;
    }
}
