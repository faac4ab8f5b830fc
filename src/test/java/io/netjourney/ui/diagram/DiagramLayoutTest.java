package io.netjourney.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.ui.diagram.DiagramLayout.Rect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagramLayoutTest {
    private static final Rect CANVAS_LIMIT = new Rect(0, 0, 100_000, 100_000);

    @Test
    void nothingPlacedMovesAsTheGraphGrows() {
        DiagramGraph full = DiagramFixtures.big(20, 60);
        DiagramLayout layout = new DiagramLayout();
        Map<String, Rect> seenNodes = new HashMap<>();
        Map<Long, Rect> seenBoxes = new HashMap<>();
        for (int k = 1; k <= full.interfaces().size(); k++) {
            DiagramGraph g = DiagramFixtures.prefix(full, k);
            layout.update(g);
            for (DiagramGraph.Interface iface : g.interfaces()) {
                Rect now = layout.interfaceNode(iface.id());
                Rect before = seenNodes.putIfAbsent(iface.id(), now);
                assertEquals(before == null ? now : before, now, iface.id() + " moved after append " + k);
            }
            for (long inode : layout.namespaces()) {
                Rect now = layout.namespaceBox(inode);
                Rect before = seenBoxes.put(inode, now);
                if (before != null) {
                    assertEquals(before.x(), now.x(), "box x of " + inode);
                    assertEquals(before.y(), now.y(), "box y of " + inode);
                    assertEquals(before.width(), now.width(), "box width of " + inode);
                    assertTrue(now.height() >= before.height(), "box of " + inode + " shrank");
                }
            }
            assertNoOverlaps(layout, g);
        }
        assertEquals(60, seenNodes.size());
        assertEquals(20, seenBoxes.size());
    }

    @Test
    void twentyNamespacesAndSixtyInterfacesFitWithoutOverlaps() {
        DiagramGraph g = DiagramFixtures.big(20, 60);
        assertEquals(20, g.namespaces().size());
        assertEquals(60, g.interfaces().size());
        DiagramLayout layout = new DiagramLayout().update(g);
        assertNoOverlaps(layout, g);
        Rect content = new Rect(0, 0, layout.width(), layout.height());
        for (long inode : layout.namespaces()) {
            assertTrue(content.contains(layout.namespaceBox(inode)), "box " + inode + " inside the content");
        }
        assertEquals(20, layout.namespaces().size());
        // a readable shape: the host with its 19 ports and the bridge is the tallest column
        assertTrue(layout.height() < 1200, "height " + layout.height());
        assertTrue(CANVAS_LIMIT.contains(content));
    }

    @Test
    void aBridgeSitsAboveItsPortsEvenWhenAPortComesFirst() {
        DiagramGraph g = DiagramFixtures.dockerLike();
        DiagramLayout layout = new DiagramLayout().update(g);
        Rect bridge = layout.interfaceNode(DiagramFixtures.DOCKER0);
        for (String port : List.of(DiagramFixtures.VETH_A, DiagramFixtures.VETH_B, DiagramFixtures.VETH_R)) {
            Rect p = layout.interfaceNode(port);
            assertTrue(bridge.maxY() <= p.y(), "bridge above " + port);
            assertTrue(p.x() > bridge.x(), "port " + port + " indented under its bridge");
        }
        // the port came first, so the bridge took the row it reserved: the very first row of the box
        Rect box = layout.namespaceBox(DiagramFixtures.HOST);
        assertEquals(box.y() + DiagramLayout.BOX_HEADER, bridge.y());
    }

    @Test
    void namespacesGetColumnsInTheOrderTheyAppear() {
        DiagramLayout layout = new DiagramLayout().update(DiagramFixtures.dockerLike());
        assertEquals(List.of(DiagramFixtures.CTR1, DiagramFixtures.HOST, DiagramFixtures.CTR2,
                DiagramFixtures.ROUTER, DiagramFixtures.FAR), layout.namespaces());
        double previous = -1;
        for (long inode : layout.namespaces()) {
            assertTrue(layout.namespaceBox(inode).x() > previous);
            previous = layout.namespaceBox(inode).maxX();
        }
    }

    @Test
    void anInterfaceOfAnUnlistedNamespaceStillGetsABox() {
        DiagramGraph g = new DiagramGraph(List.of(),
                List.of(DiagramFixtures.iface(DiagramGraph.idOf(77, 1), "lo", "loopback", null)), List.of());
        DiagramLayout layout = new DiagramLayout().update(g);
        assertNotNull(layout.namespaceBox(77));
        assertTrue(layout.namespaceBox(77).contains(layout.interfaceNode(DiagramGraph.idOf(77, 1))));
    }

    @Test
    void anEmptyGraphHasAMinimalCanvas() {
        DiagramLayout layout = new DiagramLayout().update(DiagramGraph.EMPTY);
        assertTrue(layout.width() > 0 && layout.height() > 0);
        assertTrue(layout.namespaces().isEmpty());
    }

    @Test
    void extensionsAreRecognised() {
        DiagramGraph full = DiagramFixtures.dockerLike();
        assertTrue(full.isExtensionOf(DiagramGraph.EMPTY));
        assertTrue(full.isExtensionOf(DiagramFixtures.prefix(full, 4)));
        assertTrue(full.isExtensionOf(full));
        assertFalse(DiagramFixtures.big(5, 10).isExtensionOf(full));
    }

    static void assertNoOverlaps(DiagramLayout layout, DiagramGraph g) {
        List<Rect> boxes = new ArrayList<>();
        for (long inode : layout.namespaces()) {
            boxes.add(layout.namespaceBox(inode));
        }
        assertPairwiseApart(boxes, "namespace boxes");
        List<Rect> nodes = new ArrayList<>();
        for (DiagramGraph.Interface iface : g.interfaces()) {
            Rect node = layout.interfaceNode(iface.id());
            assertTrue(layout.namespaceBox(iface.netnsInode()).contains(node), iface.id() + " inside its box");
            nodes.add(node);
        }
        assertPairwiseApart(nodes, "interface nodes");
    }

    private static void assertPairwiseApart(List<Rect> rects, String what) {
        for (int i = 0; i < rects.size(); i++) {
            for (int j = i + 1; j < rects.size(); j++) {
                assertFalse(rects.get(i).overlaps(rects.get(j)), what + " " + rects.get(i) + " and " + rects.get(j));
            }
        }
    }
}
