package io.netjourney.capture.names;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Rootful Podman containers (cgroup libpod-ID.scope): "podman:web" from containers/storage's record of its
 * containers, /var/lib/containers/storage/overlay-containers/containers.json ({@code [{"id":..,"names":["web"]}]});
 * Podman's own database is not plain JSON. "podman:ID12" when the record can't be read.
 */
final class PodmanNames implements ContainerNameSource {
    private final Path containersJson;

    PodmanNames(Path storageRoot) {
        this.containersJson = storageRoot.resolve("overlay-containers").resolve("containers.json");
    }

    @Override
    public Optional<String> label(ProcessInfo process) {
        return process.containers().stream()
                .filter(container -> container.prefix().equals(ContainerRef.LIBPOD))
                .findFirst()
                .map(container -> "podman:" + containerName(container.id()).orElse(container.shortId()));
    }

    private Optional<String> containerName(String id) {
        for (JsonNode container : Json.readFile(containersJson).orElse(MissingNode.getInstance())) {
            if (container.path("id").asText().equals(id)) {
                String name = container.path("names").path(0).asText();
                return name.isEmpty() ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
