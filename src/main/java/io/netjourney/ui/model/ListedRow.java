package io.netjourney.ui.model;

import io.netjourney.journey.FlowStatus;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A row of the flows list: a conversation, or one of its flows beneath it; what the columns of both show. A row stays
 * for its conversation's or flow's life and its properties change in place (each fires only when its value does).
 *
 * <ul>
 *   <li>{@code id}: the model's conversation or flow id</li>
 *   <li>{@code label}: what the list's first column says (a conversation's ends, a flow's number and ports)</li>
 *   <li>{@code protocol}: the command line's words ("icmp", "icmp6", "tcp", "udp", "arp", "igmp", "gre", ...)
 *       or "other"</li>
 *   <li>{@code source}/{@code destination}: the request's source and destination</li>
 *   <li>{@code packets}: packets seen; {@code lastSeenNs}: timestamp of the latest crossing (kernel monotonic ns);
 *       {@code state}: see {@link FlowStatus}</li>
 * </ul>
 */
public abstract sealed class ListedRow permits ConversationRow, FlowRow {
    private final ReadOnlyLongWrapper id;
    private final ReadOnlyStringWrapper protocol;
    private final ReadOnlyStringWrapper label;
    private final ReadOnlyStringWrapper source;
    private final ReadOnlyStringWrapper destination;
    private final ReadOnlyLongWrapper packets = new ReadOnlyLongWrapper(this, "packets");
    private final ReadOnlyLongWrapper lastSeenNs = new ReadOnlyLongWrapper(this, "lastSeenNs");
    private final ReadOnlyObjectWrapper<FlowStatus> state =
            new ReadOnlyObjectWrapper<>(this, "state", FlowStatus.INCOMPLETE);
    private final boolean linkChatter;

    ListedRow(long id, String protocol, String label, String source, String destination, boolean linkChatter) {
        this.id = new ReadOnlyLongWrapper(this, "id", id);
        this.protocol = new ReadOnlyStringWrapper(this, "protocol", protocol);
        this.label = new ReadOnlyStringWrapper(this, "label", label);
        this.source = new ReadOnlyStringWrapper(this, "source", source);
        this.destination = new ReadOnlyStringWrapper(this, "destination", destination);
        this.linkChatter = linkChatter;
    }

    /** Sets the columns both kinds of row have. */
    void updateCommon(long packetCount, long lastSeen, FlowStatus status) {
        packets.set(packetCount);
        lastSeenNs.set(lastSeen);
        state.set(status);
    }

    void updateEnds(String label, String source, String destination) {
        this.label.set(label);
        this.source.set(source);
        this.destination.set(destination);
    }

    /** IGMP, ND/MLD or link-local multicast ({@link io.netjourney.journey.LinkLocal}): hidden unless asked for. */
    public boolean isLinkChatter() {
        return linkChatter;
    }

    public long getId() {
        return id.get();
    }

    public ReadOnlyLongProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    public String getProtocol() {
        return protocol.get();
    }

    public ReadOnlyStringProperty protocolProperty() {
        return protocol.getReadOnlyProperty();
    }

    public String getLabel() {
        return label.get();
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public String getSource() {
        return source.get();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public String getDestination() {
        return destination.get();
    }

    public ReadOnlyStringProperty destinationProperty() {
        return destination.getReadOnlyProperty();
    }

    public long getPackets() {
        return packets.get();
    }

    public ReadOnlyLongProperty packetsProperty() {
        return packets.getReadOnlyProperty();
    }

    public long getLastSeenNs() {
        return lastSeenNs.get();
    }

    public ReadOnlyLongProperty lastSeenNsProperty() {
        return lastSeenNs.getReadOnlyProperty();
    }

    public FlowStatus getState() {
        return state.get();
    }

    public ReadOnlyObjectProperty<FlowStatus> stateProperty() {
        return state.getReadOnlyProperty();
    }
}
