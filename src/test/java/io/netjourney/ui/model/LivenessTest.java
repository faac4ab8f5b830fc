package io.netjourney.ui.model;

import static io.netjourney.ui.model.Traffic.CTR_NS;
import static io.netjourney.ui.model.Traffic.DOCKER0;
import static io.netjourney.ui.model.Traffic.ETH0;
import static io.netjourney.ui.model.Traffic.HOST_NS;
import static io.netjourney.ui.model.Traffic.VETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.ui.diagram.DiagramGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Namespaces and interfaces that no longer exist: greyed at once, gone from the diagram a minute later. */
class LivenessTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final Liveness ALL_THERE = new Liveness(Set.of(HOST_NS, CTR_NS),
            Map.of(HOST_NS, Set.of(1, 3, 7), CTR_NS, Set.of(1, 2)));
    private static final Liveness CONTAINER_GONE = new Liveness(Set.of(HOST_NS), Map.of(HOST_NS, Set.of(1, 3)));

    private final Traffic traffic = new Traffic();
    private final Presented shown = new Presented(Traffic.NAMES);
    private final JourneyViewModel model = shown.view;
    private long flowId;

    @BeforeEach
    void aDockerPing() {
        shown.accept(traffic.ping(17146, 1, 1_000_000));
        flowId = model.flows().get(0).getId();
    }

    @Test
    void whatExistsIsNotMarked() {
        model.applyLiveness(ALL_THERE, 0);

        DiagramGraph graph = model.graphProperty().get();
        assertEquals(Set.of(), graph.goneNamespaces());
        assertEquals(Set.of(), graph.goneInterfaces());
    }

    @Test
    void aRemovedContainerAndItsVethAreGreyedAtOnce() {
        model.applyLiveness(CONTAINER_GONE, 0);

        DiagramGraph graph = model.graphProperty().get();
        assertEquals(Set.of(CTR_NS), graph.goneNamespaces());
        assertEquals(Set.of(VETH, ETH0), graph.goneInterfaces(), "the veth went with its peer");
        assertTrue(graph.isGone(graph.interfaces().get(2)), "eth0 in the gone namespace");
        assertFalse(graph.isGone(graph.interfaces().get(0)), "docker0 is still there");
        assertEquals(3, graph.interfaces().size(), "still drawn");
    }

    @Test
    void whatIsGoneForAMinuteLeavesTheDiagramWithItsLinks() {
        model.applyLiveness(CONTAINER_GONE, 0);
        model.applyLiveness(CONTAINER_GONE, MINUTE - 1);
        assertEquals(2, model.graphProperty().get().namespaces().size(), "kept for a minute");

        model.applyLiveness(CONTAINER_GONE, MINUTE);

        DiagramGraph graph = model.graphProperty().get();
        assertEquals(List.of(new DiagramGraph.Namespace(HOST_NS, "host")), graph.namespaces());
        assertEquals(List.of(DOCKER0), graph.interfaces().stream().map(DiagramGraph.Interface::id).toList());
        assertEquals(List.of(), graph.links());
        assertEquals(Set.of(), graph.goneNamespaces());
    }

    @Test
    void theSelectedFlowKeepsWhatItsPathUses() {
        model.select(flowId);
        model.applyLiveness(CONTAINER_GONE, 0);
        model.applyLiveness(CONTAINER_GONE, 2 * MINUTE);

        DiagramGraph graph = model.graphProperty().get();
        assertEquals(2, graph.namespaces().size(), "the selected flow runs through the container");
        assertEquals(Set.of(CTR_NS), graph.goneNamespaces(), "still shown as deleted");

        model.clearSelection();
        model.applyLiveness(CONTAINER_GONE, 2 * MINUTE);
        assertEquals(1, model.graphProperty().get().namespaces().size(), "gone once nothing needs it");
    }

    @Test
    void somethingThatComesBackIsNoLongerGone() {
        model.applyLiveness(CONTAINER_GONE, 0);
        model.applyLiveness(ALL_THERE, 1);

        assertEquals(Set.of(), model.graphProperty().get().goneNamespaces());
        model.applyLiveness(CONTAINER_GONE, MINUTE);
        assertEquals(2, model.graphProperty().get().namespaces().size(), "the minute starts again");
    }

    @Test
    void aNamespaceThatCouldNotBeListedKeepsItsInterfaces() {
        model.applyLiveness(new Liveness(Set.of(HOST_NS, CTR_NS), Map.of()), 0);

        assertEquals(Set.of(), model.graphProperty().get().goneInterfaces());
    }
}
