package io.netjourney.ui;

import io.netjourney.journey.JourneyConfig;
import io.netjourney.journey.JourneyModel;
import io.netjourney.ui.diagram.Caption;
import io.netjourney.ui.diagram.DiagramExport;
import io.netjourney.ui.feed.TraceFiles;
import io.netjourney.ui.model.ExportCaption;
import io.netjourney.ui.model.FlowRow;
import io.netjourney.ui.model.JourneyViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code netjourney export trace.njt --flow N --png out.png} (or {@code --svg out.svg}): the diagram of a recorded
 * trace with one flow highlighted, under its caption and over its legend, rendered offscreen as in the window
 * (headless when there is no display). The toolkit it starts keeps running; the command line's exit ends it.
 */
public final class Export {
    private Export() {
    }

    /** What was exported, for the command's message. */
    public record Result(Path file, String flow, int width, int height) {
    }

    /** A flow id that is not in the trace: lists the ones that are. */
    public static final class NoSuchFlowException extends Exception {
        private static final long serialVersionUID = 1L;

        NoSuchFlowException(String message) {
            super(message);
        }
    }

    /**
     * @param flowId the flow to highlight (ids as in 'show --json' and the window's flows list), 0 for none
     */
    public static Result png(Path trace, long flowId, Path out, double scale, boolean dark)
            throws IOException, NoSuchFlowException {
        Shown shown = load(trace, flowId);
        var image = DiagramExport.render(shown.model.graphProperty().get(), shown.model.highlightProperty().get(),
                shown.caption, scale, dark);
        DiagramExport.writePng(image, out);
        return new Result(out, shown.flow, (int) image.getWidth(), (int) image.getHeight());
    }

    /** The same drawing as SVG; its size is in diagram units. */
    public static Result svg(Path trace, long flowId, Path out, boolean dark) throws IOException, NoSuchFlowException {
        Shown shown = load(trace, flowId);
        String svg = DiagramExport.renderSvg(shown.model.graphProperty().get(), shown.model.highlightProperty().get(),
                shown.caption, dark);
        DiagramExport.writeSvg(svg, out);
        var size = java.util.regex.Pattern.compile("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"").matcher(svg);
        boolean sized = size.find();
        return new Result(out, shown.flow, sized ? (int) Math.round(Double.parseDouble(size.group(1))) : 0,
                sized ? (int) Math.round(Double.parseDouble(size.group(2))) : 0);
    }

    /** A trace presented as the window would, one flow selected, with the caption its export carries. */
    private record Shown(JourneyViewModel model, String flow, Caption caption) {
    }

    private static Shown load(Path trace, long flowId) throws IOException, NoSuchFlowException {
        TraceFiles.Loaded loaded = TraceFiles.load(trace);
        JourneyModel journeys = new JourneyModel(JourneyConfig.forViews());
        loaded.events().forEach(journeys::accept);
        loaded.netfilter().forEach(journeys::acceptNetfilter);
        JourneyViewModel model = new JourneyViewModel(loaded.names());
        model.presentOnThisThread(journeys);
        String flow = "no flow highlighted";
        if (flowId != 0) {
            Optional<FlowRow> row = model.flows().stream().filter(r -> r.getId() == flowId).findFirst();
            if (row.isEmpty()) {
                throw new NoSuchFlowException("no flow " + flowId + " in " + trace + "; its flows: " + list(model));
            }
            model.select(flowId);
            flow = "flow " + flowId + " " + row.get().getProtocol() + " " + row.get().getSource() + " -> "
                    + row.get().getDestination();
        }
        useHeadlessToolkitWithoutDisplay();
        Gui.quietToolkit();
        Caption caption = ExportCaption.of(model.shown(), ExportCaption.Origin.file(trace.getFileName().toString()),
                Instant.now(), ZoneId.systemDefault());
        return new Shown(model, flow, caption);
    }

    private static String list(JourneyViewModel model) {
        List<String> flows = new ArrayList<>();
        for (FlowRow row : model.flows()) {
            if (flows.size() == 20) {
                flows.add("... (" + model.flows().size() + " in all: netjourney show --json lists them)");
                break;
            }
            flows.add(row.getId() + " (" + row.getProtocol() + " " + row.getSource() + " -> "
                    + row.getDestination() + ")");
        }
        return flows.isEmpty() ? "none" : String.join(", ", flows);
    }

    /** Without a display the toolkit starts on Monocle's headless screen with the software renderer. */
    private static void useHeadlessToolkitWithoutDisplay() {
        if (!Gui.displayAvailable()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
        }
    }
}
