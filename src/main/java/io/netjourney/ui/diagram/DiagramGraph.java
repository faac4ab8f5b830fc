package io.netjourney.ui.diagram;

import java.util.List;
import java.util.Set;

/**
 * What the journey diagram draws: network namespaces (boxes), their interfaces (nodes) and the device-to-device
 * transitions observed (links), and which of those namespaces and interfaces no longer exist on the machine
 * ({@code goneNamespaces}, {@code goneInterfaces}: drawn greyed as "deleted"). An immutable snapshot; a newer
 * snapshot usually only adds to an older one's lists (in order), so the layout can stay stable as nodes appear.
 */
public record DiagramGraph(List<Namespace> namespaces, List<Interface> interfaces, List<Link> links,
                           Set<Long> goneNamespaces, Set<String> goneInterfaces) {
    public static final DiagramGraph EMPTY = new DiagramGraph(List.of(), List.of(), List.of());

    public DiagramGraph {
        namespaces = List.copyOf(namespaces);
        interfaces = List.copyOf(interfaces);
        links = List.copyOf(links);
        goneNamespaces = Set.copyOf(goneNamespaces);
        goneInterfaces = Set.copyOf(goneInterfaces);
    }

    /** A graph in which everything exists. */
    public DiagramGraph(List<Namespace> namespaces, List<Interface> interfaces, List<Link> links) {
        this(namespaces, interfaces, links, Set.of(), Set.of());
    }

    public boolean isGone(Namespace namespace) {
        return goneNamespaces.contains(namespace.inode());
    }

    public boolean isGone(Interface iface) {
        return goneInterfaces.contains(iface.id()) || goneNamespaces.contains(iface.netnsInode());
    }

    /**
     * True when this graph keeps everything of {@code older}, in the same order, and only appends: the diagram then
     * keeps its layout; otherwise it starts afresh.
     */
    public boolean isExtensionOf(DiagramGraph older) {
        return startsWith(namespaces, older.namespaces) && startsWith(interfaces, older.interfaces)
                && startsWith(links, older.links);
    }

    private static boolean startsWith(List<?> list, List<?> prefix) {
        return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    /** A network namespace: its label ("nj-ctr1", "host", "docker:web", or the inode) and inode. */
    public record Namespace(long inode, String label) {
        /** The box's title: its name ("nj-ctr1"), or "netns 4026532258" for a namespace without one. */
        public String title() {
            return named() ? label : "netns " + inode;
        }

        /** The title of a namespace that no longer exists: "nj-ctr1 · deleted". */
        public String goneTitle() {
            return title() + " · deleted";
        }

        /** The box's tooltip: the name and the inode ("nj-ctr1\nnetns inode 4026532258"). */
        public String description() {
            return (named() ? label + "\n" : "") + "netns inode " + inode;
        }

        private boolean named() {
            return label != null && !label.isBlank() && !label.equals(Long.toString(inode));
        }
    }

    /**
     * An interface inside a namespace. {@code id} is {@link #idOf(long, int)}; {@code kind} one of veth, bridge,
     * loopback, physical, tunnel, vlan, other; {@code masterId} the id of its bridge, or null.
     */
    public record Interface(String id, long netnsInode, int ifindex, String name, String kind, String masterId) {
    }

    /** A transition observed from one interface to the next on some packet's path (undirected for drawing). */
    public record Link(String fromId, String toId) {
    }

    /** The interface id used throughout the diagram: "inode:ifindex". */
    public static String idOf(long netnsInode, int ifindex) {
        return netnsInode + ":" + ifindex;
    }
}
