package io.netjourney.ui.model;

import io.netjourney.journey.FlowStatus;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A row of the flows list: a conversation, or one of its flows beneath it. What the columns both have. */
public sealed interface ListedRow permits ConversationRow, FlowRow {

    /** What the first column says: a conversation's ends, a flow's number and what tells it from its siblings. */
    ReadOnlyStringProperty labelProperty();

    ReadOnlyStringProperty protocolProperty();

    ReadOnlyLongProperty packetsProperty();

    ReadOnlyLongProperty lastSeenNsProperty();

    ReadOnlyObjectProperty<FlowStatus> stateProperty();

    String getProtocol();

    String getSource();

    String getDestination();

    String getLabel();

    FlowStatus getState();

    /** IGMP, ND/MLD or link-local multicast ({@link io.netjourney.journey.LinkLocal}): hidden unless asked for. */
    boolean isLinkChatter();
}
