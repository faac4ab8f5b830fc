package io.netjourney.bpf;

/** A libbpf step failed: carries the step, the errno and, for a load, libbpf's (verifier) log. */
public class BpfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String log;

    public BpfException(String step, int errno, String errnoText, String log) {
        super(step + ": " + errnoText + (errno != 0 ? " (" + Errno.name(errno) + ")" : ""));
        this.errno = errno;
        this.log = log == null ? "" : log;
    }

    public int errno() {
        return errno;
    }

    /** libbpf's messages during the failed step (the verifier log for a rejected program); may be empty. */
    public String log() {
        return log;
    }
}
