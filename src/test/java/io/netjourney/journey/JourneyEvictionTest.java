package io.netjourney.journey;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopEventBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyEvictionTest {
    private static final long SECOND = 1_000_000_000L;

    /** One UDP packet of its own flow (source port {@code port}) crossing one device. */
    private static TracedHop udp(JourneyAssembler assembler, long atNs, int port) {
        return assembler.accept(hop().at(atNs).skb(0xffff888100000000L + port).udp(port, 53).ipId(port).build());
    }

    @Test
    void idleFlowsAreEvictedByEventTime() {
        JourneyAssembler assembler = new JourneyAssembler(JourneyConfig.defaults().withFlowIdleNs(10 * SECOND));
        TracedHop old = udp(assembler, SECOND, 1000);
        TracedHop recent = udp(assembler, 5 * SECOND, 1001);

        udp(assembler, 12 * SECOND, 1002);

        assertTrue(assembler.flow(old.flowId()).isEmpty());
        assertTrue(assembler.packets(old.flowId()).isEmpty());
        assertTrue(assembler.flow(recent.flowId()).isPresent());
        JourneyStats stats = assembler.stats();
        assertEquals(1, stats.evictedFlows());
        assertEquals(1, stats.evictedPackets());
        assertEquals(2, stats.retainedFlows());
        assertEquals(3, stats.flows(), "counts keep what was evicted");
    }

    @Test
    void advancingTheClockEvictsWithoutEvents() {
        JourneyAssembler assembler = new JourneyAssembler(JourneyConfig.defaults().withFlowIdleNs(10 * SECOND));
        udp(assembler, SECOND, 1000);

        assembler.advanceTo(5 * SECOND);
        assertEquals(1, assembler.flows().size());
        assembler.advanceTo(20 * SECOND);
        assertEquals(0, assembler.flows().size());
        assertEquals(0, assembler.trackedSkbs());
        assertEquals(0, assembler.trackedContents());
    }

    @Test
    void beyondMaxFlowsTheLeastRecentlyActiveFlowGoes() {
        JourneyAssembler assembler = new JourneyAssembler(JourneyConfig.defaults().withMaxFlows(2));
        TracedHop first = udp(assembler, 1_000, 1000);
        TracedHop second = udp(assembler, 2_000, 1001);
        assembler.accept(hop().at(3_000).skb(0xffff888100000000L + 1000).udp(1000, 53).ipId(1000)
                .hook(Hook.NETIF_RX).dev(9, "eth9", "veth").build());
        TracedHop third = udp(assembler, 4_000, 1002);

        assertTrue(assembler.flow(first.flowId()).isPresent(), "touched recently");
        assertTrue(assembler.flow(second.flowId()).isEmpty());
        assertTrue(assembler.flow(third.flowId()).isPresent());
        assertEquals(1, assembler.stats().evictedFlows());
    }

    @Test
    void beyondMaxPacketsTheOldestPacketsGoAndTheFlowKeepsItsCounts() {
        JourneyAssembler assembler = new JourneyAssembler(JourneyConfig.defaults().withMaxPackets(2));
        HopEventBuilder ping = hop().from("198.51.100.1").to("198.51.100.2");
        long flowId = 0;
        for (int seq = 1; seq <= 5; seq++) {
            flowId = assembler.accept(ping.at(seq * 1_000_000L).skb(0xffff888100000000L + seq)
                    .icmp(8, 0, 7, seq).ipId(seq).build()).flowId();
        }

        List<PacketJourney> retained = assembler.packets(flowId);
        assertEquals(List.of(4L, 5L), retained.stream().map(PacketJourney::packetId).toList());
        FlowSummary flow = assembler.flow(flowId).orElseThrow();
        assertEquals(5, flow.packets());
        assertEquals(2, flow.retainedPackets());
        assertEquals(3, assembler.stats().evictedPackets());
        assertEquals(0, assembler.stats().evictedFlows());
    }

    @Test
    void aPacketKeepsAtMostMaxHopsButCountsThemAll() {
        JourneyAssembler assembler = new JourneyAssembler(JourneyConfig.defaults().withMaxHopsPerPacket(2));
        TracedHop last = null;
        for (int i = 0; i < 4; i++) {
            last = assembler.accept(hop().at(1_000 + i).dev(10 + i, "d" + i, "veth").build());
        }

        assertEquals(3, last.hopIndex());
        PacketJourney packet = assembler.packets(last.flowId()).get(0);
        assertEquals(2, packet.hops().size());
        assertEquals(4, packet.hopCount());
    }

    @Test
    void withNoHopsKeptPacketsStillGetTheirIdsIndexesAndLatencies() {
        JourneyAssembler keeping = new JourneyAssembler();
        JourneyAssembler lean = new JourneyAssembler(JourneyConfig.defaults().withMaxHopsPerPacket(0));
        for (int i = 0; i < 4; i++) {
            HopEvent event = hop().at(1_000 + 10L * i).dev(10 + i, "d" + i, "veth").build();
            TracedHop kept = keeping.accept(event);
            TracedHop returned = lean.accept(event);
            assertEquals(kept, returned, "the same hop, whether crossings are kept or not");
        }
        PacketJourney packet = lean.packets(1).get(0);
        assertEquals(0, packet.hops().size());
        assertEquals(4, packet.hopCount());
    }

    @Test
    void memoryStaysBoundedOverAMillionDistinctFlows() {
        int maxFlows = 1_000;
        int maxPackets = 1_500;
        JourneyAssembler assembler = new JourneyAssembler(
                JourneyConfig.defaults().withMaxFlows(maxFlows).withMaxPackets(maxPackets));
        HopEventBuilder[] sources = new HopEventBuilder[16];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = hop().from("198.51.100." + (i + 10)).to("198.51.100.2");
        }
        int events = 1_000_000;
        for (int i = 0; i < events; i++) {
            HopEventBuilder builder = sources[i & 15];
            assembler.accept(builder.at(i * 1_000L).skb(0xffff888000000000L + i * 256L)
                    .udp(1 + (i >>> 4), 53).ipId(i & 0xFFFF).build());
        }

        JourneyStats stats = assembler.stats();
        assertEquals(events, stats.flows());
        assertEquals(events, stats.crossings());
        assertTrue(stats.retainedFlows() <= maxFlows, "flows " + stats.retainedFlows());
        assertTrue(stats.retainedPackets() <= maxPackets, "packets " + stats.retainedPackets());
        assertTrue(assembler.trackedSkbs() <= maxPackets * PacketState.MAX_SKBS, "skbs " + assembler.trackedSkbs());
        assertTrue(assembler.trackedContents() <= maxPackets, "contents " + assembler.trackedContents());
        assertEquals(events - stats.retainedFlows(), stats.evictedFlows());
        assertFalse(assembler.flows().isEmpty());
    }

    @Test
    void configRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> JourneyConfig.defaults().withMaxFlows(0));
        assertThrows(IllegalArgumentException.class, () -> JourneyConfig.defaults().withFlowIdleNs(0));
        assertThrows(IllegalArgumentException.class, () -> JourneyConfig.defaults().withLinkWindowNs(-1));
    }
}
