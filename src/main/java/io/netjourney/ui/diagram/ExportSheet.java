package io.netjourney.ui.diagram;

import io.netjourney.ui.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * The caption above an exported diagram and the legend below it, as scene-graph nodes styled like the diagram (its
 * colours, its theme): the PNG export snapshots them, the SVG export draws them. Both are laid out at one width —
 * the diagram's, or wider when a caption line needs it — and wrap by whole items, so no text is ever cut.
 */
final class ExportSheet {
    static final double MIN_WIDTH = 640;
    private static final String DIAGRAM_CSS = ExportSheet.class.getResource("journey-diagram.css").toExternalForm();
    private static final String SHEET_CSS = ExportSheet.class.getResource("export-sheet.css").toExternalForm();
    private static final double PAD_X = 40;

    private final VBox caption;
    private final VBox legend;
    private final double width;

    /** Builds both parts for a diagram {@code diagramWidth} wide; call on the FX thread. */
    ExportSheet(Caption text, double diagramWidth, boolean dark) {
        List<Label> captionLines = new ArrayList<>();
        Label title = label(text.title().isBlank() ? "netjourney" : text.title(), "caption-title");
        title.setId("caption-title");
        captionLines.add(title);
        FlowPane facts = new FlowPane(22, 4);
        for (String fact : text.facts()) {
            Label line = label(fact, "caption-fact");
            captionLines.add(line);
            facts.getChildren().add(line);
        }
        caption = root("caption", dark, title, facts);
        caption.setId("export-caption");

        FlowPane paths = new FlowPane(22, 8, item(pathSample("request"), "request path, arrow where it goes"),
                item(pathSample("reply"), "reply path"),
                item(edgeLabel(), "hop number along the path · mean µs to reach that hop"),
                item(line("link"), "a link some packet took"),
                item(line("link", "master-link"), "a port of a bridge"));
        FlowPane marks = new FlowPane(22, 8, item(node("dropped"), "where the flow's packets were dropped"),
                item(node("marked"), "the interface clicked, or the hop-table row selected"),
                item(node("dimmed"), "not on the selected flow's path"),
                item(node("gone"), "no longer exists (deleted)"));
        FlowPane kinds = new FlowPane(18, 8);
        for (String kind : KindIcons.KINDS) {
            kinds.getChildren().add(kindItem(kind));
        }
        legend = root("legend", dark, label("Legend", "legend-title"), paths, marks, kinds);
        legend.setId("export-legend");

        double widest = 0;
        for (Label line : captionLines) {
            widest = Math.max(widest, line.prefWidth(-1));
        }
        width = Math.ceil(Math.max(Math.max(diagramWidth, MIN_WIDTH), widest + PAD_X + 2));
        for (FlowPane flow : List.of(facts, paths, marks, kinds)) {
            flow.setPrefWrapLength(width - PAD_X);
        }
        layOut(caption);
        layOut(legend);
    }

    Region caption() {
        return caption;
    }

    Region legend() {
        return legend;
    }

    double width() {
        return width;
    }

    double captionHeight() {
        return caption.getHeight();
    }

    double legendHeight() {
        return legend.getHeight();
    }

    private static VBox root(String part, boolean dark, Node... children) {
        VBox root = new VBox(children);
        root.getStyleClass().addAll("journey-diagram", "export-sheet", part);
        Theme.setDark(root, dark);
        root.getStylesheets().addAll(DIAGRAM_CSS, SHEET_CSS);
        new Scene(new Group(root));
        root.applyCss();
        return root;
    }

    private void layOut(VBox root) {
        root.applyCss();
        root.resize(width, Math.ceil(root.prefHeight(width)));
        root.layout();
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox item(Node sample, String meaning) {
        HBox item = new HBox(8, sample, label(meaning, "legend-text"));
        item.setAlignment(Pos.CENTER_LEFT);
        item.getStyleClass().add("legend-item");
        return item;
    }

    private static Group pathSample(String kind) {
        Line line = new Line(0, 0, 30, 0);
        line.getStyleClass().addAll("path-edge", kind + "-edge");
        Polygon arrow = new Polygon(38, 0, 29, -4.5, 29, 4.5);
        arrow.getStyleClass().addAll("path-arrow", kind + "-arrow");
        return new Group(line, arrow);
    }

    private static Label edgeLabel() {
        Label label = new Label("2 · 8.1 µs");
        label.getStyleClass().addAll("edge-label", "request-label");
        label.setMinHeight(LabelPlacer.HEIGHT);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Line line(String... styleClasses) {
        Line line = new Line(0, 0, 38, 0);
        line.getStyleClass().addAll(styleClasses);
        return line;
    }

    /** A small interface node in one of the diagram's states, with room for the rings drawn around it. */
    private static HBox node(String state) {
        Label node = new Label("eth0", DiagramViews.icon("veth"));
        node.getStyleClass().addAll("interface-node", "kind-veth", "legend-sample", state);
        node.setMinSize(Region.USE_PREF_SIZE, 26);
        HBox room = new HBox(node);
        room.setPadding(new Insets(6));
        return room;
    }

    private static HBox kindItem(String kind) {
        HBox item = new HBox(6, DiagramViews.icon(kind), label(kind, "legend-text"));
        item.setAlignment(Pos.CENTER_LEFT);
        item.getStyleClass().addAll("legend-item", "kind-" + kind);
        return item;
    }
}
