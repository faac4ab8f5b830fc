package io.netjourney.ui.diagram;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.QuadCurve;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.VLineTo;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;

/**
 * Draws a laid-out, styled scene graph into an {@link SvgWriter} as it would paint: each region's background fills
 * and border strokes, each shape's geometry with its fill and stroke, each text's lines; invisible nodes are left
 * out. Effects (shadows) and clips are not drawn. The groups nest as the scene graph does, one {@code <g>} per
 * node with its style classes, its transform and its opacity (so a dimmed node fades as a whole), and a node's
 * tooltip as its group's {@code <title>} (a viewer shows it on hover). Call on the FX thread.
 */
final class SceneSvg {
    private final SvgWriter svg;

    SceneSvg(SvgWriter svg) {
        this.svg = svg;
    }

    /** Draws {@code root} and everything in it with root's (0, 0) at ({@code x}, {@code y}). */
    void draw(Node root, double x, double y) {
        visit(root, Transform.translate(x, y));
    }

    /** A group per visible node, nested as the scene graph is: its transform and opacity, then what it paints. */
    private void visit(Node node, Transform toParent) {
        if (!node.isVisible() || node.getOpacity() <= 0) {
            return;
        }
        boolean parent = node instanceof Parent p && !p.getChildrenUnmodifiable().isEmpty();
        if (!parent && !paints(node)) {
            return;
        }
        String classes = node.getStyleClass().isEmpty() ? null : String.join(" ", node.getStyleClass());
        svg.group(classes, isIdentity(toParent) ? null : new double[] {toParent.getMxx(), toParent.getMyx(),
            toParent.getMxy(), toParent.getMyy(), toParent.getTx(), toParent.getTy()}, node.getOpacity());
        Tooltip tip = DiagramViews.tooltipOf(node);
        if (tip != null && tip.getText() != null && !tip.getText().isBlank()) {
            svg.title(tip.getText());
        }
        if (node instanceof Region region) {
            paintRegion(region);
        } else if (node instanceof Text text) {
            paintText(text);
        } else if (node instanceof Shape shape) {
            String data = pathData(shape);
            if (data != null) {
                svg.path(data, style(shape));
            }
        }
        if (parent) {
            for (Node child : ((Parent) node).getChildrenUnmodifiable()) {
                visit(child, child.getLocalToParentTransform());
            }
        }
        svg.end();
    }

    private static boolean paints(Node node) {
        if (node instanceof Region region) {
            return region.getBackground() != null && !region.getBackground().getFills().isEmpty()
                    || region.getBorder() != null && !region.getBorder().getStrokes().isEmpty();
        }
        return node instanceof Shape;
    }

    private static boolean isIdentity(Transform t) {
        return t.getMxx() == 1 && t.getMyy() == 1 && t.getMxy() == 0 && t.getMyx() == 0 && t.getTx() == 0
                && t.getTy() == 0;
    }

    // ---- regions

    private void paintRegion(Region region) {
        double w = region.getWidth();
        double h = region.getHeight();
        Background background = region.getBackground();
        if (background != null) {
            for (BackgroundFill fill : background.getFills()) {
                String colour = colour(fill.getFill());
                if (colour != null) {
                    Insets in = fill.getInsets();
                    svg.rect(in.getLeft(), in.getTop(), w - in.getLeft() - in.getRight(),
                            h - in.getTop() - in.getBottom(), radius(fill.getRadii(), w),
                            new SvgWriter.Style(colour, alpha(fill.getFill()), null, 1, 0, null, null, null, 1));
                }
            }
        }
        Border border = region.getBorder();
        if (border != null) {
            for (BorderStroke stroke : border.getStrokes()) {
                paintBorder(stroke, w, h);
            }
        }
    }

    /** A border as one rectangle when its four sides are alike, else each visible side as a line of its own. */
    private void paintBorder(BorderStroke stroke, double w, double h) {
        Insets in = stroke.getInsets();
        double left = in.getLeft();
        double top = in.getTop();
        double right = w - in.getRight();
        double bottom = h - in.getBottom();
        BorderWidths widths = stroke.getWidths();
        boolean alike = stroke.isStrokeUniform() && widths.getTop() == widths.getRight()
                && widths.getTop() == widths.getBottom() && widths.getTop() == widths.getLeft();
        if (alike) {
            double width = widths.getTop();
            if (visible(stroke.getTopStroke(), width, stroke.getTopStyle())) {
                svg.rect(left + width / 2, top + width / 2, right - left - width, bottom - top - width,
                        radius(stroke.getRadii(), w), side(stroke.getTopStroke(), width, stroke.getTopStyle()));
            }
            return;
        }
        side(stroke.getTopStroke(), widths.getTop(), stroke.getTopStyle(), left, top + widths.getTop() / 2, right,
                top + widths.getTop() / 2);
        side(stroke.getRightStroke(), widths.getRight(), stroke.getRightStyle(), right - widths.getRight() / 2, top,
                right - widths.getRight() / 2, bottom);
        side(stroke.getBottomStroke(), widths.getBottom(), stroke.getBottomStyle(), left,
                bottom - widths.getBottom() / 2, right, bottom - widths.getBottom() / 2);
        side(stroke.getLeftStroke(), widths.getLeft(), stroke.getLeftStyle(), left + widths.getLeft() / 2, top,
                left + widths.getLeft() / 2, bottom);
    }

    private void side(Paint paint, double width, BorderStrokeStyle style, double x1, double y1, double x2,
            double y2) {
        if (visible(paint, width, style)) {
            svg.path("M" + xy(x1, y1) + " L" + xy(x2, y2), side(paint, width, style));
        }
    }

    private static SvgWriter.Style side(Paint paint, double width, BorderStrokeStyle style) {
        return new SvgWriter.Style(null, 1, colour(paint), alpha(paint), width, dashes(style.getDashArray()), null,
                null, 1);
    }

    private static boolean visible(Paint paint, double width, BorderStrokeStyle style) {
        return colour(paint) != null && width > 0 && style != BorderStrokeStyle.NONE;
    }

    private static double radius(CornerRadii radii, double width) {
        double r = radii.getTopLeftHorizontalRadius();
        return radii.isTopLeftHorizontalRadiusAsPercentage() ? r * width : r;
    }

    // ---- text

    private void paintText(Text text) {
        String content = text.getText();
        String colour = colour(text.getFill());
        if (content == null || content.isEmpty() || colour == null) {
            return;
        }
        javafx.scene.text.Font font = text.getFont();
        String[] lines = content.split("\n", -1);
        Bounds bounds = text.getLayoutBounds();
        double lineHeight = bounds.getHeight() / lines.length;
        double baseline = bounds.getMinY() + ascent(font);
        SvgWriter.Font svgFont = new SvgWriter.Font(family(font), font.getSize(), bold(font), colour,
                alpha(text.getFill()), 1);
        for (int i = 0; i < lines.length; i++) {
            svg.text(bounds.getMinX(), baseline + i * lineHeight, lines[i], svgFont);
        }
    }

    /** How far a line's baseline lies below its top, for this font. */
    private static double ascent(javafx.scene.text.Font font) {
        Text probe = new Text("Xg");
        probe.setFont(font);
        probe.setTextOrigin(VPos.BASELINE);
        return -probe.getLayoutBounds().getMinY();
    }

    private static String family(javafx.scene.text.Font font) {
        String family = font.getFamily();
        return family == null || family.equalsIgnoreCase("System") ? "sans-serif" : "'" + family + "', sans-serif";
    }

    private static boolean bold(javafx.scene.text.Font font) {
        String style = font.getStyle().toLowerCase(Locale.ROOT);
        return style.contains("bold") || style.contains("heavy") || style.contains("black");
    }

    // ---- shapes

    private static SvgWriter.Style style(Shape shape) {
        String fill = colour(shape.getFill());
        String stroke = colour(shape.getStroke());
        return new SvgWriter.Style(fill, alpha(shape.getFill()), stroke, alpha(shape.getStroke()),
                stroke == null ? 0 : shape.getStrokeWidth(), dashes(shape.getStrokeDashArray()),
                shape.getStrokeLineCap().name().toLowerCase(Locale.ROOT),
                shape.getStrokeLineJoin().name().toLowerCase(Locale.ROOT), 1);
    }

    /** The shape's outline as SVG path data, or null for a kind of shape not drawn (arcs, text of its own). */
    static String pathData(Shape shape) {
        if (shape instanceof SVGPath p) {
            return p.getContent();
        } else if (shape instanceof Path p) {
            return p.getElements().stream().map(SceneSvg::element).collect(Collectors.joining(" "));
        } else if (shape instanceof CubicCurve c) {
            return "M" + xy(c.getStartX(), c.getStartY()) + " C" + xy(c.getControlX1(), c.getControlY1()) + " "
                    + xy(c.getControlX2(), c.getControlY2()) + " " + xy(c.getEndX(), c.getEndY());
        } else if (shape instanceof QuadCurve q) {
            return "M" + xy(q.getStartX(), q.getStartY()) + " Q" + xy(q.getControlX(), q.getControlY()) + " "
                    + xy(q.getEndX(), q.getEndY());
        } else if (shape instanceof Line l) {
            return "M" + xy(l.getStartX(), l.getStartY()) + " L" + xy(l.getEndX(), l.getEndY());
        } else if (shape instanceof Polyline p) {
            return points(p.getPoints(), false);
        } else if (shape instanceof Polygon p) {
            return points(p.getPoints(), true);
        } else if (shape instanceof Rectangle r) {
            return rectangle(r);
        } else if (shape instanceof Circle c) {
            return ellipse(c.getCenterX(), c.getCenterY(), c.getRadius(), c.getRadius());
        } else if (shape instanceof Ellipse e) {
            return ellipse(e.getCenterX(), e.getCenterY(), e.getRadiusX(), e.getRadiusY());
        }
        return null;
    }

    private static String element(PathElement e) {
        String command;
        String args;
        if (e instanceof MoveTo m) {
            command = "M";
            args = xy(m.getX(), m.getY());
        } else if (e instanceof LineTo l) {
            command = "L";
            args = xy(l.getX(), l.getY());
        } else if (e instanceof HLineTo h) {
            command = "H";
            args = SvgWriter.num(h.getX());
        } else if (e instanceof VLineTo v) {
            command = "V";
            args = SvgWriter.num(v.getY());
        } else if (e instanceof CubicCurveTo c) {
            command = "C";
            args = xy(c.getControlX1(), c.getControlY1()) + " " + xy(c.getControlX2(), c.getControlY2()) + " "
                    + xy(c.getX(), c.getY());
        } else if (e instanceof QuadCurveTo q) {
            command = "Q";
            args = xy(q.getControlX(), q.getControlY()) + " " + xy(q.getX(), q.getY());
        } else if (e instanceof ArcTo a) {
            command = "A";
            args = SvgWriter.num(a.getRadiusX()) + " " + SvgWriter.num(a.getRadiusY()) + " "
                    + SvgWriter.num(a.getXAxisRotation()) + " " + (a.isLargeArcFlag() ? 1 : 0) + " "
                    + (a.isSweepFlag() ? 1 : 0) + " " + xy(a.getX(), a.getY());
        } else if (e instanceof ClosePath) {
            return "Z";
        } else {
            return "";
        }
        return (e.isAbsolute() ? command : command.toLowerCase(Locale.ROOT)) + args;
    }

    private static String points(List<Double> points, boolean closed) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i + 1 < points.size(); i += 2) {
            d.append(i == 0 ? "M" : " L").append(xy(points.get(i), points.get(i + 1)));
        }
        return closed && d.length() > 0 ? d.append(" Z").toString() : d.toString();
    }

    private static String rectangle(Rectangle r) {
        double x = r.getX();
        double y = r.getY();
        double w = r.getWidth();
        double h = r.getHeight();
        double rx = Math.min(r.getArcWidth() / 2, w / 2);
        double ry = Math.min(r.getArcHeight() / 2, h / 2);
        if (rx <= 0 || ry <= 0) {
            return "M" + xy(x, y) + " H" + SvgWriter.num(x + w) + " V" + SvgWriter.num(y + h) + " H"
                    + SvgWriter.num(x) + " Z";
        }
        String arc = " A" + SvgWriter.num(rx) + " " + SvgWriter.num(ry) + " 0 0 1 ";
        return "M" + xy(x + rx, y) + " H" + SvgWriter.num(x + w - rx) + arc + xy(x + w, y + ry)
                + " V" + SvgWriter.num(y + h - ry) + arc + xy(x + w - rx, y + h)
                + " H" + SvgWriter.num(x + rx) + arc + xy(x, y + h - ry)
                + " V" + SvgWriter.num(y + ry) + arc + xy(x + rx, y) + " Z";
    }

    private static String ellipse(double cx, double cy, double rx, double ry) {
        String arc = " A" + SvgWriter.num(rx) + " " + SvgWriter.num(ry) + " 0 1 0 ";
        return "M" + xy(cx - rx, cy) + arc + xy(cx + rx, cy) + arc + xy(cx - rx, cy) + " Z";
    }

    private static String xy(double x, double y) {
        return SvgWriter.num(x) + " " + SvgWriter.num(y);
    }

    private static String dashes(List<Double> dashes) {
        return dashes == null || dashes.isEmpty() ? null
                : dashes.stream().map(SvgWriter::num).collect(Collectors.joining(" "));
    }

    // ---- paint

    /** A paint as "#rrggbb" (a gradient by its first stop), or null when nothing would show. */
    static String colour(Paint paint) {
        Color c = solid(paint);
        if (c == null || c.getOpacity() == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static double alpha(Paint paint) {
        Color c = solid(paint);
        return c == null ? 1 : c.getOpacity();
    }

    private static Color solid(Paint paint) {
        if (paint instanceof Color c) {
            return c;
        } else if (paint instanceof LinearGradient g && !g.getStops().isEmpty()) {
            return g.getStops().get(0).getColor();
        } else if (paint instanceof RadialGradient g && !g.getStops().isEmpty()) {
            return g.getStops().get(0).getColor();
        }
        return null;
    }
}
