package io.netjourney.collect;

import java.util.Objects;

/**
 * A hash map from primitive {@code long} keys to objects, on a {@link ProbeTable}: a lookup neither boxes the key nor
 * follows a node. Values are never null: {@link #get} answers null for a missing key. A tagged map keeps a word per
 * entry beside the value ({@link #put(long, Object, long)}, {@link #tagAt}), read without reading the value. Not
 * thread-safe.
 */
public final class LongKeyMap<V> extends ProbeTable {

    public LongKeyMap() {
        this(false);
    }

    public LongKeyMap(boolean tagged) {
        super(tagged);
    }

    public V get(long key) {
        int i = find(key);
        return i < 0 ? null : valueAt(i);
    }

    /** The slot of {@code key}, for {@link #valueAt} and {@link #tagAt} (valid until the map changes), or -1. */
    public int find(long key) {
        for (int i = slot(key); ; i = next(i)) {
            if (values[i] == null) {
                return -1;
            }
            if (keys[i] == key) {
                return i;
            }
        }
    }

    @SuppressWarnings("unchecked")
    public V valueAt(int slot) {
        return (V) values[slot];
    }

    /** The tag of the entry in {@code slot} of a tagged map. */
    public long tagAt(int slot) {
        return tags[slot];
    }

    public void setTagAt(int slot, long tag) {
        tags[slot] = tag;
    }

    /** Maps {@code key} to {@code value}; returns the value it replaced, or null. */
    public V put(long key, V value) {
        return put(key, value, 0);
    }

    /** Maps {@code key} to {@code value} with {@code tag} (kept by a tagged map); returns the value replaced, or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value, long tag) {
        Objects.requireNonNull(value, "value");
        for (int i = slot(key); ; i = next(i)) {
            Object old = values[i];
            if (old == null) {
                if (tags != null) {
                    insertAt(i, key, value, tag);
                } else {
                    insertAt(i, key, value);
                }
                return null;
            }
            if (keys[i] == key) {
                values[i] = value;
                if (tags != null) {
                    tags[i] = tag;
                }
                return (V) old;
            }
        }
    }

    /** Removes {@code key} if it maps to this very {@code value}; returns whether it did. */
    public boolean remove(long key, V value) {
        int i = find(key);
        if (i < 0 || values[i] != value) {
            return false;
        }
        removeAt(i);
        return true;
    }
}
