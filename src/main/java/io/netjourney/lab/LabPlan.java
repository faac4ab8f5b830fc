package io.netjourney.lab;

import java.util.List;
import java.util.stream.Stream;

/** Everything the lab should contain, for one prefix. {@link Lab#up()} builds it, {@link Lab#status()} checks it. */
public record LabPlan(
        String prefix,
        Bridge bridge,
        List<Veth> veths,
        List<Address> addresses,
        List<Route> routes,
        List<LabNode> forwarders) {

    public static final String IPV4_RANGE = "198.51.100.0/24";
    public static final String IPV6_RANGE = "2001:db8::/32";
    public static final String CONTAINER_DEVICE = "eth0";

    /** A bridge in a namespace. */
    public record Bridge(LabNode node, String name) {
    }

    /** A veth pair created in {@code node}, its peer moved to {@code peerNode}; {@code master} may be null. */
    public record Veth(LabNode node, String name, LabNode peerNode, String peerName, String master) {
    }

    /** An address (with prefix length) on a device. */
    public record Address(LabNode node, String device, String cidr) {
        public boolean ipv6() {
            return cidr.contains(":");
        }
    }

    /** A route to {@code destination} via {@code gateway}. */
    public record Route(LabNode node, String destination, String gateway) {
        public boolean ipv6() {
            return destination.contains(":");
        }
    }

    public LabPlan {
        veths = List.copyOf(veths);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        forwarders = List.copyOf(forwarders);
    }

    public String namespace(LabNode node) {
        return node.namespace(prefix);
    }

    /** The plan described in {@link Lab}'s Javadoc, with device names under {@code prefix}. */
    public static LabPlan of(String prefix) {
        String bridge = prefix + "br0";
        String veth1 = prefix + "veth1";
        String veth2 = prefix + "veth2";
        String hostToRouter = prefix + "h-r";
        String routerToHost = prefix + "r-h";
        String routerToFar = prefix + "r-f";
        String eth0 = CONTAINER_DEVICE;
        return new LabPlan(prefix,
                new Bridge(LabNode.HOST, bridge),
                List.of(
                        new Veth(LabNode.HOST, veth1, LabNode.CTR1, eth0, bridge),
                        new Veth(LabNode.HOST, veth2, LabNode.CTR2, eth0, bridge),
                        new Veth(LabNode.HOST, hostToRouter, LabNode.ROUTER, routerToHost, null),
                        new Veth(LabNode.ROUTER, routerToFar, LabNode.FAR, eth0, null)),
                List.of(
                        new Address(LabNode.HOST, bridge, "198.51.100.1/26"),
                        new Address(LabNode.HOST, bridge, "2001:db8:1::1/64"),
                        new Address(LabNode.CTR1, eth0, "198.51.100.2/26"),
                        new Address(LabNode.CTR1, eth0, "2001:db8:1::2/64"),
                        new Address(LabNode.CTR2, eth0, "198.51.100.3/26"),
                        new Address(LabNode.CTR2, eth0, "2001:db8:1::3/64"),
                        new Address(LabNode.HOST, hostToRouter, "198.51.100.65/30"),
                        new Address(LabNode.HOST, hostToRouter, "2001:db8:2::1/64"),
                        new Address(LabNode.ROUTER, routerToHost, "198.51.100.66/30"),
                        new Address(LabNode.ROUTER, routerToHost, "2001:db8:2::2/64"),
                        new Address(LabNode.ROUTER, routerToFar, "198.51.100.129/26"),
                        new Address(LabNode.ROUTER, routerToFar, "2001:db8:3::1/64"),
                        new Address(LabNode.FAR, eth0, "198.51.100.130/26"),
                        new Address(LabNode.FAR, eth0, "2001:db8:3::2/64")),
                Stream.of(
                                containerRoutes(LabNode.CTR1),
                                containerRoutes(LabNode.CTR2),
                                List.of(
                                        new Route(LabNode.HOST, "198.51.100.128/26", "198.51.100.66"),
                                        new Route(LabNode.HOST, "2001:db8:3::/64", "2001:db8:2::2"),
                                        new Route(LabNode.ROUTER, "198.51.100.0/26", "198.51.100.65"),
                                        new Route(LabNode.ROUTER, "2001:db8:1::/64", "2001:db8:2::1"),
                                        new Route(LabNode.FAR, "198.51.100.0/26", "198.51.100.129"),
                                        new Route(LabNode.FAR, "198.51.100.64/30", "198.51.100.129"),
                                        new Route(LabNode.FAR, "2001:db8:1::/64", "2001:db8:3::1"),
                                        new Route(LabNode.FAR, "2001:db8:2::/64", "2001:db8:3::1")))
                        .flatMap(List::stream)
                        .toList(),
                List.of(LabNode.HOST, LabNode.ROUTER));
    }

    /** Containers reach the router link and the far subnet through the bridge address of nj-host only. */
    private static List<Route> containerRoutes(LabNode container) {
        return List.of(
                new Route(container, "198.51.100.64/30", LabNode.HOST.ipv4()),
                new Route(container, "198.51.100.128/26", LabNode.HOST.ipv4()),
                new Route(container, "2001:db8:2::/64", LabNode.HOST.ipv6()),
                new Route(container, "2001:db8:3::/64", LabNode.HOST.ipv6()));
    }
}
