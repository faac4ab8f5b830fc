package io.netjourney.ui.time;

import io.netjourney.journey.FlowDetail;
import io.netjourney.journey.PacketDirection;
import io.netjourney.ui.time.SequenceLayout.Column;
import io.netjourney.ui.time.SequenceLayout.Row;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * Draws a {@link SequenceLayout}: a caption saying what is shown, the interfaces' headers (kept in view while the
 * rows scroll), their lines, and per row the time, the arrow or mark with its label and the row's comment. Texts are
 * measured in the fonts {@code time-view.css} gives them, so that the layout leaves each one its whole width.
 */
public final class TimeView extends BorderPane {
    private static final String STYLESHEET = TimeView.class.getResource("time-view.css").toExternalForm();
    private static final double ARROW_HEAD = 7;
    private static final double TEXT_RISE = 6;
    private static final int MAX_MEASURED = 10_000;
    /** Rows drawn above and below the viewport, at least. */
    private static final int VISIBLE_MARGIN_ROWS = 8;

    private final Label caption = new Label();
    private final Pane header = new Pane();
    private final Pane rows = new Pane();
    private final Pane content = new Pane(rows, header);
    private final ScrollPane scroll = new ScrollPane(content);
    private final Tooltip tooltip = new Tooltip();
    /** A hidden text per font, styled like the texts drawn, whose font the measurements use. */
    private final Map<SequenceLayout.Font, Text> probes = new EnumMap<>(SequenceLayout.Font.class);
    private final Map<SequenceLayout.Font, Map<String, Double>> measured = new EnumMap<>(SequenceLayout.Font.class);
    private final Map<SequenceLayout.Font, Font> fonts = new EnumMap<>(SequenceLayout.Font.class);
    private final Text ruler = new Text();
    private SequenceLayout layout = SequenceLayout.EMPTY;
    private long flowShown;
    /** The rows drawn: from, to (exclusive). */
    private int drawnFrom;
    private int drawnTo = -1;
    private FlowDetail detailShown;
    private LongFunction<String> namespacesShown;

    public TimeView() {
        getStyleClass().add("time-view");
        getStylesheets().add(STYLESHEET);
        caption.getStyleClass().add("time-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setMinHeight(Label.USE_PREF_SIZE);
        setTop(caption);
        header.getStyleClass().add("time-header");
        rows.getStyleClass().add("time-rows");
        rows.setLayoutY(SequenceLayout.HEADER_HEIGHT);
        content.getStyleClass().add("time-content");
        scroll.getStyleClass().add("time-scroll");
        scroll.setFitToWidth(false);
        setCenter(scroll);
        // the header stays at the top of the viewport while the rows scroll under it
        scroll.viewportBoundsProperty().addListener((obs, old, b) -> {
            // header and bands reach across the whole viewport when the diagram is narrower
            content.setMinWidth(b.getWidth());
            pinHeader();
        });
        scroll.vvalueProperty().addListener((obs, old, v) -> pinHeader());
        content.heightProperty().addListener((obs, old, h) -> pinHeader());
        // the stylesheet's fonts apply once in a scene: measure again then
        sceneProperty().addListener((obs, old, scene) -> {
            measured.values().forEach(Map::clear);
            if (scene != null && detailShown != null) {
                show(detailShown, namespacesShown);
            }
        });
        for (SequenceLayout.Font font : SequenceLayout.Font.values()) {
            Text probe = new Text("M");
            probe.getStyleClass().add(styleOf(font));
            probe.setVisible(false);
            probe.setManaged(false);
            probes.put(font, probe);
            measured.put(font, new HashMap<>());
            fonts.put(font, Font.getDefault());
        }
        getChildren().addAll(probes.values());
        rows.addEventHandler(MouseEvent.MOUSE_MOVED, this::pointAt);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(640);
        show(SequenceLayout.EMPTY);
    }

    /** Lays out and draws the newest packets of a flow; null shows the hint to select one. */
    public void show(FlowDetail detail, LongFunction<String> namespaces) {
        detailShown = detail;
        namespacesShown = namespaces;
        if (detail == null) {
            show(SequenceLayout.EMPTY);
            flowShown = 0;
            return;
        }
        boolean newFlow = detail.flow().flowId() != flowShown;
        boolean atBottom = newFlow || scroll.getVvalue() >= scroll.getVmax() - 0.01;
        flowShown = detail.flow().flowId();
        resolveFonts();
        show(SequenceLayout.of(detail, namespaces, this::width, SequenceLayout.DEFAULT_MAX_PACKETS));
        if (atBottom) {
            scroll.layout();
            scroll.setVvalue(scroll.getVmax());
        }
    }

    /** What is drawn. */
    public SequenceLayout shownLayout() {
        return layout;
    }

    /** Says everything about the row under the pointer. */
    Tooltip rowTooltip() {
        return tooltip;
    }

    /** The rows drawn now: those around the viewport. */
    public List<Row> drawnRows() {
        return drawnTo < 0 ? List.of() : layout.rows().subList(drawnFrom, drawnTo);
    }

    private void show(SequenceLayout shown) {
        layout = shown;
        caption.setText(shown.caption());
        drawHeader(shown);
        content.setPrefSize(shown.width(), SequenceLayout.HEADER_HEIGHT + shown.height());
        rows.setPrefSize(shown.width(), shown.height());
        header.setPrefSize(shown.width(), SequenceLayout.HEADER_HEIGHT);
        drawnFrom = 0;
        drawnTo = -1;
        pinHeader();
    }

    /**
     * Rows are drawn only around the viewport (a few screens' worth), and again when scrolling leaves what is drawn:
     * the cost of a draw does not grow with the rows shown.
     */
    private void drawVisibleRows() {
        double viewport = scroll.getViewportBounds() == null ? 0 : scroll.getViewportBounds().getHeight();
        double top = header.getTranslateY();
        int first = Math.max(0, (int) (top / SequenceLayout.ROW_HEIGHT) - 1);
        int last = Math.min(layout.rows().size(), (int) ((top + viewport) / SequenceLayout.ROW_HEIGHT) + 1);
        if (first >= drawnFrom && last <= drawnTo) {
            return;
        }
        int margin = Math.max(VISIBLE_MARGIN_ROWS, last - first);
        drawnFrom = Math.max(0, first - margin);
        drawnTo = Math.min(layout.rows().size(), last + margin);
        drawRows(layout, drawnFrom, drawnTo);
    }

    private void pinHeader() {
        double viewport = scroll.getViewportBounds() == null ? 0 : scroll.getViewportBounds().getHeight();
        double hidden = Math.max(0, content.getHeight() - viewport);
        header.setTranslateY(scroll.getVvalue() * hidden);
        drawVisibleRows();
    }

    private void drawHeader(SequenceLayout shown) {
        List<Node> nodes = new ArrayList<>();
        Rectangle background = new Rectangle(0, 0, Math.max(shown.width(), 1), SequenceLayout.HEADER_HEIGHT);
        background.getStyleClass().add("time-header-background");
        background.widthProperty().bind(content.widthProperty());
        nodes.add(background);
        if (!shown.columns().isEmpty()) {
            nodes.add(text("t (s)", SequenceLayout.Font.TIME, SequenceLayout.PAD, 18, "time-time-title"));
        }
        for (Column column : shown.columns()) {
            Text name = text(column.name(), SequenceLayout.Font.NAME, 0, 18, "time-column-name");
            name.setX(column.x() - width(column.name(), SequenceLayout.Font.NAME) / 2);
            Text namespace = text(column.namespace(), SequenceLayout.Font.NAMESPACE, 0, 34, "time-column-namespace");
            namespace.setX(column.x() - width(column.namespace(), SequenceLayout.Font.NAMESPACE) / 2);
            name.setId("time-column-" + column.index());
            nodes.add(name);
            nodes.add(namespace);
        }
        Line rule = new Line(0, SequenceLayout.HEADER_HEIGHT - 0.5, Math.max(shown.width(), 1),
                SequenceLayout.HEADER_HEIGHT - 0.5);
        rule.getStyleClass().add("time-header-rule");
        rule.endXProperty().bind(content.widthProperty());
        nodes.add(rule);
        header.getChildren().setAll(nodes);
    }

    private void drawRows(SequenceLayout shown, int from, int to) {
        List<Node> nodes = new ArrayList<>((to - from) * 6 + shown.columns().size());
        for (Column column : shown.columns()) {
            Line life = new Line(column.x(), 0, column.x(), Math.max(shown.height(), 1));
            life.getStyleClass().add("time-lifeline");
            nodes.add(life);
        }
        boolean banded = true;
        long packet = 0;
        for (int i = 0; i < to; i++) {
            Row row = shown.rows().get(i);
            if (row.packetId() != packet) {
                banded = !banded;
                packet = row.packetId();
            }
            if (i < from) {
                continue;
            }
            if (banded) {
                Rectangle band = new Rectangle(0, row.index() * SequenceLayout.ROW_HEIGHT, shown.width(),
                        SequenceLayout.ROW_HEIGHT);
                band.getStyleClass().add("time-band");
                band.widthProperty().bind(content.widthProperty());
                nodes.add(0, band);
            }
            nodes.add(text(row.time(), SequenceLayout.Font.TIME, SequenceLayout.PAD, row.y() + 4, "time-time"));
            String direction = row.direction() == PacketDirection.REQUEST ? "request" : "reply";
            double x = shown.columns().get(row.to()).x();
            double y = row.y();
            switch (row.kind()) {
                case START -> {
                    Circle mark = new Circle(x, y, 4);
                    mark.getStyleClass().addAll("time-start", direction);
                    nodes.add(mark);
                    nodes.add(besideBackground(row, banded));
                    nodes.add(label(row, y + 4, direction));
                }
                case ARROW -> {
                    double start = shown.columns().get(row.from()).x();
                    double sign = Math.signum(x - start);
                    Line line = new Line(start, y, x - sign * ARROW_HEAD, y);
                    line.getStyleClass().addAll("time-arrow", direction);
                    Polygon head = new Polygon(x, y, x - sign * ARROW_HEAD, y - ARROW_HEAD / 2,
                            x - sign * ARROW_HEAD, y + ARROW_HEAD / 2);
                    head.getStyleClass().addAll("time-arrow-head", direction);
                    nodes.add(line);
                    nodes.add(head);
                    nodes.add(label(row, y - TEXT_RISE, direction));
                }
                case STEP -> {
                    Polyline loop = new Polyline(x, y - 8, x + 8, y - 8, x + 8, y, x + ARROW_HEAD, y);
                    loop.getStyleClass().addAll("time-step", direction);
                    Polygon head = new Polygon(x, y, x + ARROW_HEAD, y - ARROW_HEAD / 2, x + ARROW_HEAD,
                            y + ARROW_HEAD / 2);
                    head.getStyleClass().addAll("time-arrow-head", direction);
                    nodes.add(loop);
                    nodes.add(head);
                    nodes.add(besideBackground(row, banded));
                    nodes.add(label(row, y + 4, direction));
                }
                case DROP -> {
                    String kind = row.expected() ? "expected" : "real";
                    double r = 5;
                    Line a = new Line(x - r, y - r, x + r, y + r);
                    Line b = new Line(x - r, y + r, x + r, y - r);
                    a.getStyleClass().addAll("time-drop", kind);
                    b.getStyleClass().addAll("time-drop", kind);
                    nodes.add(a);
                    nodes.add(b);
                    nodes.add(besideBackground(row, banded));
                    Text label = label(row, y + 4, "time-drop-label");
                    label.getStyleClass().add(kind);
                    nodes.add(label);
                }
                default -> throw new IllegalStateException(row.kind().toString());
            }
            if (!row.comment().isEmpty()) {
                Text comment = text(row.comment(), SequenceLayout.Font.LABEL, shown.commentX(), y + 4,
                        "time-comment");
                if (row.kind() == SequenceLayout.Kind.DROP) {
                    comment.getStyleClass().add(row.expected() ? "expected" : "real");
                }
                nodes.add(comment);
            }
        }
        rows.getChildren().setAll(nodes);
    }

    /** Behind a label beside its column, which may cross the lines of the columns right of it. */
    private static Rectangle besideBackground(Row row, boolean banded) {
        Rectangle background = new Rectangle(row.labelX() - 3, row.y() - 8, row.labelWidth() + 6, 16);
        background.getStyleClass().addAll("time-label-background", banded ? "banded" : "plain");
        return background;
    }

    private Text label(Row row, double baseline, String styleClass) {
        Text label = text(row.label(), SequenceLayout.Font.LABEL, row.labelX(), baseline, "time-label");
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static Text text(String value, SequenceLayout.Font font, double x, double baseline, String styleClass) {
        Text text = new Text(x, baseline, value);
        text.getStyleClass().addAll(styleOf(font), styleClass);
        return text;
    }

    private static String styleOf(SequenceLayout.Font font) {
        return switch (font) {
            case NAME -> "time-font-name";
            case NAMESPACE -> "time-font-namespace";
            case LABEL -> "time-font-label";
            case TIME -> "time-font-time";
        };
    }

    /** The row under the pointer tells the tooltip what to say. */
    private void pointAt(MouseEvent e) {
        int index = (int) (e.getY() / SequenceLayout.ROW_HEIGHT);
        if (index < 0 || index >= layout.rows().size()) {
            Tooltip.uninstall(rows, tooltip);
            return;
        }
        tooltip.setText(layout.rows().get(index).tooltip());
        Tooltip.install(rows, tooltip);
    }

    /** Takes the fonts the stylesheet gives each kind of text; widths measured in other fonts are forgotten. */
    private void resolveFonts() {
        for (SequenceLayout.Font kind : SequenceLayout.Font.values()) {
            Text probe = probes.get(kind);
            probe.applyCss();
            if (!probe.getFont().equals(fonts.get(kind))) {
                fonts.put(kind, probe.getFont());
                measured.get(kind).clear();
            }
        }
    }

    /** A text's width in the font the stylesheet gives texts of that kind (see {@link #resolveFonts()}). */
    double width(String text, SequenceLayout.Font font) {
        Map<String, Double> cache = measured.get(font);
        Double known = cache.get(text);
        if (known != null) {
            return known;
        }
        if (cache.size() > MAX_MEASURED) {
            cache.clear();
        }
        ruler.setFont(fonts.get(font));
        ruler.setText(text);
        double width = Math.ceil(ruler.getLayoutBounds().getWidth());
        cache.put(text, width);
        return width;
    }
}
