package io.netjourney.capture;

import java.net.InetAddress;

/**
 * What a non-crossing record reports: a drop (skb:kfree_skb) or a routing table lookup (fib:fib_table_lookup,
 * fib6:fib6_table_lookup). Numbers as the kernel gave them; names come from {@link KernelNames}.
 *
 * @param dropReason   the kernel's enum skb_drop_reason value (DROP)
 * @param dropLocation kernel address of the code that dropped the packet (DROP)
 * @param fibTable     routing table id, 254 main, 255 local (ROUTE)
 * @param fibError     0 when a route was found, -11 (EAGAIN) when this table had none, else -errno (ROUTE)
 * @param fibInputIfindex input interface of the lookup; 0 for a locally made packet (ROUTE)
 * @param fibGateway   the gateway chosen, null when the destination is on-link or the lookup failed (ROUTE)
 * @param reasonName   the drop reason's name ("NETFILTER_DROP"), null when unknown
 * @param locationName the dropping code as "symbol+0xoffset", null when unknown
 */
public record Verdict(Kind kind, int dropReason, long dropLocation, int fibTable, int fibError, int fibInputIfindex,
                      InetAddress fibGateway, String reasonName, String locationName) {

    public Verdict(Kind kind, int dropReason, long dropLocation, int fibTable, int fibError, int fibInputIfindex,
            InetAddress fibGateway) {
        this(kind, dropReason, dropLocation, fibTable, fibError, fibInputIfindex, fibGateway, null, null);
    }

    /** The same verdict with names for its reason and location. */
    public Verdict named(String reason, String location) {
        return new Verdict(kind, dropReason, dropLocation, fibTable, fibError, fibInputIfindex, fibGateway, reason,
                location);
    }

    /** "NETFILTER_DROP", or "reason 12" when the name is unknown. */
    public String reasonText() {
        return reasonName != null ? reasonName : "reason " + dropReason;
    }

    /** Kinds of verdict; ids as enum nj_event in bpf/netjourney.h. */
    public enum Kind {
        DROP(1), ROUTE(2);

        private final int id;

        Kind(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }
    }

    public static final int EAGAIN = 11;

    /** A route lookup that found a route. */
    public boolean routeFound() {
        return kind == Kind.ROUTE && fibError == 0;
    }

    /** A lookup in one table that found nothing there (the next table is tried). */
    public boolean routeNotInTable() {
        return kind == Kind.ROUTE && fibError == -EAGAIN;
    }
}
