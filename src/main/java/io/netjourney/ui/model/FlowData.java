package io.netjourney.ui.model;

import io.netjourney.journey.PacketDirection;
import java.util.Iterator;
import java.util.LinkedHashMap;

/** The view model's record of one flow: its row, retained packets and the packets that stand for its paths. */
final class FlowData {
    final long id;
    final FlowRow row;
    /** Retained packets by id, least recently active first (access order). */
    final LinkedHashMap<Long, PacketData> packets = new LinkedHashMap<>(8, 0.75f, true);
    /** Per direction (by ordinal) the packet shown as the path: the latest of the longest. */
    private final PacketData[] paths = new PacketData[2];
    private boolean pathsStale;
    long maxPacketId;
    long packetsSeen;
    /** The latest request that expects an answer, and the latest reply (ids grow in first-seen order). */
    long lastRequestId;
    long lastReplyId;
    /** The latest request packet that was dropped (0: none). */
    long lastDroppedRequestId;
    long lastSeenNs;
    /** The flow's first crossing: hop table offsets count from it, so they stay put as packets are evicted. */
    long firstSeenNs = Long.MAX_VALUE;
    /** Touched in the current batch; its row is in the list; evicted from the model. */
    boolean dirty;
    boolean listed;
    boolean evicted;

    FlowData(long id, FlowRow row) {
        this.id = id;
        this.row = row;
    }

    /** Adds a new packet; beyond {@code max} retained packets the least recently active one goes. */
    void addPacket(PacketData packet, int max) {
        packets.put(packet.id, packet);
        maxPacketId = packet.id;
        packetsSeen++;
        if (packets.size() > max) {
            Iterator<PacketData> eldest = packets.values().iterator();
            PacketData gone = eldest.next();
            eldest.remove();
            if (gone == paths[gone.direction.ordinal()]) {
                pathsStale = true;
            }
        }
    }

    /** A packet grew (or changed direction): it may now stand for its direction's path. */
    void grew(PacketData packet) {
        int d = packet.direction.ordinal();
        if (!pathsStale && isBetterPath(packet, paths[d])) {
            paths[d] = packet;
        }
    }

    /** The packet a direction's path is drawn from, or null if none is retained. */
    PacketData path(PacketDirection direction) {
        if (pathsStale) {
            recomputePaths();
        }
        return paths[direction.ordinal()];
    }

    void directionChanged() {
        pathsStale = true;
    }

    /**
     * A packet of this flow was judged lost or not (see {@link PacketData#judge()}): keeps the latest request lost
     * for real; only when that one turns out not lost are the retained packets looked through again.
     */
    void judged(PacketData packet) {
        if (packet.direction != PacketDirection.REQUEST) {
            return;
        }
        if (packet.lost) {
            lastDroppedRequestId = Math.max(lastDroppedRequestId, packet.id);
        } else if (packet.id == lastDroppedRequestId) {
            long latest = 0;
            for (PacketData retained : packets.values()) {
                if (retained.lost && retained.direction == PacketDirection.REQUEST) {
                    latest = Math.max(latest, retained.id);
                }
            }
            lastDroppedRequestId = latest;
        }
    }

    FlowStatus status() {
        if (lastDroppedRequestId != 0 && lastDroppedRequestId >= lastRequestId) {
            return FlowStatus.DROPPED;
        }
        return lastRequestId > lastReplyId ? FlowStatus.INCOMPLETE : FlowStatus.OK;
    }

    /** Pushes the batch's changes to the row: one property update per column at most. */
    void publish() {
        PacketData request = path(PacketDirection.REQUEST);
        row.update(packetsSeen, request == null ? 0 : request.size(), lastSeenNs, status());
    }

    private void recomputePaths() {
        paths[0] = null;
        paths[1] = null;
        for (PacketData packet : packets.values()) {
            int d = packet.direction.ordinal();
            if (isBetterPath(packet, paths[d])) {
                paths[d] = packet;
            }
        }
        pathsStale = false;
    }

    /** More crossings wins; on a tie the later packet. */
    private static boolean isBetterPath(PacketData candidate, PacketData current) {
        return current == null || candidate.size() > current.size()
                || candidate.size() == current.size() && candidate.id >= current.id;
    }
}
