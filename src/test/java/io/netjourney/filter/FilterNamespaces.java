package io.netjourney.filter;

import java.util.Map;
import java.util.Set;

/** A fixed set of namespaces for filters that name them, as NamespaceNames would list them. */
final class FilterNamespaces {
    static final long HOST = 4026531840L;
    static final long CTR1 = 4026532300L;
    static final long DOCKER_WEB1 = 4026532400L;
    static final long PODMAN_WEB1 = 4026532401L;
    static final long POD_API = 4026532500L;
    static final long SSHD = 4026532600L;

    static final NamespaceDirectory DIRECTORY = () -> Map.of(
            "host", Set.of(HOST),
            "nj-ctr1", Set.of(CTR1),
            "docker:web1", Set.of(DOCKER_WEB1),
            "podman:web1", Set.of(PODMAN_WEB1),
            "pod:default/api", Set.of(POD_API),
            "pid 77 (sshd)", Set.of(SSHD));

    private FilterNamespaces() {
    }

    static Filter parse(String expression) {
        return FilterParser.parse(expression, DIRECTORY);
    }
}
