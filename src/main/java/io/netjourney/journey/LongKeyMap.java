package io.netjourney.journey;

import java.util.Objects;

/**
 * A hash map from primitive {@code long} keys to objects: open addressing with linear probing in two parallel
 * arrays, so a lookup neither boxes the key nor follows a node. Removal shifts the entries after the removed one
 * back (no tombstones), so the table stays short however long it runs; it grows at half full and never shrinks.
 * Values are never null: {@link #get} answers null for a missing key. Not thread-safe.
 */
final class LongKeyMap<V> {
    private static final int MIN_CAPACITY = 16;
    /** Fibonacci hashing: multiplying by 2^64 / golden ratio spreads keys that differ only in some bits. */
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    private long[] keys;
    /** null marks a free slot. */
    private Object[] values;
    private int size;
    private int shift;

    LongKeyMap() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = values.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object value = values[i];
            if (value == null || keys[i] == key) {
                return (V) value;
            }
        }
    }

    /** Maps {@code key} to {@code value}; returns the value it replaced, or null. */
    @SuppressWarnings("unchecked")
    V put(long key, V value) {
        Objects.requireNonNull(value, "value");
        int mask = values.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object old = values[i];
            if (old == null) {
                keys[i] = key;
                values[i] = value;
                if (++size > values.length / 2) {
                    grow();
                }
                return null;
            }
            if (keys[i] == key) {
                values[i] = value;
                return (V) old;
            }
        }
    }

    /** Removes {@code key} if it maps to this very {@code value}; returns whether it did. */
    boolean remove(long key, V value) {
        int mask = values.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object current = values[i];
            if (current == null) {
                return false;
            }
            if (keys[i] == key) {
                if (current != value) {
                    return false;
                }
                removeAt(i);
                return true;
            }
        }
    }

    /** Empties slot {@code i} and moves back each following entry of the run whose home is at or before it. */
    private void removeAt(int i) {
        int mask = values.length - 1;
        int gap = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        values[gap] = null;
        size--;
    }

    private int slot(long key) {
        return (int) ((key * SPREAD) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldValues.length * 2);
        int mask = values.length - 1;
        for (int j = 0; j < oldValues.length; j++) {
            if (oldValues[j] != null) {
                int i = slot(oldKeys[j]);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        shift = Long.numberOfLeadingZeros(capacity - 1);
    }
}
