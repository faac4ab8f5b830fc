package io.netjourney.lab;

/**
 * The lab's namespaces and the address each one is reached at (see {@link Lab} for the full plan).
 * A namespace is named {@code prefix + suffix}, e.g. {@code nj-ctr1}.
 */
public enum LabNode {
    HOST("host", "198.51.100.1", "2001:db8:1::1"),
    CTR1("ctr1", "198.51.100.2", "2001:db8:1::2"),
    CTR2("ctr2", "198.51.100.3", "2001:db8:1::3"),
    ROUTER("router", "198.51.100.66", "2001:db8:2::2"),
    FAR("far", "198.51.100.130", "2001:db8:3::2");

    private final String suffix;
    private final String ipv4;
    private final String ipv6;

    LabNode(String suffix, String ipv4, String ipv6) {
        this.suffix = suffix;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    public String suffix() {
        return suffix;
    }

    /** Namespace name under the given lab prefix. */
    public String namespace(String prefix) {
        return prefix + suffix;
    }

    /** The node's main IPv4 address: the bridge for HOST, eth0 for containers and far, nj-r-h for ROUTER. */
    public String ipv4() {
        return ipv4;
    }

    public String ipv6() {
        return ipv6;
    }
}
