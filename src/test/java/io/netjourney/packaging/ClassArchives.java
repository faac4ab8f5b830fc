package io.netjourney.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the class-archive tests share: the jar, how the JVM logs a class mapped from an archive, the options. */
public final class ClassArchives {
    public static final Path JAR = Path.of("target/netjourney.jar");
    /** How {@code -Xlog:class+load} marks a class that came from the dynamic archive. */
    public static final String FROM_ARCHIVE = "source: shared objects file (top)";

    private ClassArchives() {
    }

    /** The JVM options packaging/jvm-options gives a command, without an archive of their own. */
    public static List<String> jvmOptions(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("env", "NJ_NO_CLASS_ARCHIVE=1", "packaging/jvm-options", command)
                .redirectErrorStream(true).start();
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "packaging/jvm-options " + command
                + " failed: " + line);
        return Arrays.asList(line.split(" "));
    }
}
