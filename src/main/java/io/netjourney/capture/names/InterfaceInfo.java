package io.netjourney.capture.names;

import io.netjourney.capture.DeviceKind;

/**
 * One network interface in one namespace. Zero means "none" or "not known" for the index and inode fields.
 *
 * @param netnsInode the namespace it lives in
 * @param masterIfindex the bridge (or bond, VRF) it is enslaved to, in the same namespace
 * @param peerIfindex for a veth, the other end's ifindex
 * @param peerNetnsInode for a veth, the other end's namespace when it could be resolved
 */
public record InterfaceInfo(
        long netnsInode,
        int ifindex,
        String name,
        DeviceKind kind,
        int masterIfindex,
        int peerIfindex,
        long peerNetnsInode) {

    public boolean hasPeer() {
        return peerIfindex != 0 && peerNetnsInode != 0;
    }
}
