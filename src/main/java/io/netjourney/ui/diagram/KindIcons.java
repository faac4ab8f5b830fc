package io.netjourney.ui.diagram;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The interface-kind icons as SVG path data on a 24 × 24 grid, drawn as 2 px strokes: vector shapes, crisp at any
 * zoom. The files in {@code icons/kinds/} carry the same paths (a test keeps them in step).
 */
final class KindIcons {
    static final double SIZE = 24;
    static final List<String> KINDS = List.of("bridge", "veth", "loopback", "physical", "tunnel", "vlan", "other");

    private static final Map<String, String> PATHS = Map.of(
            // a bar with three ports hanging off it
            "bridge", "M3 7 H21 M6 7 V15 M12 7 V15 M18 7 V15 M4.5 15 H7.5 V19 H4.5 Z M10.5 15 H13.5 V19 H10.5 Z"
                    + " M16.5 15 H19.5 V19 H16.5 Z",
            // two ends of one cable
            "veth", "M2 12 A3.5 3.5 0 1 0 9 12 A3.5 3.5 0 1 0 2 12 Z M15 12 A3.5 3.5 0 1 0 22 12"
                    + " A3.5 3.5 0 1 0 15 12 Z M9 12 H15",
            // a circle coming back to itself
            "loopback", "M19 12 A7 7 0 1 1 12 5 M12 5 L9 2 M12 5 L9 8",
            // an RJ45 socket
            "physical", "M4 5 H20 V16 H16 V20 H8 V16 H4 Z M8 9 V12 M11 9 V12 M13 9 V12 M16 9 V12",
            // a tunnel mouth
            "tunnel", "M3 20 V12 A9 9 0 0 1 21 12 V20 M7 20 V13 A5 5 0 0 1 17 13 V20 M2 20 H22",
            // a tag
            "vlan", "M3 4 H11 L20 13 L13 20 L4 11 Z M7.5 8.5 A1 1 0 1 0 7.51 8.5",
            // a plain ring with a dot
            "other", "M20 12 A8 8 0 1 1 4 12 A8 8 0 1 1 20 12 Z M13 12 A1 1 0 1 1 11 12 A1 1 0 1 1 13 12 Z");

    private KindIcons() {
    }

    /** The kind as the diagram knows it: one of {@link #KINDS}, "other" for anything else. */
    static String normalize(String kind) {
        String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        return PATHS.containsKey(k) ? k : "other";
    }

    static String path(String kind) {
        return PATHS.get(normalize(kind));
    }

    /** The icon as a standalone SVG document, as saved under {@code icons/kinds/}. */
    static String svg(String kind, String colour) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\">\n"
                + "  <title>" + normalize(kind) + "</title>\n"
                + "  <path d=\"" + path(kind) + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\""
                + " stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n"
                + "</svg>\n";
    }
}
