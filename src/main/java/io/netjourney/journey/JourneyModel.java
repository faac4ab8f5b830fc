package io.netjourney.journey;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.KernelCount;
import io.netjourney.capture.RouteDecision;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The journey model a view presents: the {@link JourneyAssembler}'s packets and flows, the {@link Topology} they
 * crossed, and the events that belong to flows without being part of a packet — routing decisions, ARP exchanges,
 * netfilter verdicts. It answers what a view asks ("what changed", "tell me about flow 7") with immutable
 * snapshots. Single-threaded like the assembler: one thread feeds and asks it; the snapshots may go to another.
 * Retention is the assembler's ({@link JourneyConfig}); routing decisions and netfilter verdicts are kept, the
 * latest {@value #MAX_RELATED} of each. Flows are grouped into conversations ({@link ConversationKey}) with running
 * figures ({@link ConversationStatistics}), kept while one of their flows is.
 *
 * <h2>What belongs to a flow ({@link #detail(long)})</h2>
 * <ul>
 *   <li>its retained crossings and drops (a drop at the interface its packet crossed last before it);</li>
 *   <li>routing decisions for its endpoints (to the request's destination from its source, or back), made from
 *       {@value #ROUTE_SLACK_NS} ns before its first retained crossing to as long after its latest, in a namespace
 *       its packets crossed; a lookup with no source yet (a socket's, before it picks its address) only where that
 *       direction's packets start. The same addresses looked up elsewhere are another namespace's business: the
 *       kernel checking an ARP sender's address while it answers, a second lab on the same addresses;</li>
 *   <li>ARP exchanges for one of its endpoints or a gateway one of those routing decisions chose, from
 *       {@value #ARP_LEAD_NS} ns before its first crossing to its latest: a request asking for that address from a
 *       namespace the flow's packets are sent or routed from, and the replies to it (a reply telling someone else
 *       the address of a third party is not the flow's, even when that someone is one of its endpoints). After a
 *       neighbour flush, the first ping's story shows the ARP exchange before the echo;</li>
 *   <li>netfilter verdicts on one of its packets (same addresses and echo id/seq or ports), right after that
 *       packet's crossing in the deciding namespace (they carry no time of their own).</li>
 * </ul>
 */
public final class JourneyModel {
    static final int MAX_RELATED = 5_000;
    static final long ROUTE_SLACK_NS = 1_000_000;
    static final long ARP_LEAD_NS = 1_000_000_000L;
    private static final int ARP_REQUEST = 1;
    private static final int RECENT_PACKETS = 8;
    private static final Comparator<FlowEvent> TIME_ORDER = Comparator.comparingLong(FlowEvent::timestampNs)
            .thenComparing(e -> e.netfilter() != null)
            .thenComparingLong(e -> e.hop().packetId())
            .thenComparingInt(e -> e.hop().ordinal());

    private final JourneyAssembler assembler;
    private final Topology topology = new Topology();
    private final ArrayDeque<TracedHop> routes = new ArrayDeque<>();
    private final ArrayDeque<NetfilterVerdict> netfilter = new ArrayDeque<>();
    private final List<FlowState> changed = new ArrayList<>();
    private final List<Long> removed = new ArrayList<>();
    private final Conversations conversations = new Conversations();
    /** The latest packets crossed, a ring; {@link #recentNext} is where the next goes. */
    private final PacketState[] recent = new PacketState[RECENT_PACKETS];
    private int recentNext;
    /** The selected flow changed since the last detail handed out (one snapshot held it back). */
    private boolean selectedStale;
    private boolean netfilterArrived;
    private long crossings;
    private long firstCrossingNs = Long.MIN_VALUE;

    public JourneyModel() {
        this(JourneyConfig.defaults());
    }

    public JourneyModel(JourneyConfig config) {
        assembler = new JourneyAssembler(config);
        assembler.evictions = this::evicted;
    }

    /** Places an event (see {@link JourneyAssembler#accept}); returns it placed, for sinks that print it. */
    public TracedHop accept(HopEvent event) {
        TracedHop hop = assembler.accept(event);
        if (event instanceof RouteDecision) {
            remember(routes, hop);
            topology.routed(hop);
            return hop;
        }
        PacketState packet = assembler.placed;
        FlowState flow = packet.flow;
        if (!flow.changed) {
            flow.changed = true;
            changed.add(flow);
        }
        if (flow.conversation == null) {
            conversations.join(flow);
        }
        if (hop.ordinal() == 0) {
            conversations.started(packet);
        }
        conversations.touched(flow);
        if (event instanceof Crossing) {
            crossings++;
            if (firstCrossingNs == Long.MIN_VALUE) {
                firstCrossingNs = event.timestampNs();
            }
            topology.crossed(parentCrossing(packet, hop), event);
            int latest = (recentNext + RECENT_PACKETS - 1) % RECENT_PACKETS;
            if (recent[latest] != packet) {
                recent[recentNext] = packet;
                recentNext = (recentNext + 1) % RECENT_PACKETS;
            }
        } else if (event instanceof Drop) {
            HopEvent before = parentCrossing(packet, hop);
            topology.dropped(before != null ? before : event, DropClass.of(event).expected());
        }
        return hop;
    }

    /** The crossing this one follows in its packet's tree, while retained; else null. */
    private static HopEvent parentCrossing(PacketState packet, TracedHop hop) {
        int parent = hop.parent();
        if (parent < 0 || parent >= packet.hops.size()) {
            return null;
        }
        HopEvent from = packet.hops.get(parent).event();
        return from instanceof Crossing ? from : null;
    }

    /** A netfilter verdict from nftables' tracing (live, or from a trace file). */
    public void acceptNetfilter(NetfilterVerdict verdict) {
        remember(netfilter, verdict);
        topology.decided(verdict);
        netfilterArrived = true;
    }

    private static <T> void remember(ArrayDeque<T> kept, T item) {
        kept.addLast(item);
        if (kept.size() > MAX_RELATED) {
            kept.removeFirst();
        }
    }

    private void evicted(FlowState flow) {
        removed.add(flow.id);
        conversations.left(flow);
    }

    public JourneySnapshot.Counters counters() {
        JourneyStats stats = assembler.stats();
        return new JourneySnapshot.Counters(stats.packets(), crossings, stats.flows(), firstCrossingNs);
    }

    public Topology.Snapshot topology() {
        return topology.snapshot();
    }

    /**
     * What changed since the previous snapshot, and the detail of {@code selectedFlowId} (0: none) when
     * {@code detailWanted}, or when that flow changed or netfilter verdicts arrived since.
     */
    public JourneySnapshot snapshot(long selectedFlowId, boolean detailWanted) {
        return snapshot(selectedFlowId, detailWanted, true);
    }

    /**
     * As {@link #snapshot(long, boolean)}, but when {@code detailIfChanged} is false a change of the selected flow
     * does not bring its detail (building it is the costly part of a snapshot under a flood): the next snapshot that
     * allows it does.
     */
    public JourneySnapshot snapshot(long selectedFlowId, boolean detailWanted, boolean detailIfChanged) {
        boolean selectedChanged = netfilterArrived || selectedStale;
        List<FlowView> views = new ArrayList<>(changed.size());
        for (FlowState flow : changed) {
            flow.changed = false;
            if (assembler.flowState(flow.id) == flow) {
                views.add(view(flow));
                selectedChanged |= flow.id == selectedFlowId;
            }
        }
        changed.clear();
        views.sort(Comparator.comparingLong(FlowView::flowId));
        Set<Long> listed = new HashSet<>();
        for (FlowView view : views) {
            listed.add(view.flowId());
        }
        List<Long> gone = new ArrayList<>(removed.size());
        for (Long id : removed) {
            if (!listed.contains(id)) {
                gone.add(id);
            }
        }
        removed.clear();
        netfilterArrived = false;
        boolean withDetail = selectedFlowId > 0 && (detailWanted || selectedChanged && detailIfChanged);
        selectedStale = selectedFlowId > 0 && selectedChanged && !withDetail;
        FlowDetail detail = withDetail ? detail(selectedFlowId) : null;
        Conversations.Changes grouped = conversations.takeChanges();
        return new JourneySnapshot(counters(), views, gone, topology.snapshot(), detail, recentPackets(),
                grouped.changed(), grouped.removed());
    }

    /** Whether the selected flow changed since the last detail handed out (a snapshot held its detail back). */
    public boolean detailHeldBack() {
        return selectedStale;
    }

    private List<JourneySnapshot.RecentPacket> recentPackets() {
        List<JourneySnapshot.RecentPacket> result = new ArrayList<>(RECENT_PACKETS);
        for (int i = 0; i < RECENT_PACKETS; i++) {
            PacketState packet = recent[(recentNext + i) % RECENT_PACKETS];
            if (packet == null || assembler.flowState(packet.flow.id) != packet.flow) {
                continue;
            }
            List<FlowReport.Place> path = new ArrayList<>();
            for (TracedHop hop : FlowPaths.deepestBranch(packet.snapshot())) {
                path.add(FlowPaths.placeOf(hop));
            }
            result.add(new JourneySnapshot.RecentPacket(packet.id, path, packet.direction == PacketDirection.REPLY));
        }
        Arrays.fill(recent, null);
        return result;
    }

    private FlowView view(FlowState flow) {
        int requestHops = 0;
        for (PacketState packet : flow.packets) {
            if (packet.direction != PacketDirection.REQUEST) {
                continue;
            }
            for (TracedHop hop : packet.hops) {
                if (hop.event() instanceof Crossing) {
                    requestHops = Math.max(requestHops, hop.hopIndex() + 1);
                }
            }
        }
        FlowSummary summary = flow.summary();
        return new FlowView(summary, requestHops, flow.first, firstIsReply(summary, flow.first),
                flow.conversation.id);
    }

    /** Whether a flow's first crossing was of a reply: its source is not the flow's client. */
    static boolean firstIsReply(FlowSummary summary, HopEvent first) {
        return summary.client().address() != null && !summary.client().address().equals(first.source());
    }

    /**
     * What the kernel counted so far ({@link KernelCount}s of a live capture): the conversations' packets seen and
     * the interfaces' crossings and drops are from now on these exact counts, also while the kernel sends only some
     * packets.
     */
    public void kernelCounts(List<KernelCount> counts) {
        Map<ConversationKey, Long> packets = new HashMap<>();
        for (CountedFlows.Flow flow : CountedFlows.of(counts)) {
            HopEvent first = flow.directions().get(0).places().get(0).at();
            packets.merge(ConversationKey.of(flow.key(), first), flow.packets(), Long::sum);
        }
        conversations.counted(packets);
        Map<Long, Topology.Counts> atInterfaces = new HashMap<>();
        for (KernelCount count : counts) {
            long key = Topology.keyOf(count.at().netnsInode(), count.at().ifindex());
            boolean expected = count.drops() && DropClass.of(count.at()).expected();
            Topology.Counts one = new Topology.Counts(count.drops() ? 0 : count.packets(),
                    count.drops() && !expected ? count.packets() : 0, expected ? count.packets() : 0);
            atInterfaces.merge(key, one, (a, b) -> new Topology.Counts(a.crossings() + b.crossings(),
                    a.drops() + b.drops(), a.expectedDrops() + b.expectedDrops()));
        }
        topology.kernelCounted(atInterfaces);
    }

    /** Every retained conversation as it stands, in id order. */
    public List<ConversationView> conversations() {
        return conversations.all();
    }

    /** The view of a retained flow, or null. */
    public FlowView flow(long flowId) {
        FlowState flow = assembler.flowState(flowId);
        return flow == null ? null : view(flow);
    }

    /** All that is known of a retained flow (see the class comment for what belongs to it), or null. */
    public FlowDetail detail(long flowId) {
        FlowState flow = assembler.flowState(flowId);
        if (flow == null) {
            return null;
        }
        List<PacketJourney> packets = assembler.packets(flowId);
        FlowPaths.Direction request = FlowPaths.of(packets, PacketDirection.REQUEST);
        FlowPaths.Direction reply = FlowPaths.of(packets, PacketDirection.REPLY);
        List<FlowEvent> events = new ArrayList<>();
        long first = Long.MAX_VALUE;
        for (PacketJourney packet : packets) {
            for (TracedHop hop : packet.hops()) {
                if (hop.event() instanceof Crossing) {
                    first = Math.min(first, hop.event().timestampNs());
                    events.add(new FlowEvent(hop, FlowPaths.placeOf(hop)));
                } else {
                    events.add(new FlowEvent(hop, placeBefore(packet, hop)));
                }
            }
        }
        HopEvent sample = request.path().isEmpty() ? null : request.path().get(0).event();
        if (sample != null) {
            Reach reach = Reach.of(packets);
            List<FlowEvent> routed = routesFor(flow, sample, first, reach);
            events.addAll(routed);
            if (!sample.isArp()) {
                events.addAll(arpFor(flow, sample, routed, first, reach));
            }
        }
        addNetfilter(flow, events);
        events.sort(TIME_ORDER);
        // times count from the flow's first event, a routing decision or ARP before its first crossing included
        long start = events.isEmpty() ? flow.firstSeenNs : Math.min(events.get(0).timestampNs(), first);
        return new FlowDetail(view(flow), request, reply, events, start, droppedAt(flow, packets, request));
    }

    /** Where a packet's drop happened: the crossing it followed, else the crossing retained just before it. */
    private static FlowReport.Place placeBefore(PacketJourney packet, TracedHop drop) {
        TracedHop before = null;
        for (TracedHop hop : packet.hops()) {
            if (hop.ordinal() == drop.parent() && hop.event() instanceof Crossing) {
                return FlowPaths.placeOf(hop);
            }
            if (hop.ordinal() < drop.ordinal() && hop.event() instanceof Crossing) {
                before = hop;
            }
        }
        return before == null ? FlowPaths.placeOf(drop) : FlowPaths.placeOf(before);
    }

    /** Where the flow's latest lost request died while the flow is dropped, else where the drawn request did. */
    private static FlowReport.Place droppedAt(FlowState flow, List<PacketJourney> packets,
            FlowPaths.Direction request) {
        PacketJourney lost = request.reference() != null && request.reference().lost() ? request.reference() : null;
        if (flow.status() == FlowStatus.DROPPED) {
            for (PacketJourney packet : packets) {
                if (packet.packetId() == flow.lastLostRequestId) {
                    lost = packet;
                }
            }
        }
        if (lost == null) {
            return null;
        }
        TracedHop drop = null;
        for (TracedHop hop : lost.hops()) {
            if (hop.event() instanceof Drop && !DropClass.of(hop.event()).expected()) {
                drop = hop;
            }
        }
        return drop == null ? null : placeBefore(lost, drop);
    }

    /**
     * Where a flow's retained packets were: every namespace they crossed, and per direction the namespaces its
     * packets started in (were sent from).
     */
    private record Reach(Set<Long> crossed, Set<Long> requestOrigins, Set<Long> replyOrigins) {
        static Reach of(List<PacketJourney> packets) {
            Reach reach = new Reach(new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (PacketJourney packet : packets) {
                boolean first = true;
                for (TracedHop hop : packet.hops()) {
                    if (hop.event() instanceof Crossing) {
                        reach.crossed.add(hop.event().netnsInode());
                        if (first) {
                            reach.origins(packet.direction()).add(hop.event().netnsInode());
                            first = false;
                        }
                    }
                }
            }
            return reach;
        }

        Set<Long> origins(PacketDirection direction) {
            return direction == PacketDirection.REQUEST ? requestOrigins : replyOrigins;
        }
    }

    private List<FlowEvent> routesFor(FlowState flow, HopEvent request, long first, Reach reach) {
        List<FlowEvent> result = new ArrayList<>();
        for (TracedHop route : routes) {
            HopEvent r = route.event();
            if (r.timestampNs() < first - ROUTE_SLACK_NS || r.timestampNs() > flow.lastSeenNs + ROUTE_SLACK_NS) {
                continue;
            }
            PacketDirection direction = routeDirection(r, request);
            if (direction != null && (anySource(r) ? reach.origins(direction) : reach.crossed())
                    .contains(r.netnsInode())) {
                result.add(new FlowEvent(new TracedHop(r, 0, flow.id, direction, -1, -1),
                        new FlowReport.Place(r.netnsInode(), r.ifindex(), r.ifname())));
            }
        }
        return result;
    }

    /** Whether a lookup was for the request's destination (from its source or a source not yet chosen) or back. */
    private static PacketDirection routeDirection(HopEvent route, HopEvent request) {
        if (request.source() == null || request.destination() == null || route.destination() == null) {
            return null;
        }
        boolean anySource = anySource(route);
        if (route.destination().equals(request.destination())
                && (anySource || route.source().equals(request.source()))) {
            return PacketDirection.REQUEST;
        }
        if (route.destination().equals(request.source())
                && (anySource || route.source().equals(request.destination()))) {
            return PacketDirection.REPLY;
        }
        return null;
    }

    /** An ARP packet's exchange: the address asked for and who asked, from the request or from a reply to it. */
    private static List<InetAddress> exchange(HopEvent arp) {
        return arp.arpOp() == ARP_REQUEST ? Arrays.asList(arp.destination(), arp.source())
                : Arrays.asList(arp.source(), arp.destination());
    }

    /** A lookup made before its source address was chosen (0.0.0.0 or ::). */
    private static boolean anySource(HopEvent route) {
        return route.source() == null || route.source().isAnyLocalAddress();
    }

    private List<FlowEvent> arpFor(FlowState flow, HopEvent request, List<FlowEvent> routed, long first,
            Reach reach) {
        Set<InetAddress> wanted = new HashSet<>();
        wanted.add(request.source());
        wanted.add(request.destination());
        Set<Long> senders = new HashSet<>(reach.requestOrigins());
        senders.addAll(reach.replyOrigins());
        for (FlowEvent route : routed) {
            senders.add(route.hop().event().netnsInode());
            if (route.hop().event() instanceof RouteDecision decision && decision.gateway() != null) {
                wanted.add(decision.gateway());
            }
        }
        List<FlowEvent> result = new ArrayList<>();
        for (FlowState arp : assembler.flowStates()) {
            if (arp == flow || arp.key.flowProtocol() != FlowProtocol.ARP) {
                continue;
            }
            // an exchange is a request ("who has T? tell A") and the replies to it ("T is at ...", sent to A)
            Set<List<InetAddress>> asked = new HashSet<>();
            for (PacketState packet : arp.packets) {
                HopEvent ask = packet.hops.isEmpty() ? null : packet.hops.get(0).event();
                if (ask != null && ask.arpOp() == ARP_REQUEST && wanted.contains(ask.destination())
                        && senders.contains(ask.netnsInode())) {
                    asked.add(exchange(ask));
                }
            }
            for (PacketState packet : arp.packets) {
                if (packet.hops.isEmpty() || !asked.contains(exchange(packet.hops.get(0).event()))) {
                    continue;
                }
                for (TracedHop hop : packet.hops) {
                    HopEvent e = hop.event();
                    long ts = e.timestampNs();
                    if (e instanceof Crossing && ts >= first - ARP_LEAD_NS && ts <= flow.lastSeenNs) {
                        result.add(new FlowEvent(hop.direction() == packet.direction ? hop
                                : hop.withDirection(packet.direction), FlowPaths.placeOf(hop)));
                    }
                }
            }
        }
        return result;
    }

    /** Each verdict goes right after the first crossing, in the deciding namespace, of the packet it names. */
    private void addNetfilter(FlowState flow, List<FlowEvent> events) {
        int crossingsListed = events.size();
        for (NetfilterVerdict v : netfilter) {
            // the verdict's packet is a crossing of the deciding namespace (see NetfilterVerdict#packet)
            Crossing p = v.packet();
            for (int i = 0; p != null && i < crossingsListed; i++) {
                FlowEvent row = events.get(i);
                HopEvent e = row.hop().event();
                if (e instanceof Crossing && e.netnsInode() == v.netnsInode() && samePacket(e, p)) {
                    events.add(new FlowEvent(new TracedHop(p, 0, flow.id, row.hop().direction(), -1, -1),
                            row.place(), row.timestampNs(), v));
                    break;
                }
            }
        }
    }

    private static boolean samePacket(HopEvent crossing, HopEvent packet) {
        if (crossing.source() == null || crossing.destination() == null
                || !crossing.source().equals(packet.source()) || !crossing.destination().equals(packet.destination())) {
            return false;
        }
        if (crossing.isEcho()) {
            return crossing.icmpId() == packet.icmpId() && crossing.icmpSeq() == packet.icmpSeq();
        }
        return crossing.sourcePort() == packet.sourcePort() && crossing.destinationPort() == packet.destinationPort();
    }
}
