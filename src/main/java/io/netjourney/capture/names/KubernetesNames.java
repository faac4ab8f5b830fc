package io.netjourney.capture.names;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes pods: "pod:NAMESPACE/NAME" from the annotations the CRI runtime writes into a pod container's
 * OCI config: CRI-O's io.kubernetes.pod.name / .namespace, containerd's io.kubernetes.cri.sandbox-name /
 * -namespace.
 */
final class KubernetesNames implements ContainerNameSource {
    private static final List<String> NAME_KEYS = List.of("io.kubernetes.pod.name", "io.kubernetes.cri.sandbox-name");
    private static final List<String> NAMESPACE_KEYS =
            List.of("io.kubernetes.pod.namespace", "io.kubernetes.cri.sandbox-namespace");

    private final OciBundles bundles;

    KubernetesNames(OciBundles bundles) {
        this.bundles = bundles;
    }

    @Override
    public Optional<String> label(ProcessInfo process) {
        for (ContainerRef container : process.containers()) {
            Map<String, String> annotations = bundles.annotations(container.id()).orElse(Map.of());
            Optional<String> name = first(annotations, NAME_KEYS);
            Optional<String> namespace = first(annotations, NAMESPACE_KEYS);
            if (name.isPresent() && namespace.isPresent()) {
                return Optional.of("pod:" + namespace.get() + "/" + name.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(Map<String, String> annotations, List<String> keys) {
        return keys.stream().map(annotations::get).filter(value -> value != null && !value.isEmpty()).findFirst();
    }
}
