package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netjourney.capture.HopEvent;
import org.junit.jupiter.api.Test;

class ContentIndexTest {
    private static final long SPAN = 100;
    private final AddressBits bits = new AddressBits(64);
    private final ContentIndex index = new ContentIndex(SPAN);

    @Test
    void aPacketStaysFindableForASpanAfterItWasIndexedAndIsDroppedAfterTwo() {
        index.advance(1_000);
        PacketState packet = packet(1, 7);
        index.refresh(packet);
        index.advance(1_099);
        assertSame(packet, index.get(key(7)));
        index.advance(1_150);
        assertSame(packet, index.get(key(7)), "in the previous generation");
        index.advance(1_200);
        assertNull(index.get(key(7)));
        assertEquals(0, index.size());
    }

    @Test
    void aPacketIndexedAgainMovesToTheCurrentGenerationAndStaysLonger() {
        index.advance(1_000);
        PacketState packet = packet(1, 7);
        index.refresh(packet);
        index.advance(1_150);
        index.refresh(packet);
        index.advance(1_250);
        assertSame(packet, index.get(key(7)));
        assertEquals(1, index.size());
    }

    @Test
    void aPacketOfEqualContentDisplacesOneInThePreviousGeneration() {
        index.advance(1_000);
        PacketState first = packet(1, 7);
        index.refresh(first);
        index.advance(1_150);
        PacketState second = packet(2, 7);
        index.refresh(second);
        assertSame(second, index.get(key(7)));
        assertEquals(ContentIndex.NONE, first.contentGeneration);
        index.remove(second);
        assertNull(index.get(key(7)), "the displaced packet does not come back");
        assertEquals(0, index.size());
    }

    @Test
    void aQuietPeriodLongerThanASpanDropsBothGenerations() {
        index.advance(1_000);
        PacketState old = packet(1, 7);
        index.refresh(old);
        index.advance(1_120);
        PacketState newer = packet(2, 8);
        index.refresh(newer);
        index.advance(1_500);
        assertNull(index.get(key(7)));
        assertNull(index.get(key(8)));
        assertEquals(0, index.size());
        index.refresh(newer);
        assertSame(newer, index.get(key(8)), "indexed again after the quiet period");
    }

    private PacketState packet(long id, int ipId) {
        ContentKey content = key(ipId).copy();
        FlowState flow = new FlowState(1, FlowKey.of(content), event(ipId), true);
        return new PacketState(id, flow, true, null, content, true);
    }

    private ContentKey key(int ipId) {
        return new ContentKey().set(event(ipId), bits);
    }

    private static HopEvent event(int ipId) {
        return hop().udp(5000, 53).ipId(ipId & 0xFFFF).build();
    }
}
