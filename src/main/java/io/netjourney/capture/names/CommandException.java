package io.netjourney.capture.names;

/** A command could not be started, timed out or failed; the message names the command line and its stderr. */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }

    static CommandException failed(CommandResult result) {
        return new CommandException("`" + result.commandLine() + "` exited with " + result.exitCode()
                + ": " + result.stderr().strip());
    }
}
