package io.netjourney.filter;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network: an address with no bits set beyond the prefix. A full-length prefix is a host.
 * IPv4-mapped IPv6 addresses stay IPv6 (they match IPv6 packets, like in the kernel).
 */
public record IpNetwork(InetAddress address, int prefixLength) {

    public IpNetwork {
        Objects.requireNonNull(address, "address");
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0-" + bits);
        }
        byte[] bytes = address.getAddress();
        byte[] mask = mask(bytes.length, prefixLength);
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & ~mask[i]) != 0) {
                throw new IllegalArgumentException("non-network bits set in " + format(address) + "/" + prefixLength);
            }
        }
    }

    public static IpNetwork host(InetAddress address) {
        return new IpNetwork(address, address.getAddress().length * 8);
    }

    /** 4 or 6, as nj_hop.addr_family. */
    public int family() {
        return address instanceof Inet4Address ? 4 : 6;
    }

    public boolean isHost() {
        return prefixLength == address.getAddress().length * 8;
    }

    /** The network bytes in network order (4 or 16). */
    byte[] bytes() {
        return address.getAddress();
    }

    byte[] mask() {
        return mask(address.getAddress().length, prefixLength);
    }

    /** Whether the address bytes (as stored by the kernel for this family) lie in this network. */
    boolean contains(byte[] candidate) {
        byte[] network = bytes();
        byte[] mask = mask();
        if (candidate.length != network.length) {
            return false;
        }
        for (int i = 0; i < network.length; i++) {
            if ((candidate[i] & mask[i]) != network[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] mask(int length, int prefixLength) {
        byte[] mask = new byte[length];
        for (int i = 0; i < length; i++) {
            int bits = Math.max(0, Math.min(8, prefixLength - i * 8));
            mask[i] = (byte) (0xff00 >>> bits);
        }
        return mask;
    }

    static String format(InetAddress address) {
        return InetAddresses.toAddrString(address);
    }

    /** "198.51.100.7" for a host, else "198.51.100.0/24". */
    @Override
    public String toString() {
        return isHost() ? format(address) : format(address) + "/" + prefixLength;
    }
}
