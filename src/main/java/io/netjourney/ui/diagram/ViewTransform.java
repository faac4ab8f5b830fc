package io.netjourney.ui.diagram;

/**
 * Zoom and pan of the diagram: a view point is {@code translate + scale × diagram point}. Pure arithmetic; the skin
 * copies it into the JavaFX transforms.
 */
final class ViewTransform {
    static final double STEP = 1.25;
    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 4;

    private double scale = 1;
    private double tx;
    private double ty;

    double scale() {
        return scale;
    }

    double tx() {
        return tx;
    }

    double ty() {
        return ty;
    }

    /** Zooms by {@code factor} keeping the diagram point under view point (px, py) where it is. */
    void zoomAt(double factor, double px, double py) {
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double wx = (px - tx) / scale;
        double wy = (py - ty) / scale;
        scale = next;
        tx = px - next * wx;
        ty = py - next * wy;
    }

    void panBy(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    void panTo(double x, double y) {
        tx = x;
        ty = y;
    }

    /** Fits the region (x, y, width, height) of the content into the view, centred, never enlarged beyond 1:1. */
    void fitRegion(double x, double y, double width, double height, double viewWidth, double viewHeight) {
        if (width <= 0 || height <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return;
        }
        scale = Math.max(MIN_SCALE, Math.min(1, Math.min(viewWidth / width, viewHeight / height)));
        tx = (viewWidth - width * scale) / 2 - x * scale;
        ty = (viewHeight - height * scale) / 2 - y * scale;
    }

    /** Fits content of the given size into the view, centred, never enlarged beyond 1:1. */
    void fit(double contentWidth, double contentHeight, double viewWidth, double viewHeight) {
        fitRegion(0, 0, contentWidth, contentHeight, viewWidth, viewHeight);
    }
}
