package io.netjourney.e2e;

import static io.netjourney.e2e.JourneyPrivilegedIT.LAB;
import static io.netjourney.e2e.JourneyPrivilegedIT.dev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.journey.DropClass;
import io.netjourney.journey.FlowStatus;
import io.netjourney.journey.FlowView;
import io.netjourney.journey.JourneyModel;
import io.netjourney.journey.PacketDirection;
import io.netjourney.journey.Topology;
import io.netjourney.journey.TracedHop;
import io.netjourney.lab.LabExtension;
import io.netjourney.lab.LabNode;
import io.netjourney.lab.Privileged;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lab's bridge with ageing 0 floods every frame to every port, as a Docker bridge does before it learnt a
 * container's MAC: a ping from nj-host to nj-ctr1 is one packet whose copies go to both ports. Each copy is a branch
 * from the bridge; the copy that reaches nj-ctr2 dies there as OTHERHOST, an expected drop, on its own branch.
 */
@Privileged
class FloodPrivilegedIT {
    @RegisterExtension
    static final LabExtension LAB_UP = new LabExtension(JourneyPrivilegedIT.PREFIX);

    @Test
    void aFloodedPingIsOnePacketWithABranchPerPort() throws Exception {
        String host = LAB.namespace(LabNode.HOST);
        String bridge = dev("br0");
        VerdictPrivilegedIT.run("ip", "-n", host, "link", "set", bridge, "type", "bridge", "ageing_time", "0");
        try {
            String target = LabNode.CTR1.ipv4();
            List<TracedHop> hops;
            try (LiveTrace trace = LiveTrace.withVerdicts("icmp and host " + target,
                    JourneyPrivilegedIT.labNamespaces())) {
                assertTrue(LAB.ping(LabNode.HOST, target, 1).success(), "the ping was answered");
                hops = trace.await(8);
            }
            List<TracedHop> request = hops.stream().filter(h -> h.direction() == PacketDirection.REQUEST
                    && h.packetId() != 0 && (h.event() instanceof Crossing || h.event() instanceof Drop)).toList();
            assertEquals(1, request.stream().map(TracedHop::packetId).distinct().count(), "one packet: " + hops);
            Map<String, TracedHop> at = request.stream().filter(h -> h.event() instanceof Crossing)
                    .collect(Collectors.toMap(FloodPrivilegedIT::where, Function.identity(), (a, b) -> a));
            long ctr1 = LAB.namespaceInode(LabNode.CTR1);
            long ctr2 = LAB.namespaceInode(LabNode.CTR2);
            TracedHop br0 = at.get(bridge);
            TracedHop veth1 = at.get(dev("veth1"));
            TracedHop veth2 = at.get(dev("veth2"));
            TracedHop inCtr1 = at.get(ctr1 + "/eth0");
            TracedHop inCtr2 = at.get(ctr2 + "/eth0");
            assertTrue(br0 != null && veth1 != null && veth2 != null && inCtr1 != null && inCtr2 != null,
                    "flooded to both ports: " + at.keySet());
            assertEquals(br0.ordinal(), veth1.parent(), "nj-veth1 follows the bridge");
            assertEquals(br0.ordinal(), veth2.parent(), "nj-veth2 follows the bridge, not the other copy");
            assertEquals(veth1.ordinal(), inCtr1.parent());
            assertEquals(veth2.ordinal(), inCtr2.parent());
            assertTrue(veth1.branch() != veth2.branch(), "a branch per port");
            assertEquals(veth1.branch(), inCtr1.branch());
            assertEquals(veth2.branch(), inCtr2.branch());
            assertEquals(2, inCtr1.hopIndex(), "hop numbers follow the branch");
            assertEquals(2, inCtr2.hopIndex());

            TracedHop drop = request.stream().filter(h -> h.event() instanceof Drop).findFirst()
                    .orElseThrow(() -> new AssertionError("the copy for nj-ctr2 was not dropped: " + hops));
            assertEquals("OTHERHOST", ((Drop) drop.event()).reasonName());
            assertEquals(ctr2, drop.event().netnsInode());
            assertEquals(inCtr2.branch(), drop.branch(), "the drop belongs to the copy that died");
            assertTrue(DropClass.of(drop.event()).expected(), "and it is expected");
            assertTheModelDrawsOnlyTheBranchesAndCallsTheFlowOk(hops, veth1, veth2, inCtr1, inCtr2);
        } finally {
            VerdictPrivilegedIT.run("ip", "-n", host, "link", "set", bridge, "type", "bridge", "ageing_time",
                    "30000");
        }
    }

    /** The same events in the model the window presents: its status and the diagram's links. */
    private static void assertTheModelDrawsOnlyTheBranchesAndCallsTheFlowOk(List<TracedHop> hops, TracedHop veth1,
            TracedHop veth2, TracedHop inCtr1, TracedHop inCtr2) {
        JourneyModel model = new JourneyModel();
        hops.forEach(h -> model.accept(h.event()));
        FlowView flow = model.flow(1);
        assertEquals(FlowStatus.OK, flow.status(), "answered, the flooded copy's drop expected: " + flow);
        Set<Set<Long>> links = model.topology().links().stream().map(l -> Set.of(l.from(), l.to()))
                .collect(Collectors.toSet());
        for (TracedHop copy : List.of(veth1, inCtr1)) {
            for (TracedHop other : List.of(veth2, inCtr2)) {
                assertFalse(links.contains(Set.of(key(copy), key(other))),
                        "no link between the two copies' interfaces: " + where(copy) + " and " + where(other));
            }
        }
        assertTrue(links.contains(Set.of(key(veth2), key(inCtr2))), "the dropped copy's own link is drawn");
    }

    private static long key(TracedHop hop) {
        return Topology.keyOf(hop.event().netnsInode(), hop.event().ifindex());
    }

    private static String where(TracedHop hop) {
        String name = hop.event().ifname();
        return name.equals("eth0") ? hop.event().netnsInode() + "/eth0" : name;
    }

}
