package io.netjourney.capture;

/**
 * Reuses the {@link Device}s of records: a fixed table of the devices decoded lately, one per slot, keyed by
 * namespace inode and ifindex, so that decoding a record of a known interface allocates no device. A slot's device
 * is handed out only when every field equals the record's (a renamed, moved or re-enslaved interface, or a reused
 * inode, gets a new one). Safe to share between threads: a slot holds one reference to an immutable record.
 */
final class DeviceCache {
    private final Device[] slots;

    /** A table of {@code size} slots, a power of two. */
    DeviceCache(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        slots = new Device[size];
    }

    /** A device with these fields: the one decoded before if it is still in its slot, else a new one. */
    Device device(long netnsInode, long netnsCookie, int ifindex, String ifname, String linkKind, int deviceType,
                  int masterIfindex) {
        int slot = TableSlot.of(netnsInode, ifindex, slots.length);
        Device d = slots[slot];
        if (d != null && d.netnsInode() == netnsInode && d.ifindex() == ifindex && d.netnsCookie() == netnsCookie
                && d.deviceType() == deviceType && d.masterIfindex() == masterIfindex && d.ifname().equals(ifname)
                && d.linkKind().equals(linkKind)) {
            return d;
        }
        Device made = new Device(netnsInode, netnsCookie, ifindex, ifname, linkKind, deviceType, masterIfindex);
        slots[slot] = made;
        return made;
    }
}
