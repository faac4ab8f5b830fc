package io.netjourney.journey;

import java.net.InetAddress;

/**
 * One end of a flow.
 *
 * @param address the IP address (for ARP the protocol address); null for flows that are neither IP nor ARP
 * @param port    TCP/UDP port, 0 where the protocol has none
 */
public record Endpoint(InetAddress address, int port) {

    @Override
    public String toString() {
        String host = address == null ? "?" : address.getHostAddress();
        return port == 0 ? host : host + ":" + port;
    }
}
