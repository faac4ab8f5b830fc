package io.netjourney.sinks;

import java.io.IOException;

/** A file that is not a netjourney trace, or one this version cannot read; the message says which and why. */
public final class TraceFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public TraceFileException(String message) {
        super(message);
    }

    public TraceFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
