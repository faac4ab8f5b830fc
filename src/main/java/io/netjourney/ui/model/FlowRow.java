package io.netjourney.ui.model;

import io.netjourney.journey.FlowStatus;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the flows list. The same object stays in the list for the flow's life and its properties change in
 * place (at most once per batch), so a table keeps its selection and scroll position.
 *
 * <ul>
 *   <li>{@code id}: the flow id of the journey assembler; {@code conversationId} the conversation it is listed
 *       under; {@code label} what the list's first column says of it</li>
 *   <li>{@code protocol}: the command line's words ("icmp", "icmp6", "tcp", "udp", "arp", "igmp", "gre", ...)
 *       or "other"</li>
 *   <li>{@code source}/{@code destination}: the request's source and destination, "198.51.100.1:40000" for
 *       TCP/UDP, "[2001:db8::1]:80" for IPv6, the address alone for ICMP and ARP, MAC addresses otherwise</li>
 *   <li>{@code packets}: packets seen in the flow since its row appeared</li>
 *   <li>{@code hops}: crossings on the flow's request path (see {@link io.netjourney.journey.FlowPaths})</li>
 *   <li>{@code lastSeenNs}: timestamp of the latest crossing (kernel monotonic ns)</li>
 *   <li>{@code state}: see {@link FlowStatus}</li>
 * </ul>
 */
public final class FlowRow implements ListedRow {
    private final ReadOnlyLongWrapper id;
    private final long conversationId;
    private final ReadOnlyStringWrapper label;
    private final ReadOnlyStringWrapper protocol;
    private final ReadOnlyStringWrapper source;
    private final ReadOnlyStringWrapper destination;
    private final ReadOnlyLongWrapper packets = new ReadOnlyLongWrapper(this, "packets");
    private final ReadOnlyIntegerWrapper hops = new ReadOnlyIntegerWrapper(this, "hops");
    private final ReadOnlyLongWrapper lastSeenNs = new ReadOnlyLongWrapper(this, "lastSeenNs");
    private final ReadOnlyObjectWrapper<FlowStatus> state =
            new ReadOnlyObjectWrapper<>(this, "state", FlowStatus.INCOMPLETE);

    private final boolean linkChatter;

    FlowRow(long id, long conversationId, String label, String protocol, String source, String destination,
            boolean linkChatter) {
        this.linkChatter = linkChatter;
        this.id = new ReadOnlyLongWrapper(this, "id", id);
        this.conversationId = conversationId;
        this.label = new ReadOnlyStringWrapper(this, "label", label);
        this.protocol = new ReadOnlyStringWrapper(this, "protocol", protocol);
        this.source = new ReadOnlyStringWrapper(this, "source", source);
        this.destination = new ReadOnlyStringWrapper(this, "destination", destination);
    }

    /** Sets the changing columns; each property fires only if its value changed. */
    void update(long packetCount, int hopCount, long lastSeen, FlowStatus status) {
        packets.set(packetCount);
        hops.set(hopCount);
        lastSeenNs.set(lastSeen);
        state.set(status);
    }

    @Override
    public boolean isLinkChatter() {
        return linkChatter;
    }

    /** The conversation it belongs to ({@link ConversationRow#getId()}). */
    public long getConversationId() {
        return conversationId;
    }

    /** "#17 :40000 → :80", "#3 id 4711": its number and what tells it from the other flows of its conversation. */
    @Override
    public String getLabel() {
        return label.get();
    }

    @Override
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public long getId() {
        return id.get();
    }

    public ReadOnlyLongProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    @Override
    public String getProtocol() {
        return protocol.get();
    }

    @Override
    public ReadOnlyStringProperty protocolProperty() {
        return protocol.getReadOnlyProperty();
    }

    @Override
    public String getSource() {
        return source.get();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    @Override
    public String getDestination() {
        return destination.get();
    }

    public ReadOnlyStringProperty destinationProperty() {
        return destination.getReadOnlyProperty();
    }

    public long getPackets() {
        return packets.get();
    }

    @Override
    public ReadOnlyLongProperty packetsProperty() {
        return packets.getReadOnlyProperty();
    }

    public int getHops() {
        return hops.get();
    }

    public ReadOnlyIntegerProperty hopsProperty() {
        return hops.getReadOnlyProperty();
    }

    public long getLastSeenNs() {
        return lastSeenNs.get();
    }

    @Override
    public ReadOnlyLongProperty lastSeenNsProperty() {
        return lastSeenNs.getReadOnlyProperty();
    }

    @Override
    public FlowStatus getState() {
        return state.get();
    }

    @Override
    public ReadOnlyObjectProperty<FlowStatus> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "flow " + getId() + " " + getProtocol() + " " + getSource() + " -> " + getDestination();
    }
}
