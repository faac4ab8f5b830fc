package io.netjourney.filter;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address and network literals of host/net primitives. Never resolves names. */
final class AddressParser {
    private final String expression;

    AddressParser(String expression) {
        this.expression = expression;
    }

    InetAddress address(Token t) {
        return address(t, t.text(), t.offset());
    }

    /** {@code A/len}, or a bare address meaning a full-length prefix (as libpcap). */
    IpNetwork network(Token t) {
        String text = t.text();
        int slash = text.indexOf('/');
        if (slash < 0) {
            return IpNetwork.host(address(t));
        }
        InetAddress address = address(t, text.substring(0, slash), t.offset());
        int bits = address.getAddress().length * 8;
        String prefix = text.substring(slash + 1);
        String kind = address instanceof Inet4Address ? "IPv4" : "IPv6";
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            throw error(t.offset() + slash + 1, prefix.length(),
                    "invalid prefix length '" + prefix + "' for an " + kind + " network (expected 0-" + bits + ")");
        }
        return withHostBitsChecked(t, address, Integer.parseInt(prefix));
    }

    /** {@code net A mask M}: IPv4 only, contiguous masks only. */
    IpNetwork maskedNetwork(Token net, InetAddress address, Token maskToken) {
        InetAddress mask = address(maskToken);
        if (!(address instanceof Inet4Address) || !(mask instanceof Inet4Address)) {
            throw error(maskToken.offset(), maskToken.text().length(), "'mask' is supported for IPv4 only; use A/len");
        }
        int bits = InetAddresses.coerceToInteger(mask);
        int prefix = Integer.bitCount(bits);
        if (bits != (prefix == 0 ? 0 : -1 << (32 - prefix))) {
            throw error(maskToken.offset(), maskToken.text().length(), "mask " + maskToken.text()
                    + " is not contiguous");
        }
        int start = net.offset();
        int length = maskToken.end() - start;
        try {
            return new IpNetwork(address, prefix);
        } catch (IllegalArgumentException e) {
            throw error(start, length, e.getMessage());
        }
    }

    private IpNetwork withHostBitsChecked(Token t, InetAddress address, int prefix) {
        try {
            return new IpNetwork(address, prefix);
        } catch (IllegalArgumentException e) {
            byte[] bytes = address.getAddress();
            byte[] mask = IpNetwork.mask(bytes.length, prefix);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] &= mask[i];
            }
            throw error(t.offset(), t.text().length(), e.getMessage() + " (the network is "
                    + new IpNetwork(toAddress(bytes), prefix) + ")");
        }
    }

    private InetAddress address(Token t, String text, int offset) {
        if (text.contains("%")) {
            throw error(offset, text.length(), "scoped IPv6 address '" + text + "' is not supported");
        }
        if (!InetAddresses.isInetAddress(text)) {
            String what = text.contains(":") ? "invalid IPv6 address '" + text + "'"
                    : text.matches("[0-9.]+") ? "invalid IPv4 address '" + text + "'"
                    : "'" + text + "' is not an IP address (host names are not resolved)";
            throw error(offset, text.length(), what);
        }
        InetAddress address = InetAddresses.forString(text);
        return text.contains(":") ? toIpv6(address) : address;
    }

    /** Keeps ::ffff:a.b.c.d an IPv6 address: InetAddress collapses it to IPv4. */
    private static InetAddress toIpv6(InetAddress address) {
        if (address instanceof Inet6Address) {
            return address;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
        return toAddress(mapped);
    }

    static InetAddress toAddress(byte[] bytes) {
        try {
            return bytes.length == 4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("address of " + bytes.length + " bytes", e);
        }
    }

    private FilterSyntaxException error(int offset, int length, String reason) {
        return new FilterSyntaxException(expression, offset, length, reason);
    }
}
