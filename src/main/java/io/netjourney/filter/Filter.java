package io.netjourney.filter;

import io.netjourney.capture.HopEvent;

/**
 * A parsed filter expression: an immutable tree whose {@link #matches} gives the same answer as the BPF code
 * {@link KernelFilter} compiles from it for the kernel.
 *
 * <p>{@code toString()} is the canonical expression: lowercase keywords, {@code and}/{@code or}/{@code not},
 * parentheses only where needed; {@link FilterParser#parse} of it gives an equal filter.
 */
public sealed interface Filter
        permits ProtocolFilter, AddressFilter, PortFilter, NetnsFilter, IfnameFilter, NotFilter, AndFilter, OrFilter {

    /** What no filter means: all IP traffic, {@code ip or ip6}. */
    Filter ALL_IP = new OrFilter(new ProtocolFilter(Protocol.IP), new ProtocolFilter(Protocol.IP6));

    boolean matches(HopEvent event);

    default Filter and(Filter other) {
        return new AndFilter(this, other);
    }

    default Filter or(Filter other) {
        return new OrFilter(this, other);
    }

    default Filter negate() {
        return new NotFilter(this);
    }
}
