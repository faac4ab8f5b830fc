package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netjourney.capture.Hook;
import io.netjourney.capture.RouteDecision;
import org.junit.jupiter.api.Test;

/** Drops end their packet's path; routing decisions get their namespace. */
class VerdictPlacementTest {
    static final long HOST = 4026532176L;
    static final long CTR = 4026532245L;

    @Test
    void aDropContinuesItsPacketAsTheLastStep() {
        JourneyAssembler assembler = new JourneyAssembler();
        TracedHop sent = assembler.accept(hop().at(1_000).skb(0x1000).netns(HOST).dev(3, "veth1", "veth").build());
        TracedHop dropped = assembler.accept(hop().at(5_000).skb(0x1000).netns(CTR).dev(2, "eth0", "veth")
                .drop(12, 1).build());
        assertEquals(sent.packetId(), dropped.packetId());
        assertEquals(1, dropped.hopIndex());
        assertEquals(4_000, dropped.deltaNs());
    }

    @Test
    void aLocalLookupBelongsToTheSendersNamespaceAndAForwardedOneToTheReceivingCrossing() {
        JourneyAssembler assembler = new JourneyAssembler();
        TracedHop local = assembler.accept(hop().netns(0).taskNetns(CTR).dev(0, "", "").route(254, -11, 1, null)
                .build());
        assertEquals(CTR, local.event().netnsInode(), "output lookups name lo as input: the task's namespace");
        assertEquals(0, local.packetId());

        assembler.accept(hop().at(2_000).cpu(1).skb(0x2000).netns(HOST).dev(4, "nj-h-r", "veth")
                .hook(Hook.NETIF_RX).build());
        TracedHop forwarded = assembler.accept(hop().at(2_500).cpu(1).netns(0).taskNetns(CTR).dev(0, "", "")
                .route(254, -101, 4, null).build());
        assertEquals(HOST, forwarded.event().netnsInode(), "where the packet was received, on that CPU");
    }

    @Test
    void aPlacedRouteDecisionIsTheSameDecisionInItsNamespace() {
        JourneyAssembler assembler = new JourneyAssembler();
        RouteDecision lookup = hop().netns(0).taskNetns(CTR).dev(0, "", "").route(254, 0, 0, "198.51.100.66")
                .buildRoute();
        assertEquals(lookup.inNetns(CTR), assembler.accept(lookup).event());

        RouteDecision known = hop().netns(HOST).taskNetns(CTR).dev(5, "nj-h-r", "veth").route(254, 0, 0, null)
                .buildRoute();
        assertSame(known, assembler.accept(known).event(), "the kernel named its namespace: kept");
    }
}
