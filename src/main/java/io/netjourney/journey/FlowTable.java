package io.netjourney.journey;

import io.netjourney.collect.ProbeTable;

/**
 * The assembler's flows by key: each flow under the key it was made with and under its NAT aliases (translated
 * tuples), on a {@link ProbeTable} keyed by a hash of the key's fields. A lookup by a crossing's content
 * ({@link #get(ContentKey)}) orders the content's endpoints as {@link FlowKey#of} would and compares them field by
 * field, so finding the flow of a new packet makes no {@link FlowKey}; one is made only for a flow or alias that is
 * stored. Each entry also says whether its key orders the endpoints the other way than its flow's first key (a
 * swapped alias). Keys whose hashes are equal share a run; at most one entry per key. Not thread-safe.
 */
final class FlowTable extends ProbeTable {

    /** A key, the flow it leads to, and whether it is a translated tuple whose endpoints the flow sees reversed. */
    record Entry(FlowKey key, FlowState flow, boolean swapped) {
    }

    /** The entry of the flow key that {@link FlowKey#of} would make of {@code c}, or null. */
    Entry get(ContentKey c) {
        int echoId = c.echo ? c.icmpId : -1;
        boolean low = c.sourceIsLow();
        long lowHigh = low ? c.srcHigh : c.dstHigh;
        long lowLow = low ? c.srcLow : c.dstLow;
        int lowPort = low ? c.srcPort : c.dstPort;
        long highHigh = low ? c.dstHigh : c.srcHigh;
        long highLow = low ? c.dstLow : c.srcLow;
        int highPort = low ? c.dstPort : c.srcPort;
        long hash = hash(c.ethertype, c.protocol, lowHigh, lowLow, lowPort, highHigh, highLow, highPort, echoId);
        for (int i = slot(hash); values[i] != null; i = next(i)) {
            Entry e = (Entry) values[i];
            FlowKey k = e.key;
            if (keys[i] == hash && k.lowLow() == lowLow && k.highLow() == highLow && k.lowPort() == lowPort
                    && k.highPort() == highPort && k.lowHigh() == lowHigh && k.highHigh() == highHigh
                    && k.echoId() == echoId && k.protocol() == c.protocol && k.ethertype() == c.ethertype) {
                return e;
            }
        }
        return null;
    }

    /** The flow under {@code key}, or null. */
    FlowState get(FlowKey key) {
        Entry e = entry(key);
        return e == null ? null : e.flow;
    }

    boolean containsKey(FlowKey key) {
        return entry(key) != null;
    }

    /** Stores {@code flow} under {@code key}, which must not be stored yet. */
    void add(FlowKey key, FlowState flow, boolean swapped) {
        long hash = hash(key);
        int i = slot(hash);
        while (values[i] != null) {
            i = next(i);
        }
        insertAt(i, hash, new Entry(key, flow, swapped));
    }

    /** Removes {@code key} if it leads to {@code flow} (any flow when {@code flow} is null); returns whether it did. */
    boolean remove(FlowKey key, FlowState flow) {
        long hash = hash(key);
        for (int i = slot(hash); values[i] != null; i = next(i)) {
            Entry e = (Entry) values[i];
            if (keys[i] == hash && e.key.equals(key)) {
                if (flow != null && e.flow != flow) {
                    return false;
                }
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    private Entry entry(FlowKey key) {
        long hash = hash(key);
        for (int i = slot(hash); values[i] != null; i = next(i)) {
            Entry e = (Entry) values[i];
            if (keys[i] == hash && e.key.equals(key)) {
                return e;
            }
        }
        return null;
    }

    private static long hash(FlowKey k) {
        return hash(k.ethertype(), k.protocol(), k.lowHigh(), k.lowLow(), k.lowPort(), k.highHigh(), k.highLow(),
                k.highPort(), k.echoId());
    }

    private static long hash(int ethertype, int protocol, long lowHigh, long lowLow, int lowPort, long highHigh,
                             long highLow, int highPort, int echoId) {
        long h = lowLow * 0x9E3779B97F4A7C15L + highLow;
        h = h * 0xC2B2AE3D27D4EB4FL + lowHigh;
        h = h * 0x9E3779B97F4A7C15L + highHigh;
        h = h * 0xC2B2AE3D27D4EB4FL + (((long) lowPort << 48) ^ ((long) highPort << 32) ^ Integer.toUnsignedLong(echoId));
        h = h * 0x9E3779B97F4A7C15L + (((long) ethertype << 32) ^ protocol);
        return h ^ (h >>> 29);
    }
}
