package io.netjourney.ui.diagram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
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
        return onFxThread(() -> {
            JourneyDiagram diagram = new JourneyDiagram(graph, highlight);
            if (dark) {
                diagram.getStyleClass().add("dark");
            }
            new Scene(new StackPane(diagram));
            diagram.applyCss();
            return diagram.snapshot(scale);
        });
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
