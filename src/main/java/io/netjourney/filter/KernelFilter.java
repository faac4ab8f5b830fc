package io.netjourney.filter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Filter} compiled to the kernel's filter program: the bytes of struct nj_config (bpf/netjourney.h),
 * little endian. Postfix instructions over a stack of booleans, evaluated by filter_matches() in
 * bpf/netjourney.bpf.c with the same answers as {@link Filter#matches}.
 *
 * <p>A filter needing more than {@value KernelFilterAbi#MAX_INSNS} instructions compiles to an empty program,
 * which lets everything through: then {@link #exact()} is false and events must be filtered in Java.
 */
public final class KernelFilter {
    /** sizeof(struct nj_config). */
    public static final int CONFIG_SIZE = KernelFilterAbi.CONFIG_SIZE;
    /** NJ_FILTER_MAX_INSNS. */
    public static final int MAX_INSTRUCTIONS = KernelFilterAbi.MAX_INSNS;

    private final Filter filter;
    private final byte[] config;
    private final int instructions;
    private final String warning;

    private KernelFilter(Filter filter, byte[] config, int instructions, String warning) {
        this.filter = filter;
        this.config = config;
        this.instructions = instructions;
        this.warning = warning;
    }

    public static KernelFilter compile(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        List<ByteBuffer> program = new ArrayList<>();
        emit(filter, program);
        ByteBuffer config = ByteBuffer.allocate(CONFIG_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (program.size() > MAX_INSTRUCTIONS) {
            String warning = "filter needs " + program.size() + " kernel instructions, more than "
                    + MAX_INSTRUCTIONS + ": the kernel passes every packet and the filter runs in user space";
            return new KernelFilter(filter, config.array(), 0, warning);
        }
        config.putInt(KernelFilterAbi.CONFIG_FILTER_LEN, program.size());
        for (int i = 0; i < program.size(); i++) {
            config.put(KernelFilterAbi.CONFIG_FILTER + i * KernelFilterAbi.INSN_SIZE, program.get(i).array());
        }
        return new KernelFilter(filter, config.array(), program.size(), null);
    }

    public Filter filter() {
        return filter;
    }

    /** A copy of the struct nj_config bytes to store in the BPF program's config. */
    public byte[] config() {
        return config.clone();
    }

    /** filter_len: the program's length, 0 when not {@link #exact()}. */
    public int instructionCount() {
        return instructions;
    }

    /** Whether the kernel applies the whole filter; if not, every event must be checked with the filter. */
    public boolean exact() {
        return warning == null;
    }

    /** Why the kernel filter is not exact, for the user. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    private static void emit(Filter f, List<ByteBuffer> program) {
        if (f instanceof ProtocolFilter) {
            ByteBuffer insn = insn(KernelFilterAbi.OP_PROTO);
            insn.put(KernelFilterAbi.INSN_PROTO, (byte) ((ProtocolFilter) f).protocol().kernelCode());
            program.add(insn);
        } else if (f instanceof AddressFilter) {
            AddressFilter a = (AddressFilter) f;
            ByteBuffer insn = insn(KernelFilterAbi.OP_ADDR);
            insn.put(KernelFilterAbi.INSN_DIR, (byte) a.direction().kernelCode());
            insn.put(KernelFilterAbi.INSN_FAMILY, (byte) a.network().family());
            insn.put(KernelFilterAbi.INSN_VALUE, a.network().bytes());
            insn.put(KernelFilterAbi.INSN_MASK, a.network().mask());
            program.add(insn);
        } else if (f instanceof PortFilter) {
            PortFilter p = (PortFilter) f;
            ByteBuffer insn = insn(KernelFilterAbi.OP_PORT);
            insn.put(KernelFilterAbi.INSN_DIR, (byte) p.direction().kernelCode());
            insn.putShort(KernelFilterAbi.INSN_PORT, (short) p.port());
            program.add(insn);
        } else if (f instanceof NetnsFilter) {
            emitAnyNamespace(((NetnsFilter) f).inodes(), program);
        } else if (f instanceof IfnameFilter) {
            byte[] name = ((IfnameFilter) f).bytes();
            ByteBuffer insn = insn(KernelFilterAbi.OP_IFNAME);
            insn.put(KernelFilterAbi.INSN_VALUE, name);
            byte[] nameAndNul = new byte[name.length + 1];
            Arrays.fill(nameAndNul, (byte) 0xff);
            insn.put(KernelFilterAbi.INSN_MASK, nameAndNul);
            program.add(insn);
        } else if (f instanceof NotFilter) {
            emit(((NotFilter) f).operand(), program);
            program.add(insn(KernelFilterAbi.OP_NOT));
        } else if (f instanceof AndFilter) {
            emit(((AndFilter) f).left(), program);
            emit(((AndFilter) f).right(), program);
            program.add(insn(KernelFilterAbi.OP_AND));
        } else if (f instanceof OrFilter) {
            emit(((OrFilter) f).left(), program);
            emit(((OrFilter) f).right(), program);
            program.add(insn(KernelFilterAbi.OP_OR));
        } else {
            throw new AssertionError(f);
        }
    }

    /** One OP_NETNS per inode, joined by OR. */
    private static void emitAnyNamespace(Set<Long> inodes, List<ByteBuffer> program) {
        boolean first = true;
        for (long inode : inodes) {
            ByteBuffer insn = insn(KernelFilterAbi.OP_NETNS);
            insn.putLong(KernelFilterAbi.INSN_VALUE, inode);
            program.add(insn);
            if (!first) {
                program.add(insn(KernelFilterAbi.OP_OR));
            }
            first = false;
        }
    }

    private static ByteBuffer insn(int op) {
        ByteBuffer insn = ByteBuffer.allocate(KernelFilterAbi.INSN_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        insn.put(KernelFilterAbi.INSN_OP, (byte) op);
        return insn;
    }

    @Override
    public String toString() {
        return exact() ? "kernel filter of " + instructions + " instructions: " + filter
                : "kernel filter empty (" + warning + "): " + filter;
    }
}
