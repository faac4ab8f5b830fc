package io.netjourney.filter;

/** Which address or port of a packet a primitive looks at. */
public enum Direction {
    ANY("", KernelFilterAbi.DIR_ANY),
    SRC("src ", KernelFilterAbi.DIR_SRC),
    DST("dst ", KernelFilterAbi.DIR_DST);

    private final String prefix;
    private final int kernelCode;

    Direction(String prefix, int kernelCode) {
        this.prefix = prefix;
        this.kernelCode = kernelCode;
    }

    /** The qualifier as written before a primitive: "", "src " or "dst ". */
    String prefix() {
        return prefix;
    }

    int kernelCode() {
        return kernelCode;
    }

    boolean includesSource() {
        return this != DST;
    }

    boolean includesDestination() {
        return this != SRC;
    }
}
