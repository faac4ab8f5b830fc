package io.netjourney.cli;

import io.netjourney.capture.CaptureSession;
import io.netjourney.sinks.TraceFileException;
import io.netjourney.ui.GuiUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "netjourney", mixinStandardHelpOptions = true, versionProvider = Version.class,
        usageHelpAutoWidth = true,
        description = "An mtr for L2: shows each packet's journey through interfaces and network namespaces, "
            + "as seen by eBPF on the kernel's networking tracepoints.",
        subcommands = {TraceCommand.class, ShowCommand.class, ReportCommand.class, GuiCommand.class,
            ExportCommand.class, LabCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 ok, 1 failure (capture could not start, file unreadable), 2 invalid usage "
            + "or filter.", "Set NETJOURNEY_DEBUG=1 to see stack traces."})
public final class Main {

    /** The commands that capture live, and so can have the capture prepared while their command line is parsed. */
    private static final Set<String> CAPTURING = Set.of("trace", "gui", "demo");

    public static void main(String[] args) {
        if (args.length > 0 && CAPTURING.contains(args[0])) {
            CaptureSession.prepare();
        }
        System.exit(run(args));
    }

    /** Runs a command line; returns the exit status. */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::usageError);
        return cli.execute(args);
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("netjourney: " + e.getMessage());
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return UserError.USAGE;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (System.getenv("NETJOURNEY_DEBUG") != null) {
            e.printStackTrace(err);
        }
        if (e instanceof UserError) {
            UserError error = (UserError) e;
            err.println("netjourney: " + error.getMessage());
            if (!error.detail().isBlank()) {
                err.println(error.detail().stripTrailing());
            }
            err.flush();
            return error.exitCode();
        }
        if (e instanceof GuiUnavailableException) {
            err.println("netjourney: " + e.getMessage());
            err.println(((GuiUnavailableException) e).hint());
            err.flush();
            return UserError.FAILURE;
        }
        if (e instanceof TraceFileException) {
            err.println("netjourney: " + e.getMessage());
            err.flush();
            return UserError.FAILURE;
        }
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof IOException) {
            err.println("netjourney: " + cause.getMessage());
            err.flush();
            return UserError.FAILURE;
        }
        err.println("netjourney: internal error: " + e + " (set NETJOURNEY_DEBUG=1 for details)");
        err.flush();
        return UserError.FAILURE;
    }
}
