package io.netjourney.capture.names;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Docker container names for processes, from /proc/PID/cgroup and /var/lib/docker/containers/ID/config.v2.json. */
final class DockerNames {
    /** cgroup v2 "0::/system.slice/docker-ID.scope" and cgroup v1 "4:memory:/docker/ID". */
    private static final Pattern CONTAINER_ID = Pattern.compile("(?:docker-|/docker/)([0-9a-f]{64})(?![0-9a-f])");
    private static final int SHORT_ID = 12;

    private final Path dockerRoot;

    DockerNames(Path dockerRoot) {
        this.dockerRoot = dockerRoot;
    }

    /** "docker:web" for a process in a container, "docker:0123456789ab" when its name can't be read. */
    Optional<String> label(String cgroupText) {
        return containerId(cgroupText).map(id -> "docker:" + containerName(id).orElse(id.substring(0, SHORT_ID)));
    }

    static Optional<String> containerId(String cgroupText) {
        Matcher matcher = CONTAINER_ID.matcher(cgroupText);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The top-level "Name" of a config.v2.json, without Docker's leading slash. */
    static Optional<String> nameFromConfig(String configJson) {
        try {
            Object name = Json.object(Json.parse(configJson)).get("Name");
            if (name instanceof String text && !text.isEmpty()) {
                return Optional.of(text.startsWith("/") ? text.substring(1) : text);
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<String> containerName(String id) {
        Path config = dockerRoot.resolve("containers").resolve(id).resolve("config.v2.json");
        try {
            return nameFromConfig(Files.readString(config));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
