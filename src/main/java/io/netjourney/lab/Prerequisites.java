package io.netjourney.lab;

import io.netjourney.capture.names.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the lab needs from this machine: root and iproute2. */
public final class Prerequisites {
    public static final String NEEDS_ROOT = "netjourney lab needs root: run with sudo";
    public static final String NEEDS_IPROUTE2 = "iproute2 missing: apt-get install iproute2";

    private Prerequisites() {
    }

    /** True when this process's effective uid is 0. */
    public static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+"))
                    .anyMatch(fields -> fields.length > 2 && fields[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The first missing prerequisite, as a message a person can act on. */
    public static Optional<String> problem() {
        if (!isRoot()) {
            return Optional.of(NEEDS_ROOT);
        }
        if (CommandRunner.which("ip").isEmpty()) {
            return Optional.of(NEEDS_IPROUTE2);
        }
        return Optional.empty();
    }

    /** Throws a {@link LabException} naming the first missing prerequisite. */
    public static void check() {
        problem().ifPresent(message -> {
            throw new LabException(message);
        });
    }
}
