package io.netjourney.filter;

import io.netjourney.capture.HopEvent;
import java.util.Objects;

/** {@code ip}, {@code ip6}, {@code arp}, {@code icmp}, {@code icmp6}, {@code tcp}, {@code udp}. */
public record ProtocolFilter(Protocol protocol) implements Filter {

    public ProtocolFilter {
        Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public boolean matches(HopEvent event) {
        return protocol.matches(event);
    }

    @Override
    public String toString() {
        return protocol.keyword();
    }
}
