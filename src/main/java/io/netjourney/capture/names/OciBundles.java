package io.netjourney.capture.names;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The annotations of a container's OCI runtime config (config.json), where containerd, CRI-O and Podman keep
 * them: containerd's task bundles (RUN/containerd/io.containerd.runtime.v2.task/NAMESPACE/ID) and
 * containers/storage's per-container userdata directories, under /run and under /var/lib.
 */
final class OciBundles {
    private static final String CONFIG = "config.json";

    private final Path containerdTasks;
    private final List<Path> storageRoots;

    OciBundles(NamesRoots roots) {
        this.containerdTasks = roots.containerdTasks();
        this.storageRoots = List.of(roots.containersRunStorage(), roots.containersStorage());
    }

    /** The annotations of a container containerd runs now, in any of its namespaces (default, k8s.io, ...). */
    Optional<Map<String, String>> containerdAnnotations(String id) {
        for (Path namespace : SystemFiles.list(containerdTasks)) {
            Optional<Map<String, String>> annotations = annotationsIn(namespace.resolve(id).resolve(CONFIG));
            if (annotations.isPresent()) {
                return annotations;
            }
        }
        return Optional.empty();
    }

    /** The annotations of a container run by containerd, CRI-O or Podman. */
    Optional<Map<String, String>> annotations(String id) {
        Optional<Map<String, String>> annotations = containerdAnnotations(id);
        for (Path root : storageRoots) {
            if (annotations.isPresent()) {
                break;
            }
            annotations = annotationsIn(root.resolve("overlay-containers").resolve(id).resolve("userdata").resolve(CONFIG));
        }
        return annotations;
    }

    private static Optional<Map<String, String>> annotationsIn(Path config) {
        return Json.readFile(config).map(spec -> {
            Map<String, String> annotations = new HashMap<>();
            JsonNode node = spec.path("annotations");
            node.properties().forEach(entry -> annotations.put(entry.getKey(), entry.getValue().asText()));
            return annotations;
        });
    }
}
