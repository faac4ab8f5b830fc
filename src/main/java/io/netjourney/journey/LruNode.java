package io.netjourney.journey;

/** A node of an {@link LruList}: the links live in the element itself, so moving it allocates nothing. */
abstract class LruNode {
    LruNode lruPrev;
    LruNode lruNext;
    boolean lruLinked;
}
