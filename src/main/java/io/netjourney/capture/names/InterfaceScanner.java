package io.netjourney.capture.names;

import io.netjourney.capture.DeviceKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the interfaces of every namespace, with their addresses, with {@code nsenter --net=PATH ip -d -j addr show}
 * and resolves masters and veth peers, across namespaces where the peer's namespace can be told.
 */
public final class InterfaceScanner {
    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int ARPHRD_UNKNOWN = -1;

    private final NamespaceScanner namespaces;
    private final CommandRunner runner;

    public InterfaceScanner() {
        this(new NamespaceScanner(), new CommandRunner());
    }

    public InterfaceScanner(NamespaceScanner namespaces, CommandRunner runner) {
        this.namespaces = namespaces;
        this.runner = runner;
    }

    /** The interfaces of every namespace on the machine. */
    public List<InterfaceInfo> scan() {
        return scan(namespaces.scan());
    }

    /** The interfaces of these namespaces; one that vanishes meanwhile is left out. */
    public List<InterfaceInfo> scan(List<NetnsEntry> entries) {
        List<NamespaceLinks> dumps = new ArrayList<>();
        Map<String, Long> named = new HashMap<>();
        for (NetnsEntry entry : entries) {
            entry.iproute2Name().ifPresent(name -> named.put(name, entry.inode()));
            try {
                dumps.add(new NamespaceLinks(entry.inode(),
                        ipIn(entry.path(), "-d", "-j", "addr", "show"),
                        ipIn(entry.path(), "-j", "netns", "list-id")));
            } catch (CommandException gone) {
                // the namespace went away between the scan and now
            }
        }
        return resolve(dumps, named);
    }

    /** What {@code ip -d -j addr show} (or link show) and {@code ip -j netns list-id} printed inside one namespace. */
    record NamespaceLinks(long inode, String linkJson, String nsidJson) {
    }

    static List<InterfaceInfo> resolve(List<NamespaceLinks> dumps, Map<String, Long> namedInodes) {
        List<InterfaceInfo> all = new ArrayList<>();
        for (NamespaceLinks dump : dumps) {
            List<IpLink> links = IpLink.parseLinks(dump.linkJson());
            Map<Integer, String> nsidNames = IpLink.parseNsids(dump.nsidJson());
            Map<String, Integer> indexByName = new HashMap<>();
            links.forEach(link -> indexByName.put(link.name(), link.ifindex()));
            for (IpLink link : links) {
                DeviceKind kind = DeviceKind.of(link.kind(), arphrd(link.linkType()));
                int peerIfindex = kind != DeviceKind.VETH ? 0
                        : link.linkIndex() != 0 ? link.linkIndex() : indexByName.getOrDefault(link.linkName(), 0);
                long peerNetns = 0;
                if (peerIfindex != 0) {
                    peerNetns = link.linkNetnsid() == IpLink.NO_NSID
                            ? dump.inode()
                            : namedInodes.getOrDefault(nsidNames.getOrDefault(link.linkNetnsid(), ""), 0L);
                }
                all.add(new InterfaceInfo(dump.inode(), link.ifindex(), link.name(), kind,
                        indexByName.getOrDefault(link.master(), 0), peerIfindex, peerNetns, link.kind(), link.mac(),
                        link.mtu(), link.operState(), link.addresses()));
            }
        }
        List<InterfaceInfo> resolved = new ArrayList<>(all.size());
        for (InterfaceInfo info : all) {
            resolved.add(info.peerIfindex() != 0 && info.peerNetnsInode() == 0 ? matchPeer(info, all) : info);
        }
        return resolved;
    }

    /** For a peer in an unnamed namespace: the one veth elsewhere that points back at this one. */
    private static InterfaceInfo matchPeer(InterfaceInfo info, List<InterfaceInfo> all) {
        List<InterfaceInfo> candidates = all.stream()
                .filter(other -> other.kind() == DeviceKind.VETH
                        && other.netnsInode() != info.netnsInode()
                        && other.ifindex() == info.peerIfindex()
                        && other.peerIfindex() == info.ifindex()
                        && (other.peerNetnsInode() == 0 || other.peerNetnsInode() == info.netnsInode()))
                .toList();
        if (candidates.size() != 1) {
            return info;
        }
        return info.withPeerNetns(candidates.get(0).netnsInode());
    }

    private static int arphrd(String linkType) {
        return switch (linkType) {
            case "ether" -> ARPHRD_ETHER;
            case "loopback" -> ARPHRD_LOOPBACK;
            default -> ARPHRD_UNKNOWN;
        };
    }

    private String ipIn(Path netns, String... args) {
        List<String> command = new ArrayList<>(List.of(tool("nsenter"), "--net=" + netns, tool("ip")));
        command.addAll(List.of(args));
        return runner.check(command);
    }

    private static String tool(String name) {
        return CommandRunner.which(name).map(Path::toString)
                .orElseThrow(() -> new CommandException(name + " not found (apt-get install iproute2 util-linux)"));
    }
}
