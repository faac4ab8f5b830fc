package io.netjourney.cli;

/** A problem the user can fix: printed as one message (plus detail), never as a stack trace. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final int USAGE = 2;
    static final int FAILURE = 1;

    private final int exitCode;
    private final String detail;

    UserError(String message, int exitCode) {
        this(message, exitCode, "");
    }

    UserError(String message, int exitCode, String detail) {
        super(message);
        this.exitCode = exitCode;
        this.detail = detail;
    }

    int exitCode() {
        return exitCode;
    }

    String detail() {
        return detail;
    }
}
