package io.netjourney.collect;

import java.util.Arrays;

/**
 * The slots of an open-addressing hash table from {@code long} keys to objects: linear probing in two parallel
 * arrays, so a probe neither boxes the key nor follows a node. Removal shifts the entries after the removed one back
 * (no tombstones), so the table stays short however long it runs; it grows at half full and never shrinks. A null
 * value marks a free slot. What a key means, and whether two entries may share one, is the subclass's. A tagged
 * table keeps a third word per entry, {@link #tags}, moved with it: what the subclass may tell of a value without
 * reading it.
 */
public abstract class ProbeTable {
    private static final int MIN_CAPACITY = 16;
    /** Fibonacci hashing: multiplying by 2^64 / golden ratio spreads keys that differ only in some bits. */
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    private final boolean tagged;
    protected long[] keys;
    protected Object[] values;
    /** A word per entry for the subclass, in tagged tables; else null. */
    protected long[] tags;
    private int size;
    private int shift;

    protected ProbeTable() {
        this(false);
    }

    protected ProbeTable(boolean tagged) {
        this.tagged = tagged;
        allocate(MIN_CAPACITY);
    }

    public final int size() {
        return size;
    }

    /** Where the probe for {@code key} starts. */
    protected final int slot(long key) {
        return (int) ((key * SPREAD) >>> shift);
    }

    /** The slot after {@code i}, wrapping around. */
    protected final int next(int i) {
        return (i + 1) & (values.length - 1);
    }

    /** Fills the free slot {@code i} (one a probe for {@code key} ended at). */
    protected final void insertAt(int i, long key, Object value) {
        keys[i] = key;
        values[i] = value;
        if (++size > values.length / 2) {
            grow();
        }
    }

    /** Fills the free slot {@code i} of a tagged table, with the entry's tag. */
    protected final void insertAt(int i, long key, Object value, long tag) {
        tags[i] = tag;
        insertAt(i, key, value);
    }

    /** Empties slot {@code i} and moves back each following entry of the run whose home is at or before it. */
    protected final void removeAt(int i) {
        int mask = values.length - 1;
        int gap = i;
        for (int j = next(i); values[j] != null; j = next(j)) {
            int home = slot(keys[j]);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                if (tagged) {
                    tags[gap] = tags[j];
                }
                gap = j;
            }
        }
        values[gap] = null;
        size--;
    }

    /** Empties the table, keeping its capacity. */
    public final void clear() {
        if (size > 0) {
            Arrays.fill(values, null);
            size = 0;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        long[] oldTags = tags;
        allocate(oldValues.length * 2);
        for (int j = 0; j < oldValues.length; j++) {
            if (oldValues[j] != null) {
                int i = slot(oldKeys[j]);
                while (values[i] != null) {
                    i = next(i);
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                if (tagged) {
                    tags[i] = oldTags[j];
                }
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        tags = tagged ? new long[capacity] : null;
        shift = Long.numberOfLeadingZeros(capacity - 1);
    }
}
