package io.netjourney.filter;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Packet;

/** Protocol primitives; the kernel tests them alike (FilterCompiler.protocol). */
public enum Protocol {
    IP("ip"),
    IP6("ip6"),
    ARP("arp"),
    ICMP("icmp"),
    ICMP6("icmp6"),
    TCP("tcp"),
    UDP("udp");

    private final String keyword;

    Protocol(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** The protocol named by a (lowercase) keyword, or null. */
    static Protocol byKeyword(String word) {
        for (Protocol p : values()) {
            if (p.keyword.equals(word)) {
                return p;
            }
        }
        return null;
    }

    boolean matches(HopEvent e) {
        int ethertype = e.ethertype();
        int l4 = e.l4Protocol();
        if (EventAddresses.transportUnknown(e) && this != IP && this != IP6 && this != ARP) {
            return true;
        }
        switch (this) {
            case IP:
                return ethertype == Packet.ETHERTYPE_IPV4;
            case IP6:
                return ethertype == Packet.ETHERTYPE_IPV6;
            case ARP:
                return ethertype == Packet.ETHERTYPE_ARP;
            case ICMP:
                return ethertype == Packet.ETHERTYPE_IPV4 && l4 == Packet.PROTO_ICMP;
            case ICMP6:
                return ethertype == Packet.ETHERTYPE_IPV6 && l4 == Packet.PROTO_ICMPV6;
            case TCP:
                return EventAddresses.family(e) != 0 && ethertype != Packet.ETHERTYPE_ARP
                        && l4 == Packet.PROTO_TCP;
            case UDP:
                return EventAddresses.family(e) != 0 && ethertype != Packet.ETHERTYPE_ARP
                        && l4 == Packet.PROTO_UDP;
            default:
                throw new AssertionError(this);
        }
    }

    @Override
    public String toString() {
        return keyword;
    }
}
