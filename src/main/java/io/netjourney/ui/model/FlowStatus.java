package io.netjourney.ui.model;

/** The state shown in a flow's row. */
public enum FlowStatus {
    /** The latest request (one that expects an answer) was followed by a reply. */
    OK("ok"),
    /** A request is still waiting for a reply. */
    INCOMPLETE("incomplete"),
    /** Reserved: the packet was seen dropped (kfree_skb); not reported yet. */
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
