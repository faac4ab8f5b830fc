package io.netjourney.journey;

import io.netjourney.collect.LongKeyMap;
import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Packet;
import io.netjourney.capture.PacketEvent;
import io.netjourney.capture.RouteDecision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Assembles device crossings ({@link HopEvent}s) into packets and packets into flows, as {@link TracedHop}s.
 * Single-threaded: call it from one consumer thread, and query it from that thread too (the snapshots it returns
 * are immutable and may be handed to other threads).
 *
 * <h2>Which packet a crossing belongs to</h2>
 * <ol>
 *   <li><b>Same skb.</b> A crossing on the skb address of a retained packet continues that packet, unless the
 *       content says the address was freed and reused: the ICMP type/code/seq, TCP seq/ack/flags, IPv4 ID, IPv6
 *       flow label or ARP op differ; or the source and destination are swapped (a reply); or the addresses
 *       changed while these fields cannot single out a packet (UDP without IPv4 ID or IPv6 flow label); or the
 *       previous crossing was at the same hook of the same device; or more than
 *       {@link JourneyConfig#skbReuseGapNs()} (default 1 s) passed since the packet's previous crossing.
 *       Addresses and ports alone may change on the same skb (NAT): the packet stays in its first flow, the
 *       crossing carries the {@link Translation}, and the translated tuple becomes another key of that flow, so
 *       the real server's reply (which starts with the translated tuple) joins it too.</li>
 *   <li><b>Another skb, same content.</b> Otherwise, if the content identity is strong (ICMP/ICMPv6 echo id,
 *       seq and type; TCP ports, seq, ack and flags; a non-zero IPv4 ID; a non-zero IPv6 flow label with the
 *       payload fields; ARP op, addresses and sender MAC) and equals, with the same oriented source and
 *       destination, that of a packet whose previous crossing was at most {@link JourneyConfig#linkWindowNs()}
 *       (default 50 ms) before and on another device (for a drop, also the same device: a copy freed where the
 *       packet was, such as a raw socket's clone its filter refused), the crossing continues that packet (clone,
 *       copy, GRO): same packetId, hopIndex goes on. A reply never matches its request: source/destination and the ICMP
 *       type differ.</li>
 *   <li>Otherwise the crossing starts a new packet.</li>
 * </ol>
 * The ICMP echo id is only part of the key, never taken for a process id; skb->mark is not used.
 *
 * <h2>Flows and direction</h2>
 * A flow is keyed by {@link FlowKey}: endpoints in canonical order, so both directions share it. ICMP/ICMPv6 echo
 * is keyed by the addresses and echo id, and its direction comes from the type (8/128 request, 0/129 reply); ARP
 * by the IPv4 pair, direction from the op (1 request, 2 reply); TCP by the 5-tuple, where a SYN without ACK marks
 * its sender as the requester and a SYN-ACK its sender as the replier, even when seen after other packets (the
 * retained packets are then re-labelled; hops already returned are not); UDP and other IP protocols by the
 * 5-tuple or address pair + protocol, where the first packet seen defines REQUEST. An ICMP/ICMPv6 error joins the
 * flow of the packet it quotes, the other way than that packet, and its crossings say which packet it answers
 * ({@link TracedHop#answers()}, see {@link IcmpErrors}).
 *
 * <h2>Status</h2>
 * A flow is {@link FlowStatus#INCOMPLETE} while its latest request that expects an answer (anything but a bare TCP
 * ACK) has no reply packet first seen after it, {@link FlowStatus#DROPPED} while that request was lost (every copy of
 * it ended in a real drop, {@link Branches#lost}; re-judged as copies move on), {@link FlowStatus#ICMP_ERROR} while
 * an ICMP error answered it (checked first: a TTL that ran out is also a drop), else {@link FlowStatus#OK}.
 *
 * <h2>Latency</h2>
 * {@code hopIndex} counts a packet's crossings from 0; {@code deltaNs} is the time since the packet's previous
 * crossing ({@code -1} for the first; 0 if events from different CPUs arrive slightly out of order).
 *
 * <h2>Memory: what is evicted</h2>
 * Timestamps come from the events (kernel monotonic ns), never the wall clock, so a recorded trace replays the
 * same way. The assembler's clock is the latest event timestamp seen (or {@link #advanceTo(long)}).
 * <ul>
 *   <li><b>Idle flows</b>: a flow without a crossing for more than {@link JourneyConfig#flowIdleNs()} (default
 *       60 s) is evicted with all its packets, checked on every event and on {@link #advanceTo(long)}.</li>
 *   <li><b>Too many flows</b>: beyond {@link JourneyConfig#maxFlows()} (default 10,000) the least recently
 *       active flow is evicted with its packets.</li>
 *   <li><b>Too many packets</b>: beyond {@link JourneyConfig#maxPackets()} (default 50,000, all flows
 *       together) the least recently active packet is evicted; its flow stays, with its counts.</li>
 *   <li><b>Too many packets in one flow</b>: beyond {@link JourneyConfig#maxPacketsPerFlow()} (default 200) the
 *       flow's oldest packet is evicted, so a flood's flow does not push every other flow's packets out.</li>
 *   <li><b>Long paths</b>: a packet keeps at most {@link JourneyConfig#maxHopsPerPacket()} (default 64)
 *       crossings; later ones are still numbered, returned and counted.</li>
 * </ul>
 * Evictions are counted in {@link #stats()}. The skb and content indexes only hold retained packets (the content
 * index only those that crossed within about two link windows, {@link ContentIndex}), so memory is bounded by roughly
 * maxPackets × (hops per packet) crossings.
 */
public final class JourneyAssembler {

    private final JourneyConfig config;
    /** Flows by their first key and their NAT aliases (the translated tuples). */
    private final FlowTable flows = new FlowTable();
    private final Map<Long, FlowState> flowsById = new HashMap<>();
    /** Packets by skb address, each entry tagged with its packet's {@link ContentKey#fingerprint()}. */
    private final LongKeyMap<PacketState> bySkb = new LongKeyMap<>(true);
    private final ContentIndex byContent;
    /** The content of the crossing being placed; only copies of it are stored. */
    private final ContentKey probe = new ContentKey();
    /**
     * Whether the packet found for the crossing being placed has other content than the probe: only a crossing on
     * the same skb whose addresses or ports changed (NAT) does; a packet found by content or just made has the
     * probe's. Set once per crossing so that the content is compared once, not again for the translation and the
     * content index.
     */
    private boolean contentChanged;
    /** Whether the packet was found for the crossing being placed through its skb's entry in the skb index. */
    private boolean foundBySkb;
    private final AddressBits addressBits = new AddressBits(1024);
    private final LruList<FlowState> flowLru = new LruList<>();
    private final LruList<PacketState> packetLru = new LruList<>();
    private long clockNs = Long.MIN_VALUE;
    /** The packet the latest crossing or drop was placed in (for {@link JourneyModel}). */
    PacketState placed;
    /** Told of every flow evicted (for {@link JourneyModel}); may be null. */
    Consumer<FlowState> evictions;
    private static final int LOOPBACK_IFINDEX = 1;
    private long nextFlowId = 1;
    /** Namespace of the latest crossing per CPU (index = cpu mod 1024), for placing routing decisions. */
    private final long[] lastNetnsByCpu = new long[1024];
    private long nextPacketId = 1;
    private long crossings;
    private long evictedFlows;
    private long evictedPackets;
    private long linkedSkbs;

    public JourneyAssembler() {
        this(JourneyConfig.defaults());
    }

    public JourneyAssembler(JourneyConfig config) {
        this.config = config;
        this.byContent = new ContentIndex(contentSpanNs(config.linkWindowNs()));
    }

    /**
     * How long a packet stays in the content index after its latest crossing: the link window, and as much again
     * (at least a millisecond) for events that arrive out of order.
     */
    private static long contentSpanNs(long linkWindowNs) {
        long span = linkWindowNs + Math.max(linkWindowNs, 1_000_000L);
        return span < linkWindowNs ? Long.MAX_VALUE : span;
    }

    public JourneyConfig config() {
        return config;
    }

    /**
     * Places one crossing in its packet and flow. Events should come in timestamp order (per-CPU jitter is ok).
     * A drop continues its packet like a crossing (same skb) and ends its path. A routing decision has no skb: it
     * is not placed in a packet (ids 0, hop -1) but gets its namespace: the output device's when the lookup found
     * one, else for a locally made packet the sending task's, and for a received one the namespace of the
     * crossing that came just before on the same CPU (the lookup runs right after it, in the same softirq).
     */
    public TracedHop accept(HopEvent event) {
        advanceTo(event.timestampNs());
        if (event instanceof RouteDecision route) {
            return new TracedHop(routeNamespace(route), 0, 0, PacketDirection.REQUEST, -1, -1);
        }
        return place((PacketEvent) event);
    }

    /** A crossing or drop: in the packet of its skb, or of its content, or a new one. */
    private TracedHop place(PacketEvent event) {
        if (event instanceof Crossing) {
            lastNetnsByCpu[event.cpu() & (lastNetnsByCpu.length - 1)] = event.netnsInode();
        }
        ContentKey content = probe.set(event, addressBits);
        contentChanged = false;
        PacketState packet = sameSkbPacket(event, content);
        foundBySkb = packet != null;
        if (packet == null) {
            packet = copiedPacket(event, content);
            if (packet != null) {
                linkedSkbs++;
            } else {
                packet = newPacket(event, content);
            }
        }
        return append(packet, event, content);
    }

    private RouteDecision routeNamespace(RouteDecision route) {
        if (route.netnsInode() != 0) {
            return route;
        }
        int iif = route.inputIfindex();
        boolean local = iif == 0 || iif == LOOPBACK_IFINDEX; // output lookups name lo as their input
        long netns = local ? route.taskNetnsInode() : lastNetnsByCpu[route.cpu() & (lastNetnsByCpu.length - 1)];
        return netns == 0 ? route : route.inNetns(netns);
    }

    /** Moves the clock forward (event time, not wall time) and evicts the flows idle since; for quiet periods. */
    public void advanceTo(long nowNs) {
        if (nowNs > clockNs) {
            clockNs = nowNs;
            byContent.advance(clockNs);
        }
        FlowState eldest = flowLru.first();
        while (eldest != null && clockNs - eldest.lastSeenNs > config.flowIdleNs()) {
            evictFlow(eldest);
            eldest = flowLru.first();
        }
    }

    /**
     * The packet retained on the crossing's skb, if the crossing continues it. A reused address mostly leads to a
     * packet long out of the cache: the fingerprint of its content in the skb index tells most of them apart without
     * reading the packet, and its content the most of the rest before its skb tracks are read.
     */
    private PacketState sameSkbPacket(PacketEvent event, ContentKey content) {
        int slot = bySkb.find(event.skb());
        if (slot < 0 || !content.mayContinue(bySkb.tagAt(slot))) {
            return null;
        }
        PacketState packet = bySkb.valueAt(slot);
        if (event.timestampNs() - packet.lastSeenNs > config.skbReuseGapNs()) {
            return null;
        }
        ContentKey previous = packet.content;
        boolean changed = !previous.equals(content);
        if (changed && !(content.strong && previous.sameExceptAddresses(content)) || packet.lastCrossedAt(event)) {
            return null;
        }
        contentChanged = changed;
        return packet;
    }

    private PacketState copiedPacket(HopEvent event, ContentKey content) {
        if (!content.strong) {
            return null;
        }
        PacketState packet = byContent.get(content);
        // a crossing of the same device again is another packet; a copy freed there (a raw socket's clone that its
        // filter refused) is this one's
        if (packet == null || event.timestampNs() - packet.lastSeenNs > config.linkWindowNs()
                || !(event instanceof Drop) && packet.lastCrossedDeviceOf(event)) {
            return null;
        }
        return packet;
    }

    private PacketState newPacket(HopEvent event, ContentKey content) {
        FlowState answered = IcmpErrors.answeredFlow(event, flows);
        if (answered != null) {
            return track(IcmpErrors.errorPacket(nextPacketId++, event, answered, content.copy()), event);
        }
        // found without making a key; "low" is relative to the flow's first key: a translated tuple (a swapped
        // alias) may order its endpoints the other way
        FlowTable.Entry entry = flows.get(content);
        FlowState flow;
        boolean fromLow;
        if (entry != null) {
            flow = entry.flow();
            fromLow = content.sourceIsLow() != entry.swapped();
        } else {
            fromLow = content.sourceIsLow();
            flow = newFlow(FlowKey.of(content), event, fromLow);
        }
        PacketDirection intrinsic = intrinsicDirection(event, content);
        if (intrinsic != null) {
            orient(flow, fromLow == (intrinsic == PacketDirection.REQUEST));
        } else if (!flow.orientationKnown) {
            flow.orientationKnown = true;
            flow.requestFromLow = fromLow;
        }
        return track(new PacketState(nextPacketId++, flow, fromLow, intrinsic, content.copy(), expectsAnswer(event)),
                event);
    }

    /** Adds a new packet to its flow and the retention order. */
    private PacketState track(PacketState packet, HopEvent event) {
        FlowState flow = packet.flow;
        packet.firstSeenNs = event.timestampNs();
        flow.packets.addLast(packet);
        flow.packetsSeen++;
        flow.counted(packet, packet.expectsAnswer);
        packetLru.addLast(packet);
        if (flow.packets.size() > config.maxPacketsPerFlow()) {
            evictPacket(flow.packets.peekFirst());
        }
        while (packetLru.size() > config.maxPackets()) {
            evictPacket(packetLru.first());
        }
        return packet;
    }

    private FlowState newFlow(FlowKey key, HopEvent event, boolean fromLow) {
        FlowState flow = new FlowState(nextFlowId++, key, event, fromLow);
        flows.add(key, flow, false);
        flowsById.put(flow.id, flow);
        flowLru.addLast(flow);
        while (flowLru.size() > config.maxFlows()) {
            evictFlow(flowLru.first());
        }
        return flow;
    }

    /** Anything but a bare TCP ACK (only the ACK flag) expects an answer. */
    private static boolean expectsAnswer(HopEvent e) {
        return !(e.isTcp() && e.hasTransportHeader() && e.tcpFlags() == Packet.TCP_FLAG_ACK);
    }

    /** A packet's own type fixes the flow's orientation once; packets labelled by first-seen order follow. */
    private static void orient(FlowState flow, boolean requestFromLow) {
        if (flow.orientationIntrinsic) {
            return;
        }
        boolean flip = flow.orientationKnown && flow.requestFromLow != requestFromLow;
        flow.orientationKnown = true;
        flow.orientationIntrinsic = true;
        flow.requestFromLow = requestFromLow;
        if (flip) {
            for (PacketState packet : flow.packets) {
                if (!packet.intrinsic) {
                    packet.direction = flow.directionFrom(packet.fromLow);
                }
            }
            flow.recount();
        }
    }

    /** Request or reply from the packet itself: echo type, ARP op, TCP SYN / SYN-ACK; else null. */
    static PacketDirection intrinsicDirection(HopEvent event, ContentKey content) {
        if (content.echo) {
            int type = content.icmpType;
            return type == 8 || type == 128 ? PacketDirection.REQUEST : PacketDirection.REPLY;
        }
        if (event.isArp()) {
            return content.arpOp == 1 ? PacketDirection.REQUEST
                    : content.arpOp == 2 ? PacketDirection.REPLY : null;
        }
        if (event.isTcp() && (content.tcpFlags & Packet.TCP_FLAG_SYN) != 0) {
            return (content.tcpFlags & Packet.TCP_FLAG_ACK) == 0 ? PacketDirection.REQUEST : PacketDirection.REPLY;
        }
        return null;
    }

    private TracedHop append(PacketState packet, PacketEvent event, ContentKey content) {
        long ts = event.timestampNs();
        int ordinal = packet.hopCount++;
        // a crossing follows the latest one on its skb; on a new skb (a copy) it branches off the packet's latest
        int slot = packet.skbSlot(event.skb());
        int parent;
        int depth;
        int branch;
        long delta;
        if (ordinal == 0) {
            parent = -1;
            depth = 0;
            branch = 0;
            delta = -1;
        } else if (slot >= 0) {
            PacketState.SkbTrack track = packet.skbs[slot];
            parent = track.ordinal;
            depth = track.hop + 1;
            branch = track.branch;
            delta = Math.max(0, ts - track.timestampNs);
        } else {
            parent = packet.lastOrdinal;
            depth = packet.lastHop + 1;
            branch = packet.branches++;
            delta = Math.max(0, ts - packet.lastSeenNs);
        }
        FlowState flow = packet.flow;
        Translation translation = ordinal == 0 || event instanceof Drop ? null : translation(packet, event, content);
        TracedHop hop = new TracedHop(event, packet.id, flow.id, packet.direction, depth, delta, translation, ordinal,
                parent, branch, packet.answers);
        if (event instanceof Crossing && (ordinal == 0 || translation != null)) {
            packet.lastSource = new Endpoint(event.source(), event.sourcePort());
            packet.lastDestination = new Endpoint(event.destination(), event.destinationPort());
        }
        if (packet.hops.size() < config.maxHopsPerPacket()) {
            if (packet.hops.isEmpty()) {
                packet.hops = new ArrayList<>(4);
            }
            packet.hops.add(hop);
        }
        if (event instanceof Drop) {
            packet.drops++;
        }
        if (packet.drops > 0 && !packet.hops.isEmpty()) {
            // a drop may have ended the last copy; a crossing after one may show another copy moved on
            packet.judge();
            flow.judged(packet);
        }
        placed = packet;
        if (ts > packet.lastSeenNs || ordinal == 0) {
            packet.lastSeenNs = ts;
        }
        packet.lastHook = event.hook();
        packet.lastIfindex = event.ifindex();
        packet.lastNetns = PacketState.netnsOf(event);
        packet.lastOrdinal = ordinal;
        packet.lastHop = depth;
        registerSkb(packet, slot, event, ordinal, depth, branch);
        registerContent(packet, content);
        if (ts > flow.lastSeenNs) {
            flow.lastSeenNs = ts;
        }
        flow.crossings++;
        crossings++;
        flowLru.moveToLast(flow);
        packetLru.moveToLast(packet);
        return hop;
    }

    /**
     * The NAT between the packet's previous crossing and this one (same packet, other addresses or ports), or null.
     * The translated tuple becomes another key of the packet's flow, so the packets that come back with it (the
     * real server's reply) join the same flow.
     */
    private Translation translation(PacketState packet, HopEvent event, ContentKey content) {
        if (!(event instanceof Crossing) || packet.lastSource == null || !contentChanged) {
            return null;
        }
        Endpoint source = new Endpoint(event.source(), event.sourcePort());
        Endpoint destination = new Endpoint(event.destination(), event.destinationPort());
        if (source.equals(packet.lastSource) && destination.equals(packet.lastDestination)) {
            return null;
        }
        FlowState flow = packet.flow;
        FlowKey key = FlowKey.of(content);
        // an error's own addresses (its NAT undone on the way back) are no key of the flow it answers
        if (!key.equals(flow.key) && !flows.containsKey(key) && packet.answers == null) {
            flows.add(key, flow, content.sourceIsLow() != packet.fromLow);
            List<FlowKey> aliases = new ArrayList<>(flow.aliases);
            aliases.add(key);
            flow.aliases = aliases;
        }
        return new Translation(packet.lastSource, packet.lastDestination, source, destination);
    }

    /**
     * Indexes the packet by its skb and remembers the crossing on it that the next one on the same skb follows.
     * {@code slot} is the skb's slot in the packet, or -1 for an skb the packet does not have yet.
     */
    private void registerSkb(PacketState packet, int slot, PacketEvent event, int ordinal, int depth, int branch) {
        long skb = event.skb();
        if (slot < 0) {
            slot = packet.addSkb(skb);
            if (slot < 0) {
                return;
            }
            bySkb.put(skb, packet, packet.content.fingerprint());
        } else if (!foundBySkb && !indexedUnder(skb, packet)) {
            // a packet found by content whose entry for this skb a later packet took
            bySkb.put(skb, packet, packet.content.fingerprint());
        }
        PacketState.SkbTrack track = packet.skbs[slot];
        track.ordinal = ordinal;
        track.hop = depth;
        track.timestampNs = event.timestampNs();
        track.branch = branch;
        track.hook = event.hook();
        track.ifindex = event.ifindex();
        track.netns = PacketState.netnsOf(event);
    }

    private boolean indexedUnder(long skb, PacketState packet) {
        int entry = bySkb.find(skb);
        return entry >= 0 && bySkb.valueAt(entry) == packet;
    }

    /**
     * Indexes the packet by the crossing's content (the probe): a copy is stored only when the content changed, and
     * the index is written only when it does not already lead to this packet in its current generation.
     */
    private void registerContent(PacketState packet, ContentKey content) {
        ContentKey stored = packet.content;
        if (contentChanged) {
            byContent.remove(packet);
            stored = content.copy();
            packet.content = stored;
            retagSkbs(packet);
        }
        if (stored.strong) {
            byContent.refresh(packet);
        }
    }

    /** Keeps the fingerprint beside each of the packet's skbs in the skb index equal to its content's. */
    private void retagSkbs(PacketState packet) {
        long fingerprint = packet.content.fingerprint();
        for (int i = 0; i < packet.skbCount; i++) {
            int entry = bySkb.find(packet.skbs[i].skb);
            if (entry >= 0 && bySkb.valueAt(entry) == packet) {
                bySkb.setTagAt(entry, fingerprint);
            }
        }
    }

    private void evictFlow(FlowState flow) {
        for (PacketState packet : flow.packets) {
            forget(packet);
        }
        flow.packets.clear();
        flows.remove(flow.key, null);
        for (FlowKey alias : flow.aliases) {
            flows.remove(alias, flow);
        }
        flowsById.remove(flow.id);
        flowLru.remove(flow);
        evictedFlows++;
        if (evictions != null) {
            evictions.accept(flow);
        }
    }

    private void evictPacket(PacketState packet) {
        ArrayDeque<PacketState> packets = packet.flow.packets;
        if (packets.peekFirst() == packet) {
            packets.pollFirst();
        } else {
            packets.remove(packet);
        }
        forget(packet);
    }

    private void forget(PacketState packet) {
        for (int i = 0; i < packet.skbCount; i++) {
            bySkb.remove(packet.skbs[i].skb, packet);
        }
        byContent.remove(packet);
        packetLru.remove(packet);
        evictedPackets++;
    }

    /** The retained flows, oldest first. */
    public List<FlowSummary> flows() {
        List<FlowSummary> result = new ArrayList<>(flows.size());
        for (FlowState flow : flowsById.values()) {
            result.add(flow.summary());
        }
        result.sort(Comparator.comparingLong(FlowSummary::flowId));
        return result;
    }

    public Optional<FlowSummary> flow(long flowId) {
        FlowState flow = flowsById.get(flowId);
        return flow == null ? Optional.empty() : Optional.of(flow.summary());
    }

    /** The retained packets of a flow, oldest first, each with its retained hops in order; empty if unknown. */
    public List<PacketJourney> packets(long flowId) {
        FlowState flow = flowsById.get(flowId);
        if (flow == null) {
            return List.of();
        }
        List<PacketJourney> result = new ArrayList<>(flow.packets.size());
        for (PacketState packet : flow.packets) {
            result.add(packet.snapshot());
        }
        return result;
    }

    /** The retained flow with this id, or null. */
    FlowState flowState(long flowId) {
        return flowsById.get(flowId);
    }

    /** The retained flows, in no particular order. */
    Iterable<FlowState> flowStates() {
        return flowsById.values();
    }

    public JourneyStats stats() {
        return new JourneyStats(nextPacketId - 1, crossings, nextFlowId - 1, flowsById.size(), packetLru.size(),
                evictedFlows, evictedPackets, linkedSkbs);
    }

    /** Entries in the skb index (for tests of the memory bound). */
    int trackedSkbs() {
        return bySkb.size();
    }

    /** Entries in the content index (for tests of the memory bound). */
    int trackedContents() {
        return byContent.size();
    }
}
