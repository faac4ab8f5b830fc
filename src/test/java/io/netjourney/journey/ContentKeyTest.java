package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEventBuilder;
import org.junit.jupiter.api.Test;

class ContentKeyTest {
    private final AddressBits bits = new AddressBits(64);

    @Test
    void theFingerprintLetsAnEqualKeyAndATranslatedOneContinueButNotAnotherPacket() {
        ContentKey packet = key(hop().from("198.51.100.2").to("198.51.100.130").icmp(8, 0, 7, 1));
        long fingerprint = packet.copy().fingerprint();
        assertTrue(key(hop().from("198.51.100.2").to("198.51.100.130").icmp(8, 0, 7, 1)).mayContinue(fingerprint));
        assertTrue(key(hop().from("203.0.113.9").to("198.51.100.130").icmp(8, 0, 7, 1)).mayContinue(fingerprint),
                "NAT: other addresses, the same header fields");
        assertFalse(key(hop().from("198.51.100.2").to("198.51.100.130").icmp(8, 0, 7, 2)).mayContinue(fingerprint),
                "the next echo request");
        assertFalse(key(hop().from("198.51.100.130").to("198.51.100.2").icmp(0, 0, 7, 1)).mayContinue(fingerprint),
                "the reply");
    }

    @Test
    void aWeakKeyContinuesOnlyAnEqualOne() {
        ContentKey packet = key(hop().from("198.51.100.2").to("198.51.100.3").udp(5000, 53).ipId(0));
        long fingerprint = packet.copy().fingerprint();
        assertTrue(key(hop().from("198.51.100.2").to("198.51.100.3").udp(5000, 53).ipId(0)).mayContinue(fingerprint));
        assertFalse(key(hop().from("203.0.113.9").to("198.51.100.3").udp(5000, 53).ipId(0)).mayContinue(fingerprint),
                "UDP without an IPv4 ID cannot single out a translated packet");
    }

    private ContentKey key(HopEventBuilder event) {
        return new ContentKey().set(event.build(), bits);
    }
}
