package io.netjourney.capture.names;

import java.nio.file.Path;

/**
 * Where names come from; tests point these at a fake tree.
 *
 * @param proc /proc
 * @param run /run: netns names, containerd's task bundles, CRI-O's and Podman's run state, systemd's machines
 * @param varLib /var/lib: Docker's and Podman's container stores
 */
public record NamesRoots(Path proc, Path run, Path varLib) {

    public static NamesRoots system() {
        return under(Path.of("/"));
    }

    /** The system layout below {@code root}: root/proc, root/run, root/var/lib. */
    public static NamesRoots under(Path root) {
        return new NamesRoots(root.resolve("proc"), root.resolve("run"), root.resolve("var/lib"));
    }

    /** iproute2's named namespaces. */
    public Path runNetns() {
        return run.resolve("netns");
    }

    /** Docker's containers/ID/config.v2.json live here. */
    public Path docker() {
        return varLib.resolve("docker");
    }

    /** Podman's (and CRI-O's) containers/storage graph root: overlay-containers/containers.json. */
    public Path containersStorage() {
        return varLib.resolve("containers/storage");
    }

    /** containers/storage's run root, where CRI-O keeps each container's OCI bundle. */
    public Path containersRunStorage() {
        return run.resolve("containers/storage");
    }

    /** containerd's running tasks: NAMESPACE/ID/config.json, one OCI bundle each. */
    public Path containerdTasks() {
        return run.resolve("containerd/io.containerd.runtime.v2.task");
    }

    /** systemd-machined's registry: one file per machine, with its LEADER pid. */
    public Path systemdMachines() {
        return run.resolve("systemd/machines");
    }
}
