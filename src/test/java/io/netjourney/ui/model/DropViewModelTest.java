package io.netjourney.ui.model;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Hook;
import io.netjourney.capture.Names;
import io.netjourney.journey.JourneyAssembler;
import io.netjourney.journey.TracedHop;
import io.netjourney.ui.diagram.DiagramGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A dropped request: the flow says so, the node where it died carries the red marker, the table ends with it. */
class DropViewModelTest {
    static final long HOST = 4026532176L;
    static final long CTR2 = 4026532314L;

    @Test
    void aDroppedRequestMarksTheFlowAndTheNodeWhereItDied() {
        JourneyAssembler assembler = new JourneyAssembler();
        List<TracedHop> hops = new ArrayList<>();
        long skb = 0x5000;
        hops.add(assembler.accept(hop().at(1_000).skb(skb).netns(HOST).dev(3, "nj-veth2", "veth").build()));
        hops.add(assembler.accept(hop().at(2_000).skb(skb).netns(CTR2).dev(2, "eth0", "veth")
                .hook(Hook.NETIF_RX).build()));
        HopEvent drop = hop().at(3_000).skb(skb).netns(CTR2).dev(2, "eth0", "veth").drop(12, 1).build();
        hops.add(assembler.accept(drop.withVerdict(drop.verdict().named("NETFILTER_DROP", "nft_do_chain+0x4"))));

        JourneyViewModel model = new JourneyViewModel(Names.NONE);
        model.accept(hops);
        FlowRow row = model.flows().get(0);
        assertEquals(FlowStatus.DROPPED, row.getState());
        model.select(row.getId());
        String eth0 = DiagramGraph.idOf(CTR2, 2);
        assertEquals(Set.of(eth0), model.highlightProperty().get().dropped(), "the red end marker");
        assertEquals(2, model.graphProperty().get().interfaces().size(), "a drop is not an interface of its own");
        HopRow last = model.hopRows().get(model.hopRows().size() - 1);
        assertEquals("dropped: NETFILTER_DROP", last.info());
        assertEquals(eth0, last.interfaceId());
        assertTrue(model.crossingsProperty().get() == 2, "drops are not counted as crossings");
    }
}
