package io.netjourney.capture;

/**
 * Reuses the {@link Device}s of records: a fixed table of the devices decoded lately, one per slot, keyed by
 * namespace inode and ifindex (two slots per key, see {@link #device}), so that decoding a record of a known interface allocates no device. A slot's device
 * is handed out only when every field equals the record's (a renamed, moved or re-enslaved interface, or a reused
 * inode, gets a new one). Safe to share between threads: a slot holds one reference to an immutable record.
 */
final class DeviceCache {
    private final Device[] slots;

    /** A table of {@code size} slots, a power of two of at least 2. */
    DeviceCache(int size) {
        if (Integer.bitCount(size) != 1 || size < 2) {
            throw new IllegalArgumentException("size must be a power of two of at least 2: " + size);
        }
        slots = new Device[size];
    }

    /**
     * A device with these fields: the one decoded before if it is still in the table, else a new one. A device is
     * looked for in its home slot and the slot paired with it (the home slot's index with the lowest bit flipped); a
     * new device takes the home slot and moves what was there to the paired one, so that two interfaces whose keys
     * share a slot both stay (the lab's two containers' eth0 did: every other crossing of the benchmarks' flood made a
     * new device, see BENCHMARKS.md).
     */
    Device device(long netnsInode, long netnsCookie, int ifindex, String ifname, String linkKind, int deviceType,
                  int masterIfindex) {
        int home = TableSlot.of(netnsInode, ifindex, slots.length);
        for (int paired = 0; paired < 2; paired++) {
            Device d = slots[home ^ paired];
            if (d != null && d.netnsInode() == netnsInode && d.ifindex() == ifindex && d.netnsCookie() == netnsCookie
                    && d.deviceType() == deviceType && d.masterIfindex() == masterIfindex && d.ifname().equals(ifname)
                    && d.linkKind().equals(linkKind)) {
                return d;
            }
        }
        Device made = new Device(netnsInode, netnsCookie, ifindex, ifname, linkKind, deviceType, masterIfindex);
        slots[home ^ 1] = slots[home];
        slots[home] = made;
        return made;
    }
}
