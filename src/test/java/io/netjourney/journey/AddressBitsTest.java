package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static io.netjourney.capture.HopEventBuilder.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressBitsTest {

    @Test
    void givesTheBitsOfIpv4AndIpv6Addresses() {
        AddressBits bits = new AddressBits(64);
        int v4 = bits.slotOf(ip("198.51.100.2"));
        assertEquals(0, bits.high(v4));
        assertEquals(0xC6336402L, bits.low(v4));
        int v6 = bits.slotOf(ip("2001:db8:1::2"));
        assertEquals(0x20010db800010000L, bits.high(v6));
        assertEquals(2, bits.low(v6));
    }

    @Test
    void noAddressHasNoBits() {
        AddressBits bits = new AddressBits(1);
        bits.slotOf(ip("2001:db8:1::2"));
        int none = bits.slotOf(null);
        assertEquals(0, bits.high(none));
        assertEquals(0, bits.low(none));
    }

    @Test
    void addressesSharingASlotGetTheirOwnBits() {
        AddressBits bits = new AddressBits(1);
        InetAddress a = ip("198.51.100.1");
        InetAddress b = ip("198.51.100.2");
        for (int round = 0; round < 2; round++) {
            assertEquals(0xC6336401L, bits.low(bits.slotOf(a)));
            assertEquals(0xC6336402L, bits.low(bits.slotOf(b)));
        }
        assertEquals(0xC6336401L, bits.low(bits.slotOf(ip("198.51.100.1"))), "another object of the same address");
    }

    @Test
    void aContentKeyReadsBothEndsWhenTheyShareTheOneSlot() {
        AddressBits bits = new AddressBits(1);
        ContentKey key = new ContentKey().set(hop().from("2001:db8:1::1").to("198.51.100.2").build(), bits);
        assertEquals(0x20010db800010000L, key.srcHigh);
        assertEquals(1, key.srcLow);
        assertEquals(0, key.dstHigh);
        assertEquals(0xC6336402L, key.dstLow);
        ContentKey arp = new ContentKey().set(hop().arp(1, "198.51.100.1", "198.51.100.2").build(), bits);
        assertEquals(0xC6336401L, arp.srcLow);
        assertEquals(0xC6336402L, arp.dstLow);
    }

    @Test
    void sizeMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new AddressBits(3));
    }
}
