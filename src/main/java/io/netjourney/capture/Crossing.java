package io.netjourney.capture;

/** A packet crossing a device at a hook (transmit or one of the receive tracepoints). */
public record Crossing(long timestampNs, int cpu, Hook hook, long skb, Device device, Packet packet,
                       long taskNetnsInode) implements PacketEvent {
}
