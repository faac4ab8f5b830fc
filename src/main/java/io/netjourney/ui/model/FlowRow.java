package io.netjourney.ui.model;

import io.netjourney.journey.FlowStatus;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One flow of the flows list, beneath its conversation ({@link ConversationRow}); see {@link ListedRow} for what
 * the columns hold.
 *
 * <ul>
 *   <li>{@code source}/{@code destination}: "198.51.100.1:40000" for TCP/UDP, "[2001:db8::1]:80" for IPv6, the
 *       address alone for ICMP and ARP, MAC addresses otherwise</li>
 *   <li>{@code label}: "#17 :40000 → :80", "#3 id 4711": its number and what tells it from the other flows of its
 *       conversation</li>
 *   <li>{@code packets}: packets seen in the flow since its row appeared</li>
 *   <li>{@code hops}: crossings on the flow's request path (see {@link io.netjourney.journey.FlowPaths})</li>
 * </ul>
 */
public final class FlowRow extends ListedRow {
    private final long conversationId;
    private final ReadOnlyIntegerWrapper hops = new ReadOnlyIntegerWrapper(this, "hops");

    FlowRow(long id, long conversationId, String label, String protocol, String source, String destination,
            boolean linkChatter) {
        super(id, protocol, label, source, destination, linkChatter);
        this.conversationId = conversationId;
    }

    /** Sets the changing columns; each property fires only if its value changed. */
    void update(long packetCount, int hopCount, long lastSeen, FlowStatus status) {
        updateCommon(packetCount, lastSeen, status);
        hops.set(hopCount);
    }

    /** The conversation it belongs to ({@link ConversationRow#getId()}). */
    public long getConversationId() {
        return conversationId;
    }

    public int getHops() {
        return hops.get();
    }

    public ReadOnlyIntegerProperty hopsProperty() {
        return hops.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "flow " + getId() + " " + getProtocol() + " " + getSource() + " -> " + getDestination();
    }
}
