package io.netjourney.ui.real;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.packaging.ClassArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's class archive as packaging/record-window-archive records it (the window on an X server of its own,
 * then stopped): the next window started with it maps JavaFX's and netjourney's view classes from it.
 */
@RealDisplay
class WindowClassArchiveRealDisplayIT {
    private static final Path JAR = ClassArchives.JAR;
    private static final Path TRACE = Path.of("src/test/resources/fixtures/lab-pings.njt");
    private static final String FROM_ARCHIVE = ClassArchives.FROM_ARCHIVE;

    @TempDir
    Path work;

    @Test
    void theWindowMapsJavaFxAndItsViewsFromTheRecordedArchive() throws Exception {
        Path archive = work.resolve("netjourney-gui.jsa");
        Process record = new ProcessBuilder("packaging/record-window-archive", JAR.toString(), archive.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("record.log").toFile()).start();
        assertTrue(record.waitFor(60, TimeUnit.SECONDS), "record-window-archive still runs after 60 s");
        assertTrue(record.exitValue() == 0 && Files.size(archive) > 10_000_000, "exit " + record.exitValue()
                + ", " + (Files.exists(archive) ? Files.size(archive) + " bytes" : "no archive") + ": "
                + Files.readString(work.resolve("record.log")));

        Path loaded = work.resolve("class-load.log");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(ClassArchives.jvmOptions("gui"));
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load:file=" + loaded,
                "-Djava.util.prefs.userRoot=" + work.resolve("prefs"), "-jar", JAR.toString(), "gui",
                TRACE.toString()));
        try (XServer x = XServer.start()) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("gui.log").toFile());
            builder.environment().putAll(x.env());
            Process gui = builder.start();
            try {
                x.waitForWindow("^netjourney", Duration.ofSeconds(20));
            } finally {
                gui.destroy();
                gui.waitFor(10, TimeUnit.SECONDS);
                gui.destroyForcibly();
            }
        }
        List<String> lines = Files.readAllLines(loaded);
        for (String name : List.of("javafx.scene.control.skin.TableViewSkin", "com.sun.glass.ui.gtk.GtkApplication",
                "io.netjourney.ui.MainWindow", "io.netjourney.ui.diagram.JourneyDiagramSkin")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(" " + name + " ") && l.contains(FROM_ARCHIVE)),
                    name + " from the archive; " + lines.stream().filter(l -> l.contains(" " + name + " ")).toList());
        }
        long mapped = lines.stream().filter(l -> l.contains(FROM_ARCHIVE)).count();
        System.out.println("the window's start: " + mapped + " of " + lines.size() + " classes from its archive");
    }
}
