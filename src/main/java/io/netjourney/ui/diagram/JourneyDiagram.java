package io.netjourney.ui.diagram;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * The journey diagram: namespaces as labelled boxes, interfaces as nodes with an icon for their kind, the observed
 * transitions as edges, and over them the selected flow's request and reply paths. Zoom with the scroll wheel (or
 * pinch), pan by dragging the background.
 *
 * <p>State is only the properties below; the skin draws it, {@code journey-diagram.css} styles it (add the style
 * class {@code dark} for the dark variant). Clicking a node selects it and calls {@link #onInterfaceClickedProperty
 * onInterfaceClicked}; clicking empty space clears the selection and calls {@link #onBackgroundClickedProperty
 * onBackgroundClicked}. The graph only ever grows: a graph that does not extend the previous one starts afresh.
 */
public class JourneyDiagram extends Control {
    private static final String STYLESHEET = JourneyDiagram.class.getResource("journey-diagram.css").toExternalForm();

    private final ObjectProperty<DiagramGraph> graph = new SimpleObjectProperty<>(this, "graph", DiagramGraph.EMPTY);
    private final ObjectProperty<Highlight> highlight = new SimpleObjectProperty<>(this, "highlight", Highlight.NONE);
    private final ObjectProperty<String> selectedInterface = new SimpleObjectProperty<>(this, "selectedInterface");
    private final ObjectProperty<Consumer<String>> onInterfaceClicked =
            new SimpleObjectProperty<>(this, "onInterfaceClicked");
    private final ObjectProperty<Runnable> onBackgroundClicked = new SimpleObjectProperty<>(this, "onBackgroundClicked");

    public JourneyDiagram() {
        getStyleClass().add("journey-diagram");
        setFocusTraversable(true);
    }

    public JourneyDiagram(DiagramGraph graph, Highlight highlight) {
        this();
        setGraph(graph);
        setHighlight(highlight);
    }

    // ---- properties

    /** What to draw; never null (null means {@link DiagramGraph#EMPTY}). */
    public final ObjectProperty<DiagramGraph> graphProperty() {
        return graph;
    }

    public final DiagramGraph getGraph() {
        return graph.get() == null ? DiagramGraph.EMPTY : graph.get();
    }

    public final void setGraph(DiagramGraph value) {
        graph.set(value);
    }

    /** The paths drawn over the graph; null means {@link Highlight#NONE}. */
    public final ObjectProperty<Highlight> highlightProperty() {
        return highlight;
    }

    public final Highlight getHighlight() {
        return highlight.get() == null ? Highlight.NONE : highlight.get();
    }

    public final void setHighlight(Highlight value) {
        highlight.set(value);
    }

    /** The id ({@link DiagramGraph#idOf}) of the selected interface, or null. */
    public final ObjectProperty<String> selectedInterfaceProperty() {
        return selectedInterface;
    }

    public final String getSelectedInterface() {
        return selectedInterface.get();
    }

    public final void setSelectedInterface(String id) {
        selectedInterface.set(id);
    }

    /** Called with the interface id when a node is clicked. */
    public final ObjectProperty<Consumer<String>> onInterfaceClickedProperty() {
        return onInterfaceClicked;
    }

    public final void setOnInterfaceClicked(Consumer<String> value) {
        onInterfaceClicked.set(value);
    }

    /** Called when empty space is clicked (not after a pan). */
    public final ObjectProperty<Runnable> onBackgroundClickedProperty() {
        return onBackgroundClicked;
    }

    public final void setOnBackgroundClicked(Runnable value) {
        onBackgroundClicked.set(value);
    }

    // ---- commands

    public void zoomIn() {
        skin().zoomBy(ViewTransform.STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        skin().zoomBy(1 / ViewTransform.STEP, getWidth() / 2, getHeight() / 2);
    }

    /**
     * Scales and centres the whole diagram into the visible area (never above 100 %), and keeps it so as the graph
     * grows or the area changes size, until the user zooms or pans. A new diagram starts that way.
     */
    public void zoomToFit() {
        skin().zoomToFit();
    }

    /**
     * Moves a dot along the path through these interfaces (ids), in the reply colour if {@code reply}. Throttled:
     * returns false, and shows nothing, when too many dots are already moving or too many started this second.
     */
    public boolean animatePacket(List<String> interfaceIds, boolean reply) {
        return skin().animatePacket(interfaceIds, reply);
    }

    /**
     * The whole diagram as shown (highlight included), independent of zoom and pan: its size is the content size
     * times {@code scale}. Call on the FX thread, with the control in a scene.
     */
    public WritableImage snapshot(double scale) {
        return skin().snapshot(scale);
    }

    // ---- control plumbing

    /** Draws the picture at 1:1 without moving packets (see {@link JourneyDiagramSkin#still}), for the exports. */
    <T> T still(Function<Region, T> draw) {
        return skin().still(draw);
    }

    void interfaceClicked(String id) {
        setSelectedInterface(id);
        Consumer<String> callback = onInterfaceClicked.get();
        if (callback != null) {
            callback.accept(id);
        }
    }

    void backgroundClicked() {
        setSelectedInterface(null);
        Runnable callback = onBackgroundClicked.get();
        if (callback != null) {
            callback.run();
        }
    }

    private JourneyDiagramSkin skin() {
        if (getSkin() == null) {
            applyCss();
        }
        if (getSkin() instanceof JourneyDiagramSkin s) {
            return s;
        }
        throw new IllegalStateException("the journey diagram needs its skin: add it to a scene first");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new JourneyDiagramSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}
