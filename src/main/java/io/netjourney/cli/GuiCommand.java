package io.netjourney.cli;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.Preflight;
import io.netjourney.ui.Gui;
import io.netjourney.ui.GuiRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gui", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Open the window: live capture as root, recorded traces without.",
        description = {
            "A live diagram of each packet's journey through namespaces and interfaces, a flows list (click a "
                + "flow to highlight its request and reply paths), the per-hop table and mtr-style statistics, "
                + "PNG export. As root it captures live (toolbar: filter, start/stop, lab); without root it opens "
                + "as a viewer for trace files. Needs a display (X11 or Wayland): on a server use 'trace'.",
            "",
            "To start it as root on your desktop: packaging/netjourney-gui (sudo in a terminal, pkexec from the "
                + "menu), or 'sudo -E netjourney gui'. 'sudo netjourney gui --lab' opens it with the built-in lab."},
        footer = {"", "Keys: F5 start/stop, Enter in the filter field (re)starts with it, Ctrl+L clear, Ctrl+O open, "
            + "Ctrl+S save, Ctrl+E export PNG, Ctrl+F search flows, Esc clear the selection, Ctrl+Q quit; in the "
            + "diagram +, -, 0 zoom in, out, to fit; drag to pan."})
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A trace file to open.")
    Path file;

    @Option(names = "--lab", description = "Start with the built-in lab up (namespaces nj-*, pings running) and "
            + "capturing; closing the window removes the lab. Needs root.")
    boolean lab;

    @Override
    public Integer call() {
        if (lab && file != null) {
            throw new UserError("--lab and a trace file exclude each other: the lab is live", UserError.USAGE);
        }
        if (lab) {
            try {
                Preflight.check();
            } catch (CaptureException e) {
                throw new UserError("--lab: " + e.getMessage(), UserError.FAILURE);
            }
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new UserError("no such trace file: " + file, UserError.FAILURE);
        }
        if (!Gui.displayAvailable()) {
            throw new UserError("no display (DISPLAY and WAYLAND_DISPLAY are unset): the window needs X11 or "
                    + "Wayland. On a server use 'netjourney trace FILTER' (and 'trace -w FILE' to look at it "
                    + "later in the window), or 'netjourney export FILE --flow N --png out.png'",
                    UserError.FAILURE);
        }
        GuiRuntime.require(System.err);
        Gui.launch(file, lab);
        return 0;
    }
}
