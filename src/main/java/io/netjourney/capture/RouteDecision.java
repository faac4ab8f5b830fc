package io.netjourney.capture;

import java.net.InetAddress;

/**
 * A routing table lookup (fib:fib_table_lookup, fib6:fib6_table_lookup). It has no skb: its {@link #packet()} is the
 * flow the lookup was for, and its {@link #device()} the output device it found (ifindex 0 when none). The kernel
 * gives a namespace only with a device (and for IPv6); the journey places the others ({@link #inNetns}).
 *
 * @param table        routing table id, 254 main, 255 local
 * @param error        0 when a route was found, -11 (EAGAIN) when this table had none, else -errno
 * @param inputIfindex input interface of the lookup; 0 (or lo's) for a locally made packet
 * @param gateway      the gateway chosen, null when the destination is on-link or the lookup failed
 */
public record RouteDecision(long timestampNs, int cpu, Hook hook, Device device, Packet packet, long taskNetnsInode,
                            int table, int error, int inputIfindex, InetAddress gateway) implements HopEvent {

    public static final int EAGAIN = 11;

    /** A lookup that found a route. */
    public boolean found() {
        return error == 0;
    }

    /** A lookup in one table that found nothing there (the next table is tried). */
    public boolean notInTable() {
        return error == -EAGAIN;
    }

    /** The same decision placed in another namespace (the one the journey worked out it was made in). */
    public RouteDecision inNetns(long inode) {
        return new RouteDecision(timestampNs, cpu, hook, device.inNetns(inode), packet, taskNetnsInode, table, error,
                inputIfindex, gateway);
    }
}
