package io.netjourney.capture;

/**
 * Where an event happened: a network device in a network namespace, as the kernel record named it. Immutable; the
 * decoder may hand the same instance to many events.
 *
 * @param netnsInode    the namespace's inode (may be reused after the namespace is gone)
 * @param netnsCookie   the namespace's cookie, unique for the boot; 0 when unknown
 * @param ifindex       the device's index in its namespace; 0 when there is none (a drop after the device was let
 *                      go, a routing decision that found no output device)
 * @param ifname        the device's name, "" when none
 * @param linkKind      rtnl_link_ops kind ("veth", "bridge", ...), "" for drivers without one
 * @param deviceType    the ARPHRD_* type
 * @param masterIfindex the bridge (or other master) the device is a port of, 0 when none
 */
public record Device(long netnsInode, long netnsCookie, int ifindex, String ifname, String linkKind, int deviceType,
                     int masterIfindex) {

    public DeviceKind kind() {
        return DeviceKind.of(linkKind, deviceType);
    }

    /** The same device placed in another namespace (for an event whose namespace was worked out later). */
    public Device inNetns(long inode) {
        return new Device(inode, netnsCookie, ifindex, ifname, linkKind, deviceType, masterIfindex);
    }
}
