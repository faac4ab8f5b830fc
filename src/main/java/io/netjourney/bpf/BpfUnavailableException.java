package io.netjourney.bpf;

/** The machine cannot run the BPF side at all (library missing, no BTF, no privileges); the message says why. */
public class BpfUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BpfUnavailableException(String message) {
        super(message);
    }

    public BpfUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
