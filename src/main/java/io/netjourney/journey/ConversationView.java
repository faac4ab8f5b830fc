package io.netjourney.journey;

import io.netjourney.capture.HopEvent;

/**
 * A conversation as a list shows it: the flows between two ends in one protocol (see {@link ConversationKey}).
 *
 * @param conversationId identifies it while any of its flows is retained; from 1
 * @param protocol       its protocol's word ({@link ProtocolNames})
 * @param first          the first crossing of its latest flow, to word its ends from (MAC addresses where not IP)
 * @param firstIsReply   whether that crossing was of a reply (its source is then the server side)
 * @param flows          its flows retained
 * @param flowsSeen      its flows seen (also those evicted since)
 * @param packets        packets seen in its flows
 * @param latestFlowId   the flow with the latest crossing: what selecting the conversation selects
 * @param status         that flow's status
 * @param lastSeenNs     timestamp of its latest crossing
 * @param statistics     running figures over all its packets (over those sent, while the kernel samples)
 * @param counted        its packets the kernel counted, every one also while it sends only some (-1: it does not
 *                       count)
 */
public record ConversationView(long conversationId, ConversationKey key, String protocol, HopEvent first,
                               boolean firstIsReply, int flows, long flowsSeen, long packets, long latestFlowId,
                               FlowStatus status, long lastSeenNs, ConversationStatistics statistics,
                               long counted) {

    /** Its packets seen: the kernel's count where it counts (exact also while it samples), else the model's. */
    public long seen() {
        return counted >= 0 ? counted : statistics.seen();
    }
}
