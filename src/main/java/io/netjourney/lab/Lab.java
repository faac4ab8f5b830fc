package io.netjourney.lab;

import com.google.common.net.InetAddresses;
import io.netjourney.capture.names.CommandResult;
import io.netjourney.capture.names.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Docker-like topology made only of network namespaces this class creates, every name starting with the
 * lab prefix (default {@code nj-}). The root namespace gets nothing: no address, route, bridge or link.
 * There is no default route anywhere; every namespace has explicit routes to the lab subnets only.
 *
 * <pre>
 *  ctr1 eth0 ──┐
 *              ├─ nj-veth1/2 ── nj-br0 [host] nj-h-r ── nj-r-h [router] nj-r-f ── eth0 [far]
 *  ctr2 eth0 ──┘
 * </pre>
 *
 * <table>
 * <caption>Address plan (IPv4 from 198.51.100.0/24, IPv6 from 2001:db8::/32)</caption>
 * <tr><th>namespace</th><th>device</th><th>IPv4</th><th>IPv6</th><th>other end</th></tr>
 * <tr><td>nj-host</td><td>nj-br0 (bridge)</td><td>198.51.100.1/26</td><td>2001:db8:1::1/64</td><td>-</td></tr>
 * <tr><td>nj-host</td><td>nj-veth1 (in nj-br0)</td><td>-</td><td>-</td><td>nj-ctr1 eth0</td></tr>
 * <tr><td>nj-host</td><td>nj-veth2 (in nj-br0)</td><td>-</td><td>-</td><td>nj-ctr2 eth0</td></tr>
 * <tr><td>nj-ctr1</td><td>eth0</td><td>198.51.100.2/26</td><td>2001:db8:1::2/64</td><td>nj-host nj-veth1</td></tr>
 * <tr><td>nj-ctr2</td><td>eth0</td><td>198.51.100.3/26</td><td>2001:db8:1::3/64</td><td>nj-host nj-veth2</td></tr>
 * <tr><td>nj-host</td><td>nj-h-r</td><td>198.51.100.65/30</td><td>2001:db8:2::1/64</td><td>nj-router nj-r-h</td></tr>
 * <tr><td>nj-router</td><td>nj-r-h</td><td>198.51.100.66/30</td><td>2001:db8:2::2/64</td><td>nj-host nj-h-r</td></tr>
 * <tr><td>nj-router</td><td>nj-r-f</td><td>198.51.100.129/26</td><td>2001:db8:3::1/64</td><td>nj-far eth0</td></tr>
 * <tr><td>nj-far</td><td>eth0</td><td>198.51.100.130/26</td><td>2001:db8:3::2/64</td><td>nj-router nj-r-f</td></tr>
 * </table>
 *
 * <table>
 * <caption>Routes (no default routes; forwarding on in nj-host and nj-router only)</caption>
 * <tr><th>namespace</th><th>destinations</th><th>via</th></tr>
 * <tr><td>nj-ctr1, nj-ctr2</td><td>198.51.100.64/30, 198.51.100.128/26</td><td>198.51.100.1</td></tr>
 * <tr><td>nj-ctr1, nj-ctr2</td><td>2001:db8:2::/64, 2001:db8:3::/64</td><td>2001:db8:1::1</td></tr>
 * <tr><td>nj-host</td><td>198.51.100.128/26 / 2001:db8:3::/64</td><td>198.51.100.66 / 2001:db8:2::2</td></tr>
 * <tr><td>nj-router</td><td>198.51.100.0/26 / 2001:db8:1::/64</td><td>198.51.100.65 / 2001:db8:2::1</td></tr>
 * <tr><td>nj-far</td><td>198.51.100.0/26, 198.51.100.64/30</td><td>198.51.100.129</td></tr>
 * <tr><td>nj-far</td><td>2001:db8:1::/64, 2001:db8:2::/64</td><td>2001:db8:3::1</td></tr>
 * </table>
 *
 * <p>IPv6 duplicate address detection and router advertisements are off in every lab namespace, and
 * addresses are added with {@code nodad}, so they work at once. With another prefix (tests use
 * {@code nj-t1-}) every namespace and host-side device name starts with that prefix instead; addresses
 * stay the same, which is fine because each lab is closed in its own namespaces.
 */
public final class Lab {
    public static final String DEFAULT_PREFIX = "nj-";
    /** Device names must fit IFNAMSIZ (15) with the longest suffix ("veth1"). */
    private static final Pattern PREFIX = Pattern.compile("nj-[a-z0-9-]{0,7}");
    private static final Path NETNS_DIR = Path.of("/run/netns");
    private static final List<String> QUIET_IPV6 = List.of(
            "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0",
            "net.ipv6.conf.all.accept_ra=0", "net.ipv6.conf.default.accept_ra=0");
    private static final List<String> FORWARDING = List.of(
            "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");

    private final LabPlan plan;
    private final Ip ip;

    public Lab() {
        this(DEFAULT_PREFIX);
    }

    public Lab(String prefix) {
        this(prefix, new CommandRunner());
    }

    public Lab(String prefix, CommandRunner runner) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("lab prefix must look like nj-[a-z0-9-]{0,7}: " + prefix);
        }
        this.plan = LabPlan.of(prefix);
        this.ip = new Ip(runner);
    }

    public String prefix() {
        return plan.prefix();
    }

    public LabPlan plan() {
        return plan;
    }

    public String namespace(LabNode node) {
        return plan.namespace(node);
    }

    /** {@code /run/netns/<name>}, the bind mount {@code ip netns add} made. */
    public Path namespacePath(LabNode node) {
        return NETNS_DIR.resolve(namespace(node));
    }

    /** The namespace's inode, as the kernel reports it in {@code net->ns.inum}. */
    public long namespaceInode(LabNode node) {
        try {
            return ((Number) Files.getAttribute(namespacePath(node), "unix:ino")).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException("no lab namespace " + namespace(node), e);
        }
    }

    /** Builds the lab, or repairs whatever part of it is missing. Safe to call again. */
    public void up() {
        Prerequisites.check();
        List<String> existing = ip.namespaces();
        for (LabNode node : LabNode.values()) {
            if (!existing.contains(namespace(node))) {
                ip.run("netns", "add", namespace(node));
            }
            configureNamespace(node);
        }
        LabPlan.Bridge bridge = plan.bridge();
        if (!hasLink(bridge.node(), bridge.name())) {
            in(bridge.node(), "link", "add", bridge.name(), "type", "bridge");
        }
        in(bridge.node(), "link", "set", bridge.name(), "up");
        plan.veths().forEach(this::ensureVeth);
        for (LabPlan.Address address : plan.addresses()) {
            List<String> args = new ArrayList<>(List.of("addr", "replace", address.cidr(), "dev", address.device()));
            if (address.ipv6()) {
                args.add("nodad");
            }
            in(address.node(), args.toArray(String[]::new));
        }
        for (LabPlan.Route route : plan.routes()) {
            in(route.node(), "route", "replace", route.destination(), "via", route.gateway());
        }
    }

    /** Removes the lab's namespaces (and with them every link in them). Fine when nothing exists. */
    public void down() {
        Prerequisites.check();
        List<String> existing = ip.namespaces();
        for (LabNode node : LabNode.values()) {
            if (existing.contains(namespace(node))) {
                ip.run("netns", "del", namespace(node));
            }
        }
    }

    /** The lab's namespaces that do not exist (no {@code /run/netns/NAME}): empty while the lab is whole. */
    public List<String> missingNamespaces() {
        List<String> missing = new ArrayList<>();
        for (LabNode node : LabNode.values()) {
            if (!Files.exists(namespacePath(node))) {
                missing.add(namespace(node));
            }
        }
        return missing;
    }

    /** What of the plan is present. */
    public LabStatus status() {
        Prerequisites.check();
        return new LabInspector(plan, ip).inspect();
    }

    /**
     * Pings a lab address from a lab namespace ({@code ping -n -c COUNT -W 1 -i 0.2}), and waits for it. Refuses addresses
     * outside the lab's ranges so no traffic ever leaves the lab.
     */
    public PingResult ping(LabNode from, String address, int count) {
        return ping(from, address, count, Duration.ofMillis(200));
    }

    /** The same, {@code interval} apart (root's ping takes down to 2 ms). */
    public PingResult ping(LabNode from, String address, int count, Duration interval) {
        requireLabAddress(address);
        Prerequisites.check();
        String seconds = String.format(java.util.Locale.ROOT, "%.3f", interval.toMillis() / 1000.0);
        List<String> command = ip.exec(namespace(from),
                List.of("ping", "-n", "-c", Integer.toString(count), "-W", "1", "-i", seconds, address));
        CommandResult result = ip.runner().run(command,
                Duration.ofMillis(5_000L + (interval.toMillis() + 1_000L) * count));
        return new PingResult(result.ok(), result.stdout() + result.stderr());
    }

    /**
     * Starts a ping from a lab namespace that runs until closed ({@code ping -n -i INTERVAL ADDRESS}, one echo id
     * throughout). Refuses addresses outside the lab's ranges.
     */
    public LabPing startPing(LabNode from, String address, Duration interval) {
        requireLabAddress(address);
        Prerequisites.check();
        String seconds = String.format(java.util.Locale.ROOT, "%.3f", interval.toMillis() / 1000.0);
        return LabPing.start(ip.exec(namespace(from), List.of("ping", "-n", "-i", seconds, address)));
    }

    /** True for addresses in 198.51.100.0/24 or 2001:db8::/32. */
    public static boolean isLabAddress(String address) {
        if (!InetAddresses.isInetAddress(address)) {
            return false;
        }
        InetAddress parsed = InetAddresses.forString(address);
        byte[] bytes = parsed.getAddress();
        if (parsed instanceof Inet4Address) {
            return Arrays.equals(Arrays.copyOf(bytes, 3), new byte[] {(byte) 198, 51, 100});
        }
        return Arrays.equals(Arrays.copyOf(bytes, 4), new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8});
    }

    private static void requireLabAddress(String address) {
        if (!isLabAddress(address)) {
            throw new LabException("refusing to send lab traffic to " + address + ": only "
                    + LabPlan.IPV4_RANGE + " and " + LabPlan.IPV6_RANGE + " are lab addresses");
        }
    }

    private void configureNamespace(LabNode node) {
        List<String> sysctl = new ArrayList<>(List.of("sysctl", "-q", "-w"));
        sysctl.addAll(QUIET_IPV6);
        if (plan.forwarders().contains(node)) {
            sysctl.addAll(FORWARDING);
        }
        ip.runner().check(ip.exec(namespace(node), sysctl));
        in(node, "link", "set", "lo", "up");
    }

    private void ensureVeth(LabPlan.Veth veth) {
        if (!hasLink(veth.node(), veth.name())) {
            if (hasLink(veth.peerNode(), veth.peerName())) {
                in(veth.peerNode(), "link", "del", veth.peerName());
            }
            in(veth.node(), "link", "add", veth.name(), "type", "veth",
                    "peer", "name", veth.peerName(), "netns", namespace(veth.peerNode()));
        }
        if (veth.master() != null) {
            in(veth.node(), "link", "set", veth.name(), "master", veth.master());
        }
        in(veth.node(), "link", "set", veth.name(), "up");
        in(veth.peerNode(), "link", "set", veth.peerName(), "up");
    }

    private boolean hasLink(LabNode node, String name) {
        return ip.links(namespace(node)).stream().anyMatch(link -> link.name().equals(name));
    }

    private String in(LabNode node, String... args) {
        return ip.in(namespace(node), args);
    }
}
