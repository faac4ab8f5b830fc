package io.netjourney.journey;

/**
 * What the flows of one conversation share: the addresses of both ends, in the order {@link FlowKey} puts them (so
 * either direction gives the same key), and the protocol. Ports and ICMP echo ids are left out: a ping run with
 * many echo ids, or many source ports to one service, is one conversation. For flows that are neither IP nor ARP
 * the addresses are the MAC addresses and {@code ethertype} tells the protocol.
 */
public record ConversationKey(int ethertype, int protocol, long lowHigh, long lowLow, long highHigh, long highLow) {

    public static ConversationKey of(FlowKey flow) {
        return new ConversationKey(flow.ethertype(), flow.protocol(), flow.lowHigh(), flow.lowLow(), flow.highHigh(),
                flow.highLow());
    }
}
