package io.netjourney.journey;

import io.netjourney.collect.ProbeTable;

/**
 * One generation of the {@link ContentIndex}: each entry is a packet under the hash of its own
 * {@link PacketState#content}, so no key object is stored beside it and no map node is made for it. Packets whose
 * contents differ but whose hashes are equal share a run of the {@link ProbeTable}; a lookup compares the content of
 * those alone. At most one packet per content: {@link #put} displaces a packet of equal content. Not thread-safe.
 */
final class ContentTable extends ProbeTable {

    /** The packet indexed under content equal to {@code key}, or null. */
    PacketState get(ContentKey key) {
        long hash = key.hashCode();
        for (int i = slot(hash); values[i] != null; i = next(i)) {
            PacketState packet = (PacketState) values[i];
            if (keys[i] == hash && packet.content.equals(key)) {
                return packet;
            }
        }
        return null;
    }

    /** Indexes {@code packet} under its content; returns the packet of equal content it displaced, or null. */
    PacketState put(PacketState packet) {
        long hash = packet.content.hashCode();
        int i = slot(hash);
        for (; values[i] != null; i = next(i)) {
            PacketState indexed = (PacketState) values[i];
            if (keys[i] == hash && indexed.content.equals(packet.content)) {
                values[i] = packet;
                return indexed;
            }
        }
        insertAt(i, hash, packet);
        return null;
    }

    /**
     * Removes {@code packet} if it is indexed under its current content; returns whether it was. Finds it by identity
     * among the entries of its hash: the content of an evicted packet is not compared.
     */
    boolean remove(PacketState packet) {
        long hash = packet.content.hashCode();
        for (int i = slot(hash); values[i] != null; i = next(i)) {
            if (values[i] == packet) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }
}
