package io.netjourney.filter;

import io.netjourney.capture.HopEvent;
import java.util.Objects;

/**
 * {@code [src|dst] host A} or {@code [src|dst] net N/len}: the event's address family equals the network's
 * and its source and/or destination lies in the network. ARP events use their sender/target protocol addresses.
 */
public record AddressFilter(Direction direction, IpNetwork network) implements Filter {

    public AddressFilter {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(network, "network");
    }

    @Override
    public boolean matches(HopEvent event) {
        int family = EventAddresses.family(event);
        if (family != network.family()) {
            return false;
        }
        return direction.includesSource() && network.contains(EventAddresses.bytes(event.source(), family))
                || direction.includesDestination()
                        && network.contains(EventAddresses.bytes(event.destination(), family));
    }

    @Override
    public String toString() {
        return direction.prefix() + (network.isHost() ? "host " : "net ") + network;
    }
}
