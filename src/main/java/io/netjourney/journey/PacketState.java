package io.netjourney.journey;

import io.netjourney.capture.Drop;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.PacketEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The assembler's mutable record of one packet. Not thread-safe; only the assembler touches it. */
final class PacketState extends LruNode {
    /** A packet registers at most this many skb addresses; further skbs are followed by content only. */
    static final int MAX_SKBS = 8;

    final long id;
    final FlowState flow;
    final boolean fromLow;
    /** Whether the direction comes from the packet itself (echo type, ARP op, TCP SYN), not the flow's order. */
    final boolean intrinsic;
    PacketDirection direction;
    /** Whether an answer is due (anything but a bare TCP ACK), for the flow's status. */
    final boolean expectsAnswer;
    /** Drops among {@link #hops}; and whether they ended every copy of the packet, for real (Branches#lost). */
    int drops;
    boolean lost;
    /** The retained crossings; empty (and not allocated) while none is. */
    List<TracedHop> hops = List.of();
    /**
     * The registered skbs, each with the latest crossing on it; grown as copies appear (most packets use one). The
     * first track is made with the packet, so that it lies next to it in memory: evicting a packet and checking a
     * reused skb read both, and the packet is long out of the cache by then.
     */
    SkbTrack[] skbs = {new SkbTrack()};
    int skbCount;
    /** Crossings (and drops) so far: the next ordinal. */
    int hopCount;
    /** The packet's latest crossing: where a copy on a new skb branches off. */
    int lastOrdinal = -1;
    int lastHop;
    int branches = 1;
    long firstSeenNs;
    long lastSeenNs;
    ContentKey content;
    /** Which generation of the assembler's {@link ContentIndex} leads from {@link #content} to this packet. */
    long contentGeneration = ContentIndex.NONE;
    Hook lastHook;
    long lastNetns;
    int lastIfindex;
    /** The addresses and ports of the previous crossing, to tell an address translation by. */
    Endpoint lastSource;
    Endpoint lastDestination;
    /** For an ICMP error in the flow it answers: what it answers ({@link IcmpErrors}); else null. */
    Answer answers;

    PacketState(long id, FlowState flow, boolean fromLow, PacketDirection intrinsicDirection, ContentKey content,
            boolean expectsAnswer) {
        this.id = id;
        this.expectsAnswer = expectsAnswer;
        this.flow = flow;
        this.fromLow = fromLow;
        this.intrinsic = intrinsicDirection != null;
        this.direction = intrinsic ? intrinsicDirection : flow.directionFrom(fromLow);
        this.content = content;
    }

    /**
     * Whether the previous crossing on this event's skb (of a branched packet: that copy's) was at the same hook of
     * the same device.
     */
    boolean lastCrossedAt(PacketEvent e) {
        int slot = skbSlot(e.skb());
        if (slot >= 0) {
            SkbTrack track = skbs[slot];
            return track.hook == e.hook() && track.ifindex == e.ifindex() && track.netns == netnsOf(e);
        }
        return lastHook == e.hook() && lastIfindex == e.ifindex() && lastNetns == netnsOf(e);
    }

    /** Whether the packet's previous crossing was on the same device (any hook). */
    boolean lastCrossedDeviceOf(HopEvent e) {
        return lastIfindex == e.ifindex() && lastNetns == netnsOf(e);
    }

    boolean hasSkb(long skb) {
        return skbSlot(skb) >= 0;
    }

    /** The index of a registered skb in {@link #skbs}, or -1. */
    int skbSlot(long skb) {
        for (int i = 0; i < skbCount; i++) {
            if (skbs[i].skb == skb) {
                return i;
            }
        }
        return -1;
    }

    /** Re-decides {@link #lost} from the retained crossings and drops (after a drop, or a crossing after one). */
    void judge() {
        List<TracedHop> crossings = new ArrayList<>(hops.size());
        List<TracedHop> dropped = new ArrayList<>(drops);
        for (TracedHop hop : hops) {
            (hop.event() instanceof Drop ? dropped : crossings).add(hop);
        }
        lost = Branches.lost(crossings, dropped);
    }

    PacketJourney snapshot() {
        List<TracedHop> view = new ArrayList<>(hops.size());
        for (TracedHop hop : hops) {
            view.add(hop.direction() == direction ? hop : hop.withDirection(direction));
        }
        return new PacketJourney(id, flow.id, direction, view, hopCount, firstSeenNs, lastSeenNs, lost);
    }

    /** Adds an skb (at most {@link #MAX_SKBS}); returns its slot, or -1 when the packet has as many as it keeps. */
    int addSkb(long skb) {
        if (skbCount == MAX_SKBS) {
            return -1;
        }
        if (skbCount == skbs.length) {
            skbs = Arrays.copyOf(skbs, Math.min(MAX_SKBS, skbs.length * 2));
        }
        if (skbs[skbCount] == null) {
            skbs[skbCount] = new SkbTrack();
        }
        skbs[skbCount].skb = skb;
        return skbCount++;
    }

    /** One skb of the packet and the latest crossing on it: what the next crossing on the same skb follows. */
    static final class SkbTrack {
        long skb;
        int ordinal;
        int hop;
        long timestampNs;
        int branch;
        Hook hook;
        int ifindex;
        long netns;
    }

    /** The namespace identity: the netns cookie where the kernel has one (unique per boot), else the inode. */
    static long netnsOf(HopEvent e) {
        return e.netnsCookie() != 0 ? e.netnsCookie() : e.netnsInode();
    }
}
