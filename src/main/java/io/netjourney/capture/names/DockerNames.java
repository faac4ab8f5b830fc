package io.netjourney.capture.names;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Docker containers: "docker:web" from /var/lib/docker/containers/ID/config.v2.json for a process in a
 * docker-ID.scope or /docker/ID cgroup (or a bare ID Docker has a config for), "docker:ID12" when the name
 * can't be read.
 */
final class DockerNames implements ContainerNameSource {
    private final Path dockerRoot;

    DockerNames(Path dockerRoot) {
        this.dockerRoot = dockerRoot;
    }

    @Override
    public Optional<String> label(ProcessInfo process) {
        for (ContainerRef container : process.containers()) {
            Optional<String> name = containerName(container.id());
            if (name.isPresent() || container.prefix().equals(ContainerRef.DOCKER)) {
                return Optional.of("docker:" + name.orElse(container.shortId()));
            }
        }
        return Optional.empty();
    }

    /** The top-level "Name" of a config.v2.json, without Docker's leading slash. */
    private Optional<String> containerName(String id) {
        return Json.readFile(dockerRoot.resolve("containers").resolve(id).resolve("config.v2.json"))
                .map(config -> config.path("Name").asText())
                .filter(name -> !name.isEmpty())
                .map(name -> name.startsWith("/") ? name.substring(1) : name);
    }
}
