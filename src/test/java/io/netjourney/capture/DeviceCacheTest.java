package io.netjourney.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DeviceCacheTest {

    @Test
    void anInterfaceSeenBeforeWithTheSameFieldsGetsTheSameDevice() {
        DeviceCache cache = new DeviceCache(16);
        Device first = cache.device(4026531840L, 7, 3, "veth0", "veth", 1, 0);
        assertEquals(new Device(4026531840L, 7, 3, "veth0", "veth", 1, 0), first);
        // equal names, not the same String objects: compared by value
        assertSame(first, cache.device(4026531840L, 7, 3, new String("veth0"), new String("veth"), 1, 0));
    }

    @Test
    void anyFieldThatDiffersGivesAnotherDevice() {
        DeviceCache cache = new DeviceCache(16);
        Device device = cache.device(10, 7, 3, "veth0", "veth", 1, 0);
        Device[] others = {
            cache.device(11, 7, 3, "veth0", "veth", 1, 0),
            cache.device(10, 8, 3, "veth0", "veth", 1, 0),
            cache.device(10, 7, 4, "veth0", "veth", 1, 0),
            cache.device(10, 7, 3, "veth1", "veth", 1, 0),
            cache.device(10, 7, 3, "veth0", "", 1, 0),
            cache.device(10, 7, 3, "veth0", "veth", 772, 0),
            cache.device(10, 7, 3, "veth0", "veth", 1, 5),
        };
        for (Device other : others) {
            assertNotSame(device, other);
            assertEquals(false, device.equals(other), other.toString());
        }
        Device renamedBack = cache.device(10, 7, 3, "veth0", "veth", 1, 0);
        assertEquals(device, renamedBack);
    }

    @Test
    void twoInterfacesWhoseKeysShareASlotBothStay() {
        // the two containers' eth0 of a lab: their keys share a slot of 1024
        DeviceCache cache = new DeviceCache(1024);
        Device ctr1 = cache.device(4026532305L, 6090, 2, "eth0", "veth", 1, 0);
        Device ctr2 = cache.device(4026532370L, 2039, 2, "eth0", "veth", 1, 0);
        for (int i = 0; i < 3; i++) {
            assertSame(ctr1, cache.device(4026532305L, 6090, 2, "eth0", "veth", 1, 0));
            assertSame(ctr2, cache.device(4026532370L, 2039, 2, "eth0", "veth", 1, 0));
        }
    }

    @Test
    void theSizeIsAPowerOfTwoOfAtLeastTwo() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceCache(12));
        assertThrows(IllegalArgumentException.class, () -> new DeviceCache(1));
    }
}
