package io.netjourney.capture;

/** An event about a packet on an skb (a {@link Crossing} or a {@link Drop}); the journey follows skbs. */
public sealed interface PacketEvent extends HopEvent permits Crossing, Drop {

    /** The kernel address of the skb (reused after it is freed; a copy or clone has another). */
    long skb();
}
