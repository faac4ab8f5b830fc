package io.netjourney.journey;

import io.netjourney.capture.HopEvent;

/**
 * A flow as a list shows it.
 *
 * @param summary      its counts, endpoints and status
 * @param requestHops  crossings on its request path (the deepest branch of the request packet with the most)
 * @param first        its first crossing, to word protocol and endpoints from (MAC addresses where not IP)
 * @param firstIsReply whether that crossing was of a reply (its source is then the server)
 * @param conversationId the conversation it belongs to ({@link ConversationView})
 */
public record FlowView(FlowSummary summary, int requestHops, HopEvent first, boolean firstIsReply,
                       long conversationId) {

    public long flowId() {
        return summary.flowId();
    }

    public FlowStatus status() {
        return summary.status();
    }
}
