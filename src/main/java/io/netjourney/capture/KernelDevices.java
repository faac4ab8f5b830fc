package io.netjourney.capture;

import java.nio.ByteBuffer;

/**
 * The devices the kernel described in its device records (struct nj_device), by namespace inode and ifindex: what a
 * short crossing on one of them is decoded with ({@link HopRecord#decodeShort}). The kernel sends a device's record
 * before the first short crossing on it and again when the device changed, so the latest record is the one that
 * holds. One capture's: records of another capture's programs do not belong here. One thread at a time.
 */
final class KernelDevices {
    private static final int FIRST_CAPACITY = 64;

    private long[] keys = new long[FIRST_CAPACITY];
    private Device[] devices = new Device[FIRST_CAPACITY];
    private int size;

    /** Takes a device record (HopRecord#DEVICE_SIZE bytes at the buffer's position) as the device's description. */
    void describe(ByteBuffer record) {
        Device device = HopRecord.decodeDevice(record);
        put(key(device.netnsInode(), device.ifindex()), device);
    }

    /** The device described under this namespace inode and ifindex, or null when the kernel described none. */
    Device device(long netnsInode, int ifindex) {
        long key = key(netnsInode, ifindex);
        int mask = keys.length - 1;
        for (int slot = TableSlot.of(key, 0, keys.length); devices[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return devices[slot];
            }
        }
        return null;
    }

    int size() {
        return size;
    }

    private static long key(long netnsInode, int ifindex) {
        return netnsInode << 32 | Integer.toUnsignedLong(ifindex);
    }

    private void put(long key, Device device) {
        int mask = keys.length - 1;
        int slot = TableSlot.of(key, 0, keys.length);
        for (; devices[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                devices[slot] = device;
                return;
            }
        }
        keys[slot] = key;
        devices[slot] = device;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Device[] oldDevices = devices;
        keys = new long[oldKeys.length * 2];
        devices = new Device[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldDevices[i] != null) {
                put(oldKeys[i], oldDevices[i]);
            }
        }
    }
}
