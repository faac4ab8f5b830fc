package io.netjourney.ui.diagram;

import java.util.List;
import java.util.Set;

/**
 * The selected flow's paths drawn over the diagram: request edges in one colour, reply edges in another, each
 * labelled with its hop number and latency; everything else dims. {@link #NONE} shows the plain diagram.
 *
 * @param request interfaces the request crosses, edges in order
 * @param reply   the same for the reply
 * @param marked  interfaces to mark (a selected hop-table row, a clicked node)
 * @param dropped interfaces where the flow's packets died (a red end marker)
 */
public record Highlight(List<PathEdge> request, List<PathEdge> reply, Set<String> marked, Set<String> dropped) {
    public static final Highlight NONE = new Highlight(List.of(), List.of(), Set.of(), Set.of());

    public Highlight(List<PathEdge> request, List<PathEdge> reply, Set<String> marked) {
        this(request, reply, marked, Set.of());
    }

    public Highlight {
        request = List.copyOf(request);
        reply = List.copyOf(reply);
        marked = Set.copyOf(marked);
        dropped = Set.copyOf(dropped);
    }

    public boolean isEmpty() {
        return request.isEmpty() && reply.isEmpty() && marked.isEmpty() && dropped.isEmpty();
    }

    /**
     * One step of a path, from one interface to the next; {@code hop} is the number of the hop it arrives at, as the
     * hop table and the Statistics tab number them (the path's first crossing is hop 1, so the first step is 2),
     * {@code label} what to print on it, e.g. "2 · 12.3 µs": that hop's average latency.
     */
    public record PathEdge(String fromId, String toId, int hop, String label) {
    }
}
