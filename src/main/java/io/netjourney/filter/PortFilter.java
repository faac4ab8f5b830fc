package io.netjourney.filter;

import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Packet;
import java.util.Objects;

/**
 * {@code [src|dst] port N}: a TCP or UDP event whose transport header was read (not a non-first fragment,
 * not truncated) with that source and/or destination port.
 */
public record PortFilter(Direction direction, int port) implements Filter {

    public static final int MAX_PORT = 0xffff;

    public PortFilter {
        Objects.requireNonNull(direction, "direction");
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " outside 0-" + MAX_PORT);
        }
    }

    @Override
    public boolean matches(HopEvent event) {
        if (EventAddresses.transportUnknown(event)) {
            return true;
        }
        int l4 = event.l4Protocol();
        if (event.isArp() || l4 != Packet.PROTO_TCP && l4 != Packet.PROTO_UDP
                || event.hasFlag(Packet.FLAG_NO_L4) || event.hasFlag(Packet.FLAG_TRUNCATED)) {
            return false;
        }
        return direction.includesSource() && event.sourcePort() == port
                || direction.includesDestination() && event.destinationPort() == port;
    }

    @Override
    public String toString() {
        return direction.prefix() + "port " + port;
    }
}
