package io.netjourney.capture.names;

import java.nio.file.Path;

/** Where names come from; tests point these at a fake tree. */
public record NamesRoots(Path runNetns, Path proc, Path docker) {

    public static NamesRoots system() {
        return new NamesRoots(Path.of("/run/netns"), Path.of("/proc"), Path.of("/var/lib/docker"));
    }

    /** The system layout below {@code root}: root/run/netns, root/proc, root/var/lib/docker. */
    public static NamesRoots under(Path root) {
        return new NamesRoots(root.resolve("run/netns"), root.resolve("proc"), root.resolve("var/lib/docker"));
    }
}
