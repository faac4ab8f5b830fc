package io.netjourney.capture;

/** Capture cannot start or continue; the message tells the user what to do. */
public class CaptureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String detail;

    public CaptureException(String message) {
        this(message, "", null);
    }

    public CaptureException(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail == null ? "" : detail;
    }

    /** Supporting text worth showing below the message (a verifier log), possibly empty. */
    public String detail() {
        return detail;
    }
}
