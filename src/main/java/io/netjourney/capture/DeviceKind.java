package io.netjourney.capture;

import java.util.Locale;

/** What sort of interface a packet crossed, from the kernel's link kind and ARPHRD type. */
public enum DeviceKind {
    VETH, BRIDGE, LOOPBACK, PHYSICAL, TUNNEL, VLAN, OTHER;

    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_LOOPBACK = 772;

    /**
     * @param linkKind rtnl_link_ops kind ("veth", "bridge", "tun", ...) or "" for drivers without one
     * @param deviceType the ARPHRD_* type
     */
    public static DeviceKind of(String linkKind, int deviceType) {
        if (deviceType == ARPHRD_LOOPBACK) {
            return LOOPBACK;
        }
        switch (linkKind) {
            case "veth":
            case "netkit":
                return VETH;
            case "bridge":
                return BRIDGE;
            case "vlan":
                return VLAN;
            case "tun":
            case "wireguard":
            case "ipip":
            case "gre":
            case "gretap":
            case "ip6tnl":
            case "ip6gre":
            case "sit":
            case "vxlan":
            case "geneve":
            case "ipvlan":
                return TUNNEL;
            case "":
                return deviceType == ARPHRD_ETHER ? PHYSICAL : OTHER;
            default:
                return OTHER;
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
