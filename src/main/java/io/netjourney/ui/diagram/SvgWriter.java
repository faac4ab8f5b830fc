package io.netjourney.ui.diagram;

import java.util.Locale;

/**
 * Writes an SVG 1.1 document, element by element: rectangles, paths and text in user units, each with its style
 * given as presentation attributes. Text and attribute values are escaped, numbers written with at most two decimals
 * (no exponent, no locale). Knows nothing of JavaFX: {@link SceneSvg} feeds it from a scene graph.
 */
final class SvgWriter {
    /** How a shape is painted: colours as "#rrggbb" or null for none, opacities 0..1, a dash array or null. */
    record Style(String fill, double fillOpacity, String stroke, double strokeOpacity, double strokeWidth,
                 String dashArray, String lineCap, String lineJoin, double opacity) {
        static Style fill(String colour) {
            return new Style(colour, 1, null, 1, 0, null, null, null, 1);
        }

        static Style stroke(String colour, double width) {
            return new Style(null, 1, colour, 1, width, null, null, null, 1);
        }
    }

    /** How text is set: its family, size in user units, bold or not, colour, opacity. */
    record Font(String family, double size, boolean bold, String fill, double fillOpacity, double opacity) {
    }

    private final StringBuilder out = new StringBuilder();
    private int depth = 1;

    SvgWriter(double width, double height, String title) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width))
                .append(' ').append(num(height)).append("\">\n");
        title(title);
    }

    /**
     * Opens a group; {@code matrix} is an affine transform (a b c d e f, as SVG's matrix()) or null, {@code opacity}
     * applies to the group as a whole.
     */
    SvgWriter group(String cssClass, double[] matrix, double opacity) {
        indent().append("<g");
        attribute("class", cssClass);
        if (matrix != null) {
            attribute("transform", "matrix(" + num(matrix[0]) + ' ' + num(matrix[1]) + ' ' + num(matrix[2]) + ' '
                    + num(matrix[3]) + ' ' + num(matrix[4]) + ' ' + num(matrix[5]) + ')');
        }
        opacity("opacity", opacity);
        out.append(">\n");
        depth++;
        return this;
    }

    /** The enclosing element's title: what a viewer shows when the pointer rests on it. */
    SvgWriter title(String text) {
        indent().append("<title>").append(escape(text)).append("</title>\n");
        return this;
    }

    SvgWriter end() {
        depth--;
        indent().append("</g>\n");
        return this;
    }

    SvgWriter rect(double x, double y, double width, double height, double radius, Style style) {
        indent().append("<rect");
        attribute("x", num(x));
        attribute("y", num(y));
        attribute("width", num(Math.max(0, width)));
        attribute("height", num(Math.max(0, height)));
        if (radius > 0) {
            attribute("rx", num(radius));
        }
        style(style);
        out.append("/>\n");
        return this;
    }

    /** A path from SVG path data ("M0 0 L10 10 Z"). */
    SvgWriter path(String data, Style style) {
        indent().append("<path");
        attribute("d", data);
        style(style);
        out.append("/>\n");
        return this;
    }

    /** One line of text, its baseline's start at (x, y). */
    SvgWriter text(double x, double y, String text, Font font) {
        indent().append("<text");
        attribute("x", num(x));
        attribute("y", num(y));
        attribute("font-family", font.family());
        attribute("font-size", num(font.size()));
        if (font.bold()) {
            attribute("font-weight", "bold");
        }
        attribute("fill", font.fill() == null ? "none" : font.fill());
        opacity("fill-opacity", font.fillOpacity());
        opacity("opacity", font.opacity());
        attribute("xml:space", "preserve");
        out.append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    String finish() {
        return out + "</svg>\n";
    }

    private void style(Style s) {
        attribute("fill", s.fill() == null ? "none" : s.fill());
        opacity("fill-opacity", s.fill() == null ? 1 : s.fillOpacity());
        if (s.stroke() != null && s.strokeWidth() > 0) {
            attribute("stroke", s.stroke());
            attribute("stroke-width", num(s.strokeWidth()));
            opacity("stroke-opacity", s.strokeOpacity());
            attribute("stroke-dasharray", s.dashArray());
            attribute("stroke-linecap", s.lineCap());
            attribute("stroke-linejoin", s.lineJoin());
        }
        opacity("opacity", s.opacity());
    }

    private void opacity(String name, double value) {
        if (value < 1) {
            attribute(name, num(Math.max(0, value)));
        }
    }

    private void attribute(String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        }
    }

    private StringBuilder indent() {
        return out.append("  ".repeat(depth));
    }

    /** A number as SVG wants it: at most two decimals, no trailing zeros, "." as the decimal point. */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            return "0";
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text.equals("-0") ? "0" : text;
    }

    /** Escapes XML's special characters and drops the control characters XML 1.0 does not allow. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
