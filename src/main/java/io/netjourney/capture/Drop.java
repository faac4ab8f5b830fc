package io.netjourney.capture;

/**
 * A packet the kernel freed as dropped (skb:kfree_skb). Its device is where the skb last was; when the device was
 * gone its namespace comes from the socket and its ifindex is 0. Numbers as the kernel gave them; names come from
 * {@link KernelNames} (live) or a trace file's metadata.
 *
 * @param reason       the kernel's enum skb_drop_reason value
 * @param location     kernel address of the code that dropped the packet
 * @param reasonName   the reason's name ("NETFILTER_DROP"), null when unknown
 * @param locationName the dropping code as "symbol+0xoffset", null when unknown
 */
public record Drop(long timestampNs, int cpu, Hook hook, long skb, Device device, Packet packet, long taskNetnsInode,
                   int reason, long location, String reasonName, String locationName) implements PacketEvent {

    /** A drop whose reason and location have no names yet. */
    public Drop(long timestampNs, int cpu, Hook hook, long skb, Device device, Packet packet, long taskNetnsInode,
            int reason, long location) {
        this(timestampNs, cpu, hook, skb, device, packet, taskNetnsInode, reason, location, null, null);
    }

    /** The same drop with names for its reason and location. */
    public Drop named(String newReasonName, String newLocationName) {
        return new Drop(timestampNs, cpu, hook, skb, device, packet, taskNetnsInode, reason, location, newReasonName,
                newLocationName);
    }

    /** "NETFILTER_DROP", or "reason 12" when the name is unknown. */
    public String reasonText() {
        return reasonName != null ? reasonName : "reason " + reason;
    }
}
