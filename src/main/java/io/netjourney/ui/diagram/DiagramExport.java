package io.netjourney.ui.diagram;

import io.netjourney.ui.theme.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import javax.imageio.ImageIO;

/**
 * Renders a diagram offscreen, without a window: for the GUI's export and for {@code netjourney export ... --png}.
 * Works headless (Monocle) as long as the JavaFX toolkit can start; starts it when nobody has (with implicit exit
 * off, so a command-line caller ends it with {@code Platform.exit()} when done).
 */
public final class DiagramExport {
    private DiagramExport() {
    }

    /** The whole diagram at {@code scale}: content size × scale pixels. Any thread. */
    public static WritableImage render(DiagramGraph graph, Highlight highlight, double scale, boolean dark) {
        return onFxThread(() -> offscreen(graph, highlight, dark).snapshot(scale));
    }

    /** The whole diagram with a caption above it and the legend below, at {@code scale}, offscreen. Any thread. */
    public static WritableImage render(DiagramGraph graph, Highlight highlight, Caption caption, double scale,
            boolean dark) {
        return onFxThread(() -> png(offscreen(graph, highlight, dark), caption, scale));
    }

    /** The same as SVG. Any thread. */
    public static String renderSvg(DiagramGraph graph, Highlight highlight, Caption caption, boolean dark) {
        return onFxThread(() -> svg(offscreen(graph, highlight, dark), caption));
    }

    private static JourneyDiagram offscreen(DiagramGraph graph, Highlight highlight, boolean dark) {
        JourneyDiagram diagram = new JourneyDiagram(graph, highlight);
        Theme.setDark(diagram, dark);
        new Scene(new StackPane(diagram));
        diagram.applyCss();
        return diagram;
    }

    /**
     * A diagram as shown (highlight and theme included, independent of zoom and pan) under the caption and over the
     * legend, at {@code scale}: {@code scale} pixels per diagram unit. On the FX thread, the diagram in a scene.
     */
    public static WritableImage png(JourneyDiagram diagram, Caption caption, double scale) {
        return diagram.still(content -> png(diagram, content, caption, scale));
    }

    private static WritableImage png(JourneyDiagram diagram, Region content, Caption caption, double scale) {
        ExportSheet sheet = new ExportSheet(caption, content.getLayoutBounds().getWidth(), isDark(diagram));
        Color background = background(sheet);
        WritableImage top = snapshot(sheet.caption(), scale, background);
        WritableImage middle = diagram.snapshot(scale);
        WritableImage bottom = snapshot(sheet.legend(), scale, background);
        int width = (int) Math.max(Math.round(sheet.width() * scale), middle.getWidth());
        int height = (int) (top.getHeight() + middle.getHeight() + bottom.getHeight());
        WritableImage sheetImage = new WritableImage(width, height);
        PixelWriter out = sheetImage.getPixelWriter();
        int y = 0;
        for (WritableImage part : new WritableImage[] {top, middle, bottom}) {
            int w = (int) part.getWidth();
            int h = (int) part.getHeight();
            out.setPixels(0, y, w, h, part.getPixelReader(), 0, 0);
            int argb = argb(background);
            for (int row = y; row < y + h; row++) {
                for (int x = w; x < width; x++) {
                    out.setArgb(x, row, argb);
                }
            }
            y += h;
        }
        return sheetImage;
    }

    /**
     * The same picture as SVG: the caption, the diagram's boxes, links, paths, nodes and labels as drawn (see
     * {@link SceneSvg}), and the legend, in diagram units. On the FX thread, the diagram in a scene.
     */
    public static String svg(JourneyDiagram diagram, Caption caption) {
        return diagram.still(content -> svg(content, caption, isDark(diagram)));
    }

    private static String svg(Region content, Caption caption, boolean dark) {
        double diagramWidth = content.getLayoutBounds().getWidth();
        double diagramHeight = content.getLayoutBounds().getHeight();
        ExportSheet sheet = new ExportSheet(caption, diagramWidth, dark);
        double height = sheet.captionHeight() + diagramHeight + sheet.legendHeight();
        SvgWriter svg = new SvgWriter(sheet.width(), height,
                caption.title().isBlank() ? "netjourney diagram" : caption.title());
        svg.rect(0, 0, sheet.width(), height, 0, SvgWriter.Style.fill(SceneSvg.colour(background(sheet))));
        SceneSvg painter = new SceneSvg(svg);
        painter.draw(sheet.caption(), 0, 0);
        painter.draw(content, 0, sheet.captionHeight());
        painter.draw(sheet.legend(), 0, sheet.captionHeight() + diagramHeight);
        return svg.finish();
    }

    /** Writes an SVG document (see {@link #svg}) as a UTF-8 file. Any thread. */
    public static void writeSvg(String svg, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, svg, StandardCharsets.UTF_8);
    }

    private static boolean isDark(JourneyDiagram diagram) {
        return Theme.isDark(diagram);
    }

    private static Color background(ExportSheet sheet) {
        var fills = sheet.legend().getBackground() == null ? null : sheet.legend().getBackground().getFills();
        return fills != null && !fills.isEmpty() && fills.get(0).getFill() instanceof Color c ? c : Color.WHITE;
    }

    private static WritableImage snapshot(Region part, double scale, Color background) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(new Scale(scale, scale));
        params.setFill(background);
        int width = (int) Math.round(part.getWidth() * scale);
        int height = (int) Math.round(part.getHeight() * scale);
        params.setViewport(new Rectangle2D(0, 0, width, height));
        return part.snapshot(params, new WritableImage(Math.max(1, width), Math.max(1, height)));
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /** Writes the diagram as a PNG file, light theme. Any thread. */
    public static void writePng(DiagramGraph graph, Highlight highlight, double scale, Path file) throws IOException {
        writePng(render(graph, highlight, scale, false), file);
    }

    /** Writes an image (e.g. {@link JourneyDiagram#snapshot(double)}) as a PNG file. Any thread. */
    public static void writePng(WritableImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFxThread(FxCall<T> call) {
        if (Platform.isFxApplicationThread()) {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException("rendering the diagram failed", e);
            }
        }
        startToolkit();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the diagram", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering the diagram failed", e.getCause());
        }
    }

    private static void startToolkit() {
        try {
            Platform.startup(() -> { });
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            // the toolkit is up: the GUI or a test started it
        }
    }
}
