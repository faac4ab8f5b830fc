package io.netjourney.capture;

import io.netjourney.collect.LongKeyMap;
import java.nio.ByteBuffer;

/**
 * The devices the kernel described in its device records (struct nj_device), by namespace inode and ifindex: what a
 * short crossing on one of them is decoded with ({@link HopRecord#decodeShort}). The kernel sends a device's record
 * before the first short crossing on it and again when the device changed, so the latest record is the one that
 * holds. One capture's: records of another capture's programs do not belong here. One thread at a time.
 */
final class KernelDevices {
    private final LongKeyMap<Device> devices = new LongKeyMap<>();

    /** Takes a device record (HopRecord#DEVICE_SIZE bytes at the buffer's position) as the device's description. */
    void describe(ByteBuffer record) {
        Device device = HopRecord.decodeDevice(record);
        devices.put(key(device.netnsInode(), device.ifindex()), device);
    }

    /** The device described under this namespace inode and ifindex, or null when the kernel described none. */
    Device device(long netnsInode, int ifindex) {
        return devices.get(key(netnsInode, ifindex));
    }

    int size() {
        return devices.size();
    }

    private static long key(long netnsInode, int ifindex) {
        return netnsInode << 32 | Integer.toUnsignedLong(ifindex);
    }
}
