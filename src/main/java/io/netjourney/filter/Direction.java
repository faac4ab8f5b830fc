package io.netjourney.filter;

/** Which address or port of a packet a primitive looks at. */
public enum Direction {
    ANY(""),
    SRC("src "),
    DST("dst ");

    private final String prefix;

    Direction(String prefix) {
        this.prefix = prefix;
    }

    /** The qualifier as written before a primitive: "", "src " or "dst ". */
    String prefix() {
        return prefix;
    }

    boolean includesSource() {
        return this != DST;
    }

    boolean includesDestination() {
        return this != SRC;
    }
}
