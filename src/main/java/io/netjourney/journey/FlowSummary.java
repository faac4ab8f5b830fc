package io.netjourney.journey;

/**
 * A snapshot of one flow.
 *
 * @param client           the request side's source (for TCP the side that sent the SYN, where seen)
 * @param server           the request side's destination
 * @param packets          packets seen in the flow (also those no longer retained)
 * @param crossings        crossings seen in the flow
 * @param retainedPackets  packets still held (see {@link JourneyAssembler#packets(long)})
 * @param firstSeenNs      timestamp of the flow's first crossing (kernel monotonic ns)
 * @param lastSeenNs       timestamp of its latest crossing
 * @param status           ok, incomplete or dropped (see {@link FlowStatus})
 */
public record FlowSummary(long flowId, FlowKey key, FlowProtocol protocol, Endpoint client, Endpoint server,
                          long packets, long crossings, int retainedPackets, long firstSeenNs, long lastSeenNs,
                          FlowStatus status) {
}
