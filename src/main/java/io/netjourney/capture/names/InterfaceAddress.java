package io.netjourney.capture.names;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;

/** An IPv4 or IPv6 address on an interface, with its prefix length: 198.51.100.10/24, 2001:db8::10/64. */
public record InterfaceAddress(InetAddress address, int prefixLength) {

    /** From iproute2's "local" and "prefixlen"; a literal only, never a host name to look up. */
    static InterfaceAddress parse(String literal, int prefixLength) {
        return new InterfaceAddress(InetAddresses.forString(literal), prefixLength);
    }

    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    @Override
    public String toString() {
        return InetAddresses.toAddrString(address) + "/" + prefixLength;
    }
}
