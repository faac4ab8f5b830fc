package io.netjourney.cli;

import io.netjourney.ui.Export;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        header = "Render a recorded trace's diagram to PNG or SVG, one flow highlighted (no display needed).",
        description = "The same diagram as the window's, with its caption (flow, time, trace file) and legend, for "
            + "scripts and docs. Flow ids are those of 'netjourney show --json FILE' (the \"flow\" field) and of the "
            + "window's flows list.",
        footer = {"", "Examples:", "  netjourney export ping.njt --flow 1 --png ping.png",
            "  netjourney export ping.njt --flow 1 --svg ping.svg"})
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A trace file (.njt).")
    Path file;

    @Option(names = "--flow", paramLabel = "N", description = "The flow to highlight (default: none).")
    long flow;

    @Option(names = "--png", paramLabel = "OUT", description = "The PNG file to write.")
    Path png;

    @Option(names = "--svg", paramLabel = "OUT", description = "The SVG file to write.")
    Path svg;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "2",
            description = "Pixels per diagram unit (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--dark", description = "Dark theme.")
    boolean dark;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such trace file: " + file, UserError.FAILURE);
        }
        if (scale <= 0 || scale > 8) {
            throw new UserError("--scale must be above 0 and at most 8", UserError.USAGE);
        }
        if (png == null && svg == null) {
            throw new UserError("say where to write: --png OUT, --svg OUT, or both", UserError.USAGE);
        }
        try {
            if (png != null) {
                Export.Result result = Export.png(file, flow, png, scale, dark);
                System.out.println("wrote " + result.file() + " (" + result.width() + "x" + result.height() + ", "
                        + result.flow() + ")");
            }
            if (svg != null) {
                Export.Result result = Export.svg(file, flow, svg, dark);
                System.out.println("wrote " + result.file() + " (" + result.width() + "x" + result.height()
                        + " units, " + result.flow() + ")");
            }
            return 0;
        } catch (Export.NoSuchFlowException e) {
            throw new UserError(e.getMessage(), UserError.USAGE);
        }
    }
}
