package io.netjourney.journey;

/**
 * An intrusive doubly linked list in least-recently-used order: {@link #first()} is the eldest. All operations are
 * O(1) and allocation-free. An element is in at most one such list.
 */
final class LruList<T extends LruNode> {
    private LruNode head;
    private LruNode tail;
    private int size;

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T first() {
        return (T) head;
    }

    void addLast(T node) {
        node.lruPrev = tail;
        node.lruNext = null;
        if (tail == null) {
            head = node;
        } else {
            tail.lruNext = node;
        }
        tail = node;
        node.lruLinked = true;
        size++;
    }

    void remove(T node) {
        if (!node.lruLinked) {
            return;
        }
        if (node.lruPrev == null) {
            head = node.lruNext;
        } else {
            node.lruPrev.lruNext = node.lruNext;
        }
        if (node.lruNext == null) {
            tail = node.lruPrev;
        } else {
            node.lruNext.lruPrev = node.lruPrev;
        }
        node.lruPrev = null;
        node.lruNext = null;
        node.lruLinked = false;
        size--;
    }

    /** Marks the node as just used. */
    void moveToLast(T node) {
        if (node == tail) {
            return;
        }
        remove(node);
        addLast(node);
    }
}
