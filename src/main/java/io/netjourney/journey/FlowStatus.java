package io.netjourney.journey;

/**
 * Where a flow stands, judged by its latest request that expects an answer (a bare TCP ACK expects none).
 */
public enum FlowStatus {
    /** The latest such request was followed by a reply. */
    OK("ok"),
    /** A request is still waiting for a reply. */
    INCOMPLETE("incomplete"),
    /**
     * The latest such request was answered by an ICMP or ICMPv6 error (port unreachable, time exceeded, ...), also
     * when the kernel then dropped it (a TTL that ran out).
     */
    ICMP_ERROR("icmp error"),
    /** The latest such request was lost: every copy of it ended in a real drop (see {@link Branches#lost}). */
    DROPPED("dropped");

    private final String label;

    FlowStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
