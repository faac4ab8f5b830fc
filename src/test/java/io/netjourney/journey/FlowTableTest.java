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

class FlowTableTest {
    private final AddressBits bits = new AddressBits(64);

    @Test
    void contentFindsItsFlowKeyInEitherDirection() {
        FlowTable table = new FlowTable();
        ContentKey request = content(hop().from("10.0.0.2").to("10.0.0.1").udp(5000, 53).build());
        FlowKey key = FlowKey.of(request);
        FlowState flow = flow(1, key);
        table.add(key, flow, true);
        FlowTable.Entry entry = table.get(request);
        assertSame(flow, entry.flow());
        assertTrue(entry.swapped());
        ContentKey reply = content(hop().from("10.0.0.1").to("10.0.0.2").udp(53, 5000).build());
        assertSame(flow, table.get(reply).flow());
        assertSame(flow, table.get(key));
        assertNull(table.get(content(hop().from("10.0.0.1").to("10.0.0.2").udp(53, 5001).build())));
        assertNull(table.get(content(hop().from("10.0.0.1").to("10.0.0.2").tcp(53, 5000, 0, 1, 0).build())));
    }

    @Test
    void removesAKeyOnlyForItsFlowUnlessAnyFlowWillDo() {
        FlowTable table = new FlowTable();
        FlowKey key = FlowKey.of(content(hop().icmp(8, 0, 7, 1).build()));
        FlowState flow = flow(1, key);
        table.add(key, flow, false);
        assertFalse(table.remove(key, flow(2, key)));
        assertTrue(table.containsKey(key));
        assertTrue(table.remove(key, null));
        assertFalse(table.containsKey(key));
        assertEquals(0, table.size());
    }

    @Test
    void agreesWithAListThroughManyAddsAndRemovalsAcrossGrowth() {
        FlowTable table = new FlowTable();
        List<FlowState> stored = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 20_000; n++) {
            if (!stored.isEmpty() && random.nextInt(3) == 0) {
                FlowState gone = stored.remove(random.nextInt(stored.size()));
                assertTrue(table.remove(gone.key, gone));
            } else {
                ContentKey c = content(hop().udp(1024 + n % 50_000, 53 + n / 50_000).build());
                FlowState flow = flow(n, FlowKey.of(c));
                table.add(flow.key, flow, false);
                stored.add(flow);
            }
        }
        assertEquals(stored.size(), table.size());
        for (FlowState flow : stored) {
            assertSame(flow, table.get(flow.key));
        }
    }

    private ContentKey content(HopEvent event) {
        return new ContentKey().set(event, bits).copy();
    }

    private static FlowState flow(long id, FlowKey key) {
        return new FlowState(id, key, hop().build(), true);
    }
}
