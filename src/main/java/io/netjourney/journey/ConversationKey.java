package io.netjourney.journey;

import io.netjourney.capture.HopEvent;

/**
 * What the flows of one conversation share: the addresses of both ends, in the order {@link FlowKey} puts them (so
 * either direction gives the same key), and the protocol. Ports and ICMP echo ids are left out: a ping run with
 * many echo ids, or many source ports to one service, is one conversation. For flows that are neither IP nor ARP
 * the addresses are the MAC addresses and {@code ethertype} tells the protocol. A link's own chatter
 * ({@link LinkLocal}: neighbour discovery, MLD, IGMP, link-local multicast) is a conversation of its own
 * ({@code linkChatter}), never mixed with traffic between the same ends, so a view can hide it whole.
 */
public record ConversationKey(int ethertype, int protocol, long lowHigh, long lowLow, long highHigh, long highLow,
                              boolean linkChatter) {

    /** The key of a flow that started with {@code first}. */
    static ConversationKey of(FlowKey flow, HopEvent first) {
        return new ConversationKey(flow.ethertype(), flow.protocol(), flow.lowHigh(), flow.lowLow(), flow.highHigh(),
                flow.highLow(), LinkLocal.isChatter(first));
    }
}
