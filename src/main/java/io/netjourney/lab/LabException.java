package io.netjourney.lab;

/** The lab cannot be used here (not root, iproute2 missing) or was asked to do something unsafe. */
public final class LabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabException(String message) {
        super(message);
    }
}
