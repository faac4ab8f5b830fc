package io.netjourney.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressCacheTest {
    private static final int V4_198_51_100_2 = 0xC6336402;
    private static final long V6_DOC_HIGH = 0x20010db800010000L;

    @Test
    void makesTheIpv4AddressOfTheBits() throws Exception {
        InetAddress address = new AddressCache(16).ipv4(V4_198_51_100_2);
        assertInstanceOf(Inet4Address.class, address);
        assertEquals(InetAddress.getByName("198.51.100.2"), address);
        assertEquals(InetAddress.getByName("255.0.0.1"), new AddressCache(16).ipv4(0xFF000001));
    }

    @Test
    void makesTheIpv6AddressOfTheBits() throws Exception {
        InetAddress address = new AddressCache(16).ipv6(V6_DOC_HIGH, 2);
        assertInstanceOf(Inet6Address.class, address);
        assertEquals(InetAddress.getByName("2001:db8:1::2"), address);
        assertEquals(InetAddress.getByName("ffff:0:0:1:0:1:0:1"),
                new AddressCache(16).ipv6(0xFFFF000000000001L, 1L << 32 | 1));
    }

    @Test
    void anIpv4MappedAddressStaysIpv6() {
        InetAddress mapped = new AddressCache(16).ipv6(0, 0x0000FFFFC6336402L);
        assertInstanceOf(Inet6Address.class, mapped);
        assertEquals("0:0:0:0:0:ffff:c633:6402", mapped.getHostAddress());
    }

    @Test
    void anAddressSeenBeforeIsTheSameObject() {
        AddressCache cache = new AddressCache(16);
        assertSame(cache.ipv4(V4_198_51_100_2), cache.ipv4(V4_198_51_100_2));
        assertSame(cache.ipv6(V6_DOC_HIGH, 2), cache.ipv6(V6_DOC_HIGH, 2));
    }

    @Test
    void addressesThatDifferInTheirHighBitsSpreadOverTheTable() {
        AddressCache cache = new AddressCache(1024);
        List<InetAddress> v6 = new ArrayList<>();
        List<InetAddress> v4 = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            v6.add(cache.ipv6(V6_DOC_HIGH + ((long) i << 16), 2)); // 2001:db8:1:i::2, one subnet a container
            v4.add(cache.ipv4(i << 24 | 1)); // i.0.0.1
        }
        int kept = 0;
        for (int i = 0; i < 100; i++) {
            kept += cache.ipv6(V6_DOC_HIGH + ((long) i << 16), 2) == v6.get(i) ? 1 : 0;
            kept += cache.ipv4(i << 24 | 1) == v4.get(i) ? 1 : 0;
        }
        assertTrue(kept >= 180, kept + " of 200 addresses kept");
    }

    @Test
    void theFamiliesDoNotMix() {
        AddressCache cache = new AddressCache(1);
        InetAddress v4 = cache.ipv4(V4_198_51_100_2);
        InetAddress v6 = cache.ipv6(0, Integer.toUnsignedLong(V4_198_51_100_2));
        assertInstanceOf(Inet4Address.class, v4);
        assertInstanceOf(Inet6Address.class, v6);
        assertSame(v4, cache.ipv4(V4_198_51_100_2));
    }

    @Test
    void addressesSharingASlotStayCorrectAndTheTableStaysItsSize() throws Exception {
        AddressCache cache = new AddressCache(1);
        InetAddress first = cache.ipv4(V4_198_51_100_2);
        assertEquals(InetAddress.getByName("198.51.100.3"), cache.ipv4(V4_198_51_100_2 + 1));
        InetAddress again = cache.ipv4(V4_198_51_100_2);
        assertEquals(first, again);
        assertNotSame(first, again, "the one slot held 198.51.100.3 in between");
        assertNotEquals(cache.ipv6(V6_DOC_HIGH, 2), cache.ipv6(V6_DOC_HIGH, 3));
        assertEquals(InetAddress.getByName("2001:db8:1::2"), cache.ipv6(V6_DOC_HIGH, 2));
    }

    @Test
    void sizeMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new AddressCache(100));
    }
}
