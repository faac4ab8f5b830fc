package io.netjourney.capture.names;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final NamesRoots roots;
    private final DockerNames docker;

    public NamespaceScanner() {
        this(NamesRoots.system());
    }

    public NamespaceScanner(NamesRoots roots) {
        this.roots = roots;
        this.docker = new DockerNames(roots.docker());
    }

    /**
     * Named namespaces (/run/netns) first, then the initial one ("host"), then those only processes hold,
     * each named after its container or its lowest pid.
     */
    public List<NetnsEntry> scan() {
        Map<Long, NetnsEntry> found = new LinkedHashMap<>();
        for (Path file : list(roots.runNetns())) {
            inodeOf(file).ifPresent(inode -> found.putIfAbsent(inode,
                    new NetnsEntry(inode, file.getFileName().toString(), file, true)));
        }
        for (String pid : INITIAL_PIDS) {
            Path initial = roots.proc().resolve(pid + "/ns/net");
            OptionalLong inode = netnsOf(initial);
            if (inode.isPresent()) {
                found.putIfAbsent(inode.getAsLong(), new NetnsEntry(inode.getAsLong(), INITIAL_NAMESPACE, initial, false));
                break;
            }
        }
        Set<Long> settled = new HashSet<>(found.keySet());
        for (long pid : pids()) {
            Path link = roots.proc().resolve(pid + "/ns/net");
            OptionalLong inode = netnsOf(link);
            if (inode.isEmpty() || settled.contains(inode.getAsLong())) {
                continue;
            }
            String container = docker.label(read(roots.proc().resolve(pid + "/cgroup"))).orElse(null);
            if (container != null) {
                settled.add(inode.getAsLong());
                found.put(inode.getAsLong(), new NetnsEntry(inode.getAsLong(), container, link, false));
            } else {
                String comm = read(roots.proc().resolve(pid + "/comm")).strip();
                found.putIfAbsent(inode.getAsLong(),
                        new NetnsEntry(inode.getAsLong(), "pid " + pid + " (" + comm + ")", link, false));
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
        for (Path dir : list(roots.proc())) {
            String name = dir.getFileName().toString();
            if (PID.matcher(name).matches()) {
                pids.add(Long.parseLong(name));
            }
        }
        pids.sort(null);
        return pids;
    }

    private static List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            return List.of();
        }
        entries.sort(null);
        return entries;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
