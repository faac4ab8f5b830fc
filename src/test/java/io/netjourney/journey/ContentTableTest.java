package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContentTableTest {
    private final AddressBits bits = new AddressBits(64);

    @Test
    void findsAPacketByEqualContentAndNotByOther() {
        ContentTable index = new ContentTable();
        PacketState packet = packet(1, 7);
        assertNull(index.put(packet));
        assertSame(packet, index.get(key(7)));
        assertNull(index.get(key(8)));
        assertEquals(1, index.size());
    }

    @Test
    void aPacketOfEqualContentDisplacesTheIndexedOne() {
        ContentTable index = new ContentTable();
        PacketState first = packet(1, 7);
        PacketState second = packet(2, 7);
        index.put(first);
        assertSame(first, index.put(second));
        assertSame(second, index.get(key(7)));
        assertFalse(index.remove(first), "the displaced packet is no longer indexed");
        assertTrue(index.remove(second));
        assertNull(index.get(key(7)));
        assertEquals(0, index.size());
    }

    @Test
    void agreesWithAListThroughManyPutsAndRemovalsAcrossGrowth() {
        ContentTable index = new ContentTable();
        List<PacketState> indexed = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 20_000; n++) {
            if (!indexed.isEmpty() && random.nextInt(3) == 0) {
                PacketState gone = indexed.remove(random.nextInt(indexed.size()));
                assertTrue(index.remove(gone));
            } else {
                PacketState packet = packet(n, 100_000 + n);
                assertNull(index.put(packet));
                indexed.add(packet);
            }
        }
        assertEquals(indexed.size(), index.size());
        for (PacketState packet : indexed) {
            assertSame(packet, index.get(packet.content));
        }
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
