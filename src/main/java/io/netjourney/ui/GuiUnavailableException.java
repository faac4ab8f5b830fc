package io.netjourney.ui;

/** The window cannot open on this machine (its toolkit's libraries are missing): a message and what to do. */
public final class GuiUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    GuiUnavailableException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What to do about it, one line: the command that installs what is missing. */
    public String hint() {
        return hint;
    }
}
