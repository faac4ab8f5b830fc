package io.netjourney.capture.names;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds every network namespace on the machine and the best name for each. */
public final class NamespaceScanner {
    public static final String INITIAL_NAMESPACE = "host";
    private static final Pattern NET_LINK = Pattern.compile("net:\\[(\\d+)\\]");
    private static final Pattern PID = Pattern.compile("\\d+");
    /** init, else kthreadd: some sandboxes deny even root a look at pid 1's namespaces. */
    private static final List<String> INITIAL_PIDS = List.of("1", "2");

    /** The names container runtimes give the namespaces they create in /run/netns. */
    private static final Pattern RUNTIME_GENERATED = Pattern.compile(
            "(?:cni|netns)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final NamesRoots roots;
    private final ContainerNameSource containers;

    public NamespaceScanner() {
        this(NamesRoots.system());
    }

    public NamespaceScanner(NamesRoots roots) {
        this.roots = roots;
        this.containers = ContainerLabels.standard(roots);
    }

    /**
     * Named namespaces (/run/netns) first, then the initial one ("host"), then those only processes hold, each
     * named after its container or its lowest pid. A container's label also replaces the generated name a
     * runtime gave its namespace in /run/netns (Podman's "netns-UUID", CNI's "cni-UUID").
     */
    public List<NetnsEntry> scan() {
        Map<Long, NetnsEntry> found = new LinkedHashMap<>();
        Set<Long> settled = new HashSet<>();
        for (Path file : SystemFiles.list(roots.runNetns())) {
            String name = file.getFileName().toString();
            inodeOf(file).ifPresent(inode -> {
                if (found.putIfAbsent(inode, new NetnsEntry(inode, name, file, true)) == null
                        && !RUNTIME_GENERATED.matcher(name).matches()) {
                    settled.add(inode);
                }
            });
        }
        for (String pid : INITIAL_PIDS) {
            Path initial = roots.proc().resolve(pid + "/ns/net");
            OptionalLong inode = netnsOf(initial);
            if (inode.isPresent()) {
                found.putIfAbsent(inode.getAsLong(), new NetnsEntry(inode.getAsLong(), INITIAL_NAMESPACE, initial, false));
                settled.add(inode.getAsLong());
                break;
            }
        }
        for (long pid : pids()) {
            Path link = roots.proc().resolve(pid + "/ns/net");
            OptionalLong netns = netnsOf(link);
            if (netns.isEmpty() || settled.contains(netns.getAsLong())) {
                continue;
            }
            long inode = netns.getAsLong();
            ProcessInfo process = ProcessInfo.of(pid, read(roots.proc().resolve(pid + "/comm")).strip(),
                    read(roots.proc().resolve(pid + "/cgroup")));
            Optional<String> container = containers.label(process);
            NetnsEntry known = found.get(inode);
            if (container.isPresent()) {
                settled.add(inode);
                found.put(inode, known != null
                        ? new NetnsEntry(inode, container.get(), known.path(), known.named())
                        : new NetnsEntry(inode, container.get(), link, false));
            } else if (known == null) {
                found.put(inode, new NetnsEntry(inode, "pid " + pid + " (" + process.comm() + ")", link, false));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The inode in a /proc/PID/ns/net link target, "net:[4026532258]". */
    static OptionalLong parseNetLink(String target) {
        Matcher matcher = NET_LINK.matcher(target);
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    private static OptionalLong netnsOf(Path link) {
        try {
            return parseNetLink(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong inodeOf(Path file) {
        try {
            return OptionalLong.of(((Number) Files.getAttribute(file, "unix:ino")).longValue());
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
    }

    private List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (Path dir : SystemFiles.list(roots.proc())) {
            String name = dir.getFileName().toString();
            if (PID.matcher(name).matches()) {
                pids.add(Long.parseLong(name));
            }
        }
        pids.sort(null);
        return pids;
    }

    private static String read(Path file) {
        return SystemFiles.read(file).orElse("");
    }
}
