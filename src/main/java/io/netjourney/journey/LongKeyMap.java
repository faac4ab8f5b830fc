package io.netjourney.journey;

import java.util.Objects;

/**
 * A hash map from primitive {@code long} keys to objects, on a {@link ProbeTable}: a lookup neither boxes the key nor
 * follows a node. Values are never null: {@link #get} answers null for a missing key. Not thread-safe.
 */
final class LongKeyMap<V> extends ProbeTable {

    @SuppressWarnings("unchecked")
    V get(long key) {
        for (int i = slot(key); ; i = next(i)) {
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
        for (int i = slot(key); ; i = next(i)) {
            Object old = values[i];
            if (old == null) {
                insertAt(i, key, value);
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
        for (int i = slot(key); ; i = next(i)) {
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
}
