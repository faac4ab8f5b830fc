package io.netjourney.journey;

import io.netjourney.capture.Packet;

/**
 * The key both directions of a flow share: the endpoints in canonical order (the "low" one sorts first by
 * address, then port), so A→B and B→A give the same key.
 *
 * <ul>
 *   <li>TCP/UDP: addresses and ports (the 5-tuple).</li>
 *   <li>ICMP/ICMPv6 echo: addresses and the echo id ({@code echoId}); ports are 0.</li>
 *   <li>Other IP protocols (and ICMP other than echo): addresses and protocol; {@code echoId} is -1.</li>
 *   <li>ARP: the IPv4 sender/target protocol addresses.</li>
 *   <li>Anything else: ethertype and the MAC addresses (in {@code lowLow}/{@code highLow}).</li>
 * </ul>
 * IPv4 addresses sit in the low 32 bits of {@code *Low} with {@code *High} 0; IPv6 use both longs.
 */
public record FlowKey(int ethertype, int protocol, long lowHigh, long lowLow, int lowPort, long highHigh,
                      long highLow, int highPort, int echoId) {

    static FlowKey of(ContentKey c) {
        int echoId = c.echo ? c.icmpId : -1;
        if (c.sourceIsLow()) {
            return new FlowKey(c.ethertype, c.protocol, c.srcHigh, c.srcLow, c.srcPort, c.dstHigh, c.dstLow,
                    c.dstPort, echoId);
        }
        return new FlowKey(c.ethertype, c.protocol, c.dstHigh, c.dstLow, c.dstPort, c.srcHigh, c.srcLow,
                c.srcPort, echoId);
    }

    public FlowProtocol flowProtocol() {
        return FlowProtocol.of(ethertype, protocol);
    }

    /** E.g. {@code tcp 198.51.100.1:40000 <-> 198.51.100.2:80} or {@code icmp 198.51.100.1 <-> 198.51.100.2 id 7}, {@code gre ...}. */
    @Override
    public String toString() {
        String name = ProtocolNames.of(this);
        String text = name + (flowProtocol() == FlowProtocol.OTHER ? "/0x" + Integer.toHexString(ethertype) : "")
                + " " + side(lowHigh, lowLow, lowPort) + " <-> " + side(highHigh, highLow, highPort);
        return echoId >= 0 ? text + " id " + echoId : text;
    }

    private String side(long high, long low, int port) {
        boolean ip = ethertype == Packet.ETHERTYPE_IPV4 || ethertype == Packet.ETHERTYPE_IPV6
                || ethertype == Packet.ETHERTYPE_ARP;
        if (!ip) {
            return Addresses.formatMac(low);
        }
        String host = Addresses.format(ethertype == Packet.ETHERTYPE_IPV6, high, low);
        if (port == 0) {
            return host;
        }
        return ethertype == Packet.ETHERTYPE_IPV6 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
