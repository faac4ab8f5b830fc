package io.netjourney.journey;

import io.netjourney.capture.Packet;

/** The protocol a flow is keyed by. */
public enum FlowProtocol {
    ICMP("icmp"), ICMPV6("icmp6"), TCP("tcp"), UDP("udp"), ARP("arp"), OTHER_IP("ip"), OTHER("other");

    private final String label;

    FlowProtocol(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static FlowProtocol of(int ethertype, int l4Protocol) {
        if (ethertype == Packet.ETHERTYPE_ARP) {
            return ARP;
        }
        if (ethertype != Packet.ETHERTYPE_IPV4 && ethertype != Packet.ETHERTYPE_IPV6) {
            return OTHER;
        }
        switch (l4Protocol) {
            case Packet.PROTO_TCP:
                return TCP;
            case Packet.PROTO_UDP:
                return UDP;
            case Packet.PROTO_ICMP:
                return ethertype == Packet.ETHERTYPE_IPV4 ? ICMP : OTHER_IP;
            case Packet.PROTO_ICMPV6:
                return ethertype == Packet.ETHERTYPE_IPV6 ? ICMPV6 : OTHER_IP;
            default:
                return OTHER_IP;
        }
    }
}
