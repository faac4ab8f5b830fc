package io.netjourney.journey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's flows grouped into conversations ({@link ConversationKey}: both ends and the protocol), with running
 * figures per conversation ({@link ConversationStatistics}). A conversation lives while one of its flows is retained,
 * so there are never more conversations than flows (retention is the assembler's, {@link JourneyConfig}).
 *
 * <p>A packet counts for good once it settled: when it had no crossing for {@value #SETTLE_NS} ns by the time
 * the conversation's next packet starts, or when more than {@value #MAX_PENDING} newer packets of the conversation
 * started (under a flood). A packet evicted by the assembler before then still counts: its state is kept here
 * until it settles. Not thread-safe; {@link JourneyModel} drives it.
 */
final class Conversations {
    static final long SETTLE_NS = 200_000_000L;
    static final int MAX_PENDING = 64;

    private final Map<ConversationKey, ConversationState> byKey = new HashMap<>();
    private final List<ConversationState> changed = new ArrayList<>();
    private final List<Long> removed = new ArrayList<>();
    private long nextId = 1;

    /** A new flow joins its conversation (made for it when there is none). */
    void join(FlowState flow) {
        ConversationKey key = ConversationKey.of(flow.key, flow.first);
        ConversationState conversation = byKey.get(key);
        if (conversation == null) {
            conversation = new ConversationState(nextId++, key);
            byKey.put(key, conversation);
        }
        conversation.flows.add(flow);
        conversation.flowsSeen++;
        flow.conversation = conversation;
        touched(flow);
    }

    /** A packet's first crossing (or drop) was placed; older packets of its conversation may settle. */
    void started(PacketState packet) {
        ConversationState conversation = packet.flow.conversation;
        conversation.packets++;
        conversation.pending.addLast(packet);
        long settledBefore = packet.firstSeenNs - SETTLE_NS;
        while (conversation.pending.size() > MAX_PENDING
                || conversation.pending.peekFirst().lastSeenNs < settledBefore) {
            conversation.settle(conversation.pending.pollFirst());
        }
    }

    /** Something of the flow changed: its conversation goes into the next snapshot. */
    void touched(FlowState flow) {
        ConversationState conversation = flow.conversation;
        if (!conversation.changed) {
            conversation.changed = true;
            changed.add(conversation);
        }
    }

    /**
     * The kernel's counts of every packet so far, per conversation (see {@link CountedFlows}): a conversation whose
     * count changed goes into the next snapshot. Conversations the model has not seen a packet of yet are left out.
     */
    void counted(Map<ConversationKey, Long> packets) {
        packets.forEach((key, count) -> {
            ConversationState conversation = byKey.get(key);
            if (conversation != null && conversation.counted != count) {
                conversation.counted = count;
                if (!conversation.changed) {
                    conversation.changed = true;
                    changed.add(conversation);
                }
            }
        });
    }

    /** The flow was evicted; a conversation left without flows goes too. */
    void left(FlowState flow) {
        ConversationState conversation = flow.conversation;
        if (conversation == null) {
            return;
        }
        conversation.flows.remove(flow);
        if (conversation.flows.isEmpty()) {
            byKey.remove(conversation.key);
            removed.add(conversation.id);
        } else {
            touched(flow);
        }
    }

    /** The conversations changed since the previous call, in id order; and those removed since (never in both). */
    Changes takeChanges() {
        List<ConversationView> views = new ArrayList<>(changed.size());
        for (ConversationState conversation : changed) {
            conversation.changed = false;
            if (byKey.get(conversation.key) == conversation) {
                views.add(view(conversation));
            }
        }
        changed.clear();
        views.sort(Comparator.comparingLong(ConversationView::conversationId));
        List<Long> gone = List.copyOf(removed);
        removed.clear();
        return new Changes(views, gone);
    }

    record Changes(List<ConversationView> changed, List<Long> removed) {
    }

    /** Every conversation, in id order. */
    List<ConversationView> all() {
        List<ConversationView> views = new ArrayList<>(byKey.size());
        for (ConversationState conversation : byKey.values()) {
            views.add(view(conversation));
        }
        views.sort(Comparator.comparingLong(ConversationView::conversationId));
        return views;
    }

    private static ConversationView view(ConversationState conversation) {
        FlowState latest = null;
        for (FlowState flow : conversation.flows) {
            if (latest == null || flow.lastSeenNs > latest.lastSeenNs
                    || flow.lastSeenNs == latest.lastSeenNs && flow.id > latest.id) {
                latest = flow;
            }
        }
        FlowSummary summary = latest.summary();
        return new ConversationView(conversation.id, conversation.key, ProtocolNames.of(latest.key), latest.first,
                JourneyModel.firstIsReply(summary, latest.first), conversation.flows.size(), conversation.flowsSeen,
                conversation.packets, latest.id, summary.status(), latest.lastSeenNs, conversation.statistics(),
                conversation.counted);
    }
}
