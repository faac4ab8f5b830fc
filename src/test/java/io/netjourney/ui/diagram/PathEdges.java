package io.netjourney.ui.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A highlighted path as the interfaces it runs through, in order, each described by the caller. */
public final class PathEdges {
    private PathEdges() {
    }

    public static List<String> interfaces(List<Highlight.PathEdge> edges, Function<String, String> describe) {
        List<String> out = new ArrayList<>();
        for (Highlight.PathEdge edge : edges) {
            if (out.isEmpty()) {
                out.add(describe.apply(edge.fromId()));
            }
            out.add(describe.apply(edge.toId()));
        }
        return out;
    }
}
