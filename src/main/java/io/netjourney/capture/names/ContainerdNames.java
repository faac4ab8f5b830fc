package io.netjourney.capture.names;

import java.util.Map;
import java.util.Optional;

/**
 * containerd containers: "nerdctl:web" from the nerdctl/name annotation nerdctl puts in the OCI config,
 * "containerd:ID12" for another client's container (ctr, or a Kubernetes one without pod annotations).
 * A process is in one when its cgroup is cri-containerd-ID.scope or nerdctl-ID.scope, or containerd runs a
 * task with one of its cgroup's ids (cgroupfs layouts such as /default/ID).
 */
final class ContainerdNames implements ContainerNameSource {
    private static final String NERDCTL_NAME = "nerdctl/name";

    private final OciBundles bundles;

    ContainerdNames(OciBundles bundles) {
        this.bundles = bundles;
    }

    @Override
    public Optional<String> label(ProcessInfo process) {
        for (ContainerRef container : process.containers()) {
            Optional<Map<String, String>> annotations = bundles.containerdAnnotations(container.id());
            boolean containerdScope = container.prefix().equals(ContainerRef.CRI_CONTAINERD)
                    || container.prefix().equals(ContainerRef.NERDCTL);
            if (annotations.isPresent() || containerdScope) {
                String name = annotations.orElse(Map.of()).getOrDefault(NERDCTL_NAME, "");
                return Optional.of(name.isEmpty() ? "containerd:" + container.shortId() : "nerdctl:" + name);
            }
        }
        return Optional.empty();
    }
}
