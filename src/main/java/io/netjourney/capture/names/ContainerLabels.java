package io.netjourney.capture.names;

import java.util.List;
import java.util.Optional;

/**
 * The container label of a process from the first runtime that claims it. Kubernetes comes first because a
 * pod's containers are also containerd's, CRI-O's or Docker's; the runtimes that need their own cgroup prefix
 * or store follow; LXC and machined, which only read the cgroup name, come last.
 */
final class ContainerLabels implements ContainerNameSource {
    private final List<ContainerNameSource> sources;

    ContainerLabels(List<ContainerNameSource> sources) {
        this.sources = List.copyOf(sources);
    }

    static ContainerLabels standard(NamesRoots roots) {
        OciBundles bundles = new OciBundles(roots);
        return new ContainerLabels(List.of(
                new KubernetesNames(bundles),
                new DockerNames(roots.docker()),
                new PodmanNames(roots.containersStorage()),
                new ContainerdNames(bundles),
                new LxcNames(),
                new MachineNames(roots.systemdMachines())));
    }

    @Override
    public Optional<String> label(ProcessInfo process) {
        for (ContainerNameSource source : sources) {
            Optional<String> label = source.label(process);
            if (label.isPresent()) {
                return label;
            }
        }
        return Optional.empty();
    }
}
