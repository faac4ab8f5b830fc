package io.netjourney.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class HookTest {
    @Test
    void aTraceWithoutRoutesAttachesTheCrossingsAndDropsOnly() {
        assertEquals(EnumSet.of(Hook.NET_DEV_QUEUE, Hook.NETIF_RX, Hook.NETIF_RECEIVE_SKB, Hook.NAPI_GRO_RECEIVE,
                Hook.NETIF_RECEIVE_SKB_LIST, Hook.NAPI_GRO_FRAGS, Hook.KFREE_SKB), Hook.crossingsAndDrops());
    }

    @Test
    void idsRoundTrip() {
        for (Hook hook : Hook.values()) {
            assertEquals(hook, Hook.fromId(hook.id()));
        }
    }
}
