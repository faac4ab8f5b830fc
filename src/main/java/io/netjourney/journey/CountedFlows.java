package io.netjourney.journey;

import io.netjourney.capture.Drop;
import io.netjourney.capture.KernelCount;
import io.netjourney.capture.PacketEvent;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kernel's exact counts of every matching packet (while it counts: {@code trace --sample}, a sampling window),
 * grouped as the journey model groups packets: per flow (both directions under one {@link FlowKey}), per direction
 * (the one first seen first), the places its packets were counted at in path order — by the time from a packet's
 * first crossing to the place — and the drops last.
 */
public final class CountedFlows {
    private CountedFlows() {
    }

    /**
     * One place of one direction.
     *
     * @param at         the place (device, hook) and the headers, as an event: a drop carries its reason
     * @param sinceFirst the time from each packet's first crossing to this place
     */
    public record Place(PacketEvent at, long packets, long bytes, LatencyHistogram sinceFirst) {
        public boolean drop() {
            return at instanceof Drop;
        }
    }

    /** One direction of a flow: from {@code source} to {@code destination}, its places in path order. */
    public record Direction(InetAddress source, InetAddress destination, List<Place> places) {
        /** Packets seen at the place that saw most: each packet's first crossing is counted, once. */
        public long packets() {
            return places.stream().filter(p -> !p.drop()).mapToLong(Place::packets).max().orElse(0);
        }

        public long drops() {
            return places.stream().filter(Place::drop).mapToLong(Place::packets).sum();
        }

    }

    /** A flow with its directions, the first seen first. */
    public record Flow(FlowKey key, List<Direction> directions) {
        public long packets() {
            return directions.stream().mapToLong(Direction::packets).sum();
        }
    }

    /** The counts grouped, the flow with most packets first. */
    public static List<Flow> of(List<KernelCount> counts) {
        AddressBits bits = new AddressBits(16);
        Map<FlowKey, Map<List<InetAddress>, List<KernelCount>>> byFlow = new LinkedHashMap<>();
        for (KernelCount count : counts) {
            PacketEvent at = count.at();
            FlowKey key = FlowKey.of(new ContentKey().set(at, bits));
            List<InetAddress> way = Arrays.asList(at.source(), at.destination()); // null for a non-IP frame
            byFlow.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(way, w -> new ArrayList<>())
                    .add(count);
        }
        List<Flow> flows = new ArrayList<>();
        byFlow.forEach((key, ways) -> {
            // each direction with the time its first packet was counted: the one seen first goes first
            List<Map.Entry<Long, Direction>> directions = new ArrayList<>();
            ways.forEach((way, places) -> {
                places.sort(PATH_ORDER);
                long firstNs = places.stream().mapToLong(KernelCount::firstNs).min().orElse(0);
                directions.add(Map.entry(firstNs, new Direction(way.get(0), way.get(1),
                        places.stream().map(CountedFlows::place).toList())));
            });
            directions.sort(Map.Entry.comparingByKey());
            flows.add(new Flow(key, directions.stream().map(Map.Entry::getValue).toList()));
        });
        flows.sort(Comparator.comparingLong(Flow::packets).reversed());
        return flows;
    }

    private static Place place(KernelCount c) {
        return new Place(c.at(), c.packets(), c.bytes(), new LatencyHistogram(c.sinceFirst()));
    }

    /**
     * Crossings by the median time since the packet's first crossing; within one bucket of it by when the place first
     * counted a packet (the first packet's own path order); drops last.
     */
    private static final Comparator<KernelCount> PATH_ORDER = Comparator
            .comparing(KernelCount::drops)
            .thenComparingLong(c -> new LatencyHistogram(c.sinceFirst()).quantileNs(0.5))
            .thenComparingLong(KernelCount::firstNs)
            .thenComparing(c -> Objects.toString(c.at().device().ifname()));
}
