package io.netjourney.capture.names;

import io.netjourney.capture.DeviceKind;
import java.util.List;

/**
 * One network interface in one namespace. Zero means "none" or "not known" for the index and inode fields, ""
 * for the text fields.
 *
 * @param netnsInode the namespace it lives in
 * @param masterIfindex the bridge (or bond, VRF) it is enslaved to, in the same namespace
 * @param peerIfindex for a veth, the other end's ifindex
 * @param peerNetnsInode for a veth, the other end's namespace when it could be resolved
 * @param linkKind the kernel's link kind as iproute2 prints it ("veth", "bridge", "vxlan", "macvlan"), "" for a
 *                 driver without one (a physical NIC)
 * @param mac the link-layer address, "aa:bb:cc:dd:ee:ff"
 * @param operState RFC 2863 operational state as iproute2 prints it: "UP", "DOWN", "LOWERLAYERDOWN", "UNKNOWN"
 * @param addresses its IPv4 and IPv6 addresses, in the kernel's order
 */
public record InterfaceInfo(
        long netnsInode,
        int ifindex,
        String name,
        DeviceKind kind,
        int masterIfindex,
        int peerIfindex,
        long peerNetnsInode,
        String linkKind,
        String mac,
        int mtu,
        String operState,
        List<InterfaceAddress> addresses) {

    public InterfaceInfo {
        addresses = List.copyOf(addresses);
    }

    public boolean hasPeer() {
        return peerIfindex != 0 && peerNetnsInode != 0;
    }

    InterfaceInfo withPeerNetns(long inode) {
        return new InterfaceInfo(netnsInode, ifindex, name, kind, masterIfindex, peerIfindex, inode, linkKind, mac,
                mtu, operState, addresses);
    }
}
