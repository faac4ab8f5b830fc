package io.netjourney.capture;

/**
 * What the kernel counted of one direction of one flow at one place while counting ({@code trace --sample}): every
 * matching packet, sent to user space or not.
 *
 * @param at          the place and headers the count is kept under, as an event: a {@link Crossing} (the hook, the
 *                    device, the headers that tell the flow: addresses, protocol, ports or the ICMP type, code and
 *                    echo id), or a {@link Drop} with its reason and location
 * @param packets     packets counted there
 * @param bytes       their skb lengths
 * @param firstNs     bpf_ktime_get_ns() of the first packet counted there
 * @param lastNs      of the last
 * @param sinceFirst  a histogram of the time from each packet's first crossing to this place: bucket 0 for 0 ns (the
 *                    first crossing), bucket b for [2^(b-1), 2^b) ns, the last bucket for anything longer
 */
public record KernelCount(PacketEvent at, long packets, long bytes, long firstNs, long lastNs, long[] sinceFirst) {
    public static final int BUCKETS = 32;

    /** Whether this counts drops (else crossings). */
    public boolean drops() {
        return at instanceof Drop;
    }
}
