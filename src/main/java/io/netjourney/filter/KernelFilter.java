package io.netjourney.filter;

import io.netjourney.bpf.BpfAssembler;
import io.netjourney.capture.FilterProgram;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Filter} compiled for the kernel: BPF code ({@link FilterCompiler}) that each program runs in place of its
 * filter site before it parses more of a packet than the filter asks for, with the same answers as
 * {@link Filter#matches}.
 *
 * <p>A filter needing more than {@value #MAX_INSTRUCTIONS} instructions compiles to code that matches everything:
 * then {@link #exact()} is false and events must be filtered in Java.
 */
public final class KernelFilter {
    /**
     * The most instructions the kernel is given: ten times what the postfix interpreter before took for any filter
     * (32 primitives and operators then, 320 now, of the longest primitive: an IPv6 network on either address), and
     * few enough that the verifier passes the programs in a fraction of a second.
     */
    public static final int MAX_INSTRUCTIONS = 8192;

    private final Filter filter;
    private final byte[] code;
    private final int firstStages;
    private final String warning;

    private KernelFilter(Filter filter, byte[] code, int firstStages, String warning) {
        this.filter = filter;
        this.code = code;
        this.firstStages = firstStages;
        this.warning = warning;
    }

    public static KernelFilter compile(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        byte[] code = FilterCompiler.compile(filter);
        int instructions = code.length / BpfAssembler.INSN_SIZE;
        if (instructions > MAX_INSTRUCTIONS) {
            String warning = "filter needs " + instructions + " BPF instructions in the kernel, more than "
                    + MAX_INSTRUCTIONS + ": the kernel passes every packet and the filter runs in user space";
            return new KernelFilter(filter, FilterCompiler.matchAll(), 0, warning);
        }
        return new KernelFilter(filter, code, FilterCompiler.firstStages(filter), null);
    }

    public Filter filter() {
        return filter;
    }

    /** A copy of the BPF code to put at the programs' filter site. */
    public byte[] code() {
        return code.clone();
    }

    /** What the capture puts into its programs: the code, and the stages to fill before it first runs. */
    public FilterProgram program() {
        return new FilterProgram(code(), firstStages);
    }

    /** The code's length in instructions (a 64-bit immediate counts two). */
    public int instructionCount() {
        return code.length / BpfAssembler.INSN_SIZE;
    }

    /** Whether the kernel applies the whole filter; if not, every event must be checked with the filter. */
    public boolean exact() {
        return warning == null;
    }

    /** Why the kernel filter is not exact, for the user. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    @Override
    public String toString() {
        return exact() ? "kernel filter of " + instructionCount() + " BPF instructions: " + filter
                : "kernel filter matching everything (" + warning + "): " + filter;
    }
}
