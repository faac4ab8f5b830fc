package io.netjourney.filter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The inodes a namespace or container name stands for, from a {@link NamespaceDirectory} asked once, when a filter
 * first names one. A container is a namespace named "RUNTIME:NAME" ({@link #RUNTIMES}).
 */
final class NamespaceResolver {
    /** The prefixes of container namespaces' names, as {@code -n} shows them. */
    static final List<String> RUNTIMES = List.of("docker", "podman", "nerdctl", "pod", "lxc", "machine");
    private static final int MAX_LISTED = 20;

    private final NamespaceDirectory directory;
    private Map<String, Set<Long>> known;

    NamespaceResolver(NamespaceDirectory directory) {
        this.directory = directory;
    }

    /** The inodes of the namespaces with this name; empty when none has it. */
    Set<Long> namespace(String name) {
        return known().getOrDefault(name, Set.of());
    }

    /** The inodes of the namespaces named "RUNTIME:" + name for any runtime; empty when none. */
    Set<Long> container(String name) {
        Set<Long> inodes = new TreeSet<>();
        for (String runtime : RUNTIMES) {
            inodes.addAll(namespace(runtime + ":" + name));
        }
        return inodes;
    }

    /** For an error: the names a filter can give, "host, nj-ctr1, ..." or "none". */
    String knownNamespaces() {
        return listed(known().keySet().stream().filter(NamespaceResolver::typeable).toList());
    }

    /** For an error: the containers' names with their runtimes, "docker:web1, pod:default/web" or "none". */
    String knownContainers() {
        return listed(known().keySet().stream().filter(NamespaceResolver::typeable)
                .filter(name -> RUNTIMES.contains(name.substring(0, Math.max(0, name.indexOf(':'))))).toList());
    }

    private Map<String, Set<Long>> known() {
        if (known == null) {
            known = directory.inodesByName();
        }
        return known;
    }

    /** A name that is one word of a filter ("pid 1234 (sshd)" is not: give its inode). */
    private static boolean typeable(String name) {
        return name.chars().noneMatch(c -> Character.isWhitespace(c) || "()!&|".indexOf(c) >= 0);
    }

    private static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        String shown = names.stream().sorted().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return names.size() > MAX_LISTED ? shown + " and " + (names.size() - MAX_LISTED) + " more" : shown;
    }
}
