package io.netjourney.filter;

import io.netjourney.capture.names.NamespaceNames;
import java.util.Map;
import java.util.Set;

/** The namespaces that {@code netns NAME} and {@code container NAME} can name: those that exist now. */
@FunctionalInterface
public interface NamespaceDirectory {
    /** No namespace known by name: only inodes can be given. */
    NamespaceDirectory NONE = Map::of;

    /** This machine's namespaces under the names {@code -n} shows, scanned when a filter names one. */
    NamespaceDirectory THIS_MACHINE = () -> new NamespaceNames().inodesByName();

    /** Each namespace's inodes by its name: "nj-ctr1", "host", "docker:web1", "pod:default/web". */
    Map<String, Set<Long>> inodesByName();
}
