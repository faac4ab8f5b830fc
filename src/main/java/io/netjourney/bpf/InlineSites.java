package io.netjourney.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts generated code into a compiled BPF program before load, where the C source left a marker in inline asm
 * (NJ_FILTER in bpf/netjourney.bpf.c):
 *
 * <pre>
 *   r0 = MAGIC ll        marks the site
 *   %[result] = %[arg1]  names the registers clang chose: the argument ...
 *   %[result] = %[arg2]  ... the second one
 *   %[result] = 1        unpatched, the site's result is 1
 * </pre>
 *
 * with r0-r5 clobbered, so that the three operands live in r6-r9. The code is a function: it reads its arguments in
 * r1 and r2, uses r0-r5 only and returns r0 with {@code exit}. It goes after the program's own instructions (before
 * the subprograms libbpf appends at load); the marker's first slot jumps to it, and its exits jump back to the
 * marker's second slot, which with the rest of the marker becomes {@code goto +0} (the verifier removes those).
 * Offsets of the program's own instructions do not change, so libbpf's relocations (maps, CO-RE, calls) still
 * apply.
 */
public final class InlineSites {
    /** Marker instructions: a 64-bit load (two slots) and three moves. */
    static final int MARKER_SLOTS = 5;
    private static final int SCRATCH_REGISTERS = 6;
    private static final int INSN = BpfAssembler.INSN_SIZE;

    private InlineSites() {
    }

    /** The registers clang gave one site's operands. */
    record Site(int slot, int result, int arg1, int arg2) {
    }

    /** The sites of the marker with that magic, in program order. */
    static List<Site> find(byte[] program, long magic) {
        ByteBuffer b = ByteBuffer.wrap(program).order(ByteOrder.LITTLE_ENDIAN);
        List<Site> sites = new ArrayList<>();
        int slots = program.length / INSN;
        for (int i = 0; i + MARKER_SLOTS <= slots; i++) {
            int at = i * INSN;
            if (op(b, at) != BpfAssembler.OP_LD_IMM64 || dst(b, at) != 0 || src(b, at) != 0
                    || immediate64(b, at) != magic) {
                continue;
            }
            int first = at + 2 * INSN;
            int second = first + INSN;
            int last = second + INSN;
            int result = dst(b, first);
            if (op(b, first) != BpfAssembler.OP_MOV64_REG || op(b, second) != BpfAssembler.OP_MOV64_REG
                    || op(b, last) != BpfAssembler.OP_MOV64_IMM || dst(b, second) != result
                    || dst(b, last) != result || b.getInt(last + 4) != 1) {
                throw new IllegalStateException("marker " + Long.toHexString(magic) + " at instruction " + i
                        + " is not followed by its three moves: the BPF object and this loader do not match");
            }
            Site site = new Site(i, result, src(b, first), src(b, second));
            for (int r : new int[] {site.result, site.arg1, site.arg2}) {
                if (r < SCRATCH_REGISTERS || r > 9) {
                    throw new IllegalStateException("marker " + Long.toHexString(magic) + " at instruction " + i
                            + " has an operand in r" + r + ": it must be in r6-r9 (r0-r5 clobbered)");
                }
            }
            sites.add(site);
            i += MARKER_SLOTS - 1;
        }
        return sites;
    }

    /**
     * The program with the function in place of every marker of that magic; the program itself when it has none.
     *
     * @throws IllegalArgumentException when the function uses a register other than r0-r5 or jumps outside itself
     */
    public static byte[] splice(byte[] program, long magic, byte[] function) {
        boolean[] second = checkFunction(function);
        List<Site> sites = find(program, magic);
        if (sites.isEmpty()) {
            return program;
        }
        int functionSlots = function.length / INSN;
        int total = program.length / INSN + sites.size() * (functionSlots + 4);
        if (total - sites.get(0).slot > BpfAssembler.MAX_JUMP) {
            throw new IllegalArgumentException("generated code of " + functionSlots + " instructions at "
                    + sites.size() + " site(s): too far for a BPF jump to reach");
        }
        ByteBuffer out = ByteBuffer.allocate(program.length + sites.size() * (function.length + 4 * INSN))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(program);
        int end = program.length / INSN;
        for (Site site : sites) {
            int start = end;
            put(out, site.slot, jump(start - (site.slot + 1)));
            for (int k = 1; k < MARKER_SLOTS; k++) {
                put(out, site.slot + k, jump(0));
            }
            int epilogue = start + 2 + functionSlots;
            out.position(start * INSN);
            out.put(BpfAssembler.encode(BpfAssembler.OP_MOV64_REG, 1, site.arg1, 0, 0));
            out.put(BpfAssembler.encode(BpfAssembler.OP_MOV64_REG, 2, site.arg2, 0, 0));
            ByteBuffer f = ByteBuffer.wrap(function).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < functionSlots; k++) {
                int at = k * INSN;
                boolean exit = op(f, at) == BpfAssembler.OP_EXIT && !second[k];
                out.put(exit ? jump(epilogue - (start + 2 + k + 1)) : slice(function, at));
            }
            out.put(BpfAssembler.encode(BpfAssembler.OP_MOV64_REG, site.result, 0, 0, 0));
            out.put(jump(site.slot + 1 - (epilogue + 2)));
            end = epilogue + 2;
        }
        byte[] spliced = new byte[end * INSN];
        out.position(0);
        out.get(spliced);
        return spliced;
    }

    /**
     * Generated code may use r0-r5 and must end every path with exit: nothing it does escapes the site. Returns which
     * slots are the second half of a 64-bit immediate load.
     */
    private static boolean[] checkFunction(byte[] function) {
        if (function.length == 0 || function.length % INSN != 0) {
            throw new IllegalArgumentException("a function of " + function.length + " bytes");
        }
        ByteBuffer f = ByteBuffer.wrap(function).order(ByteOrder.LITTLE_ENDIAN);
        int slots = function.length / INSN;
        boolean[] second = new boolean[slots];
        for (int k = 0; k < slots; k++) {
            int at = k * INSN;
            if (second[k]) {
                continue;
            }
            if (op(f, at) == BpfAssembler.OP_LD_IMM64) {
                if (k + 1 == slots) {
                    throw new IllegalArgumentException("a 64-bit load cut off at the end");
                }
                second[k + 1] = true;
            }
            int op = op(f, at);
            if (dst(f, at) >= SCRATCH_REGISTERS || ((op & BpfAssembler.SOURCE_X) != 0 || isLoad(op))
                    && src(f, at) >= SCRATCH_REGISTERS) {
                throw new IllegalArgumentException("instruction " + k + " uses a register beyond r5");
            }
            int cls = op & 0x07;
            if ((cls == BpfAssembler.CLASS_JMP || cls == BpfAssembler.CLASS_JMP32) && op != BpfAssembler.OP_EXIT) {
                if ((op & 0xf0) == 0x80) {
                    throw new IllegalArgumentException("instruction " + k + " is a call");
                }
                int target = k + 1 + f.getShort(at + 2);
                if (target < 0 || target >= slots) {
                    throw new IllegalArgumentException("instruction " + k + " jumps outside the function");
                }
            }
        }
        int last = op(f, (slots - 1) * INSN);
        if (second[slots - 1] || last != BpfAssembler.OP_EXIT && last != BpfAssembler.OP_JA) {
            throw new IllegalArgumentException("the function does not end with exit or a jump");
        }
        return second;
    }

    private static boolean isLoad(int op) {
        return (op & 0x07) == BpfAssembler.CLASS_LDX;
    }

    private static byte[] jump(int offset) {
        return BpfAssembler.encode(BpfAssembler.OP_JA, 0, 0, offset, 0);
    }

    private static void put(ByteBuffer out, int slot, byte[] insn) {
        out.put(slot * INSN, insn);
    }

    private static byte[] slice(byte[] code, int at) {
        byte[] insn = new byte[INSN];
        System.arraycopy(code, at, insn, 0, INSN);
        return insn;
    }

    private static int op(ByteBuffer b, int at) {
        return b.get(at) & 0xff;
    }

    private static int dst(ByteBuffer b, int at) {
        return b.get(at + 1) & 0x0f;
    }

    private static int src(ByteBuffer b, int at) {
        return (b.get(at + 1) & 0xf0) >>> 4;
    }

    private static long immediate64(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at + 4)) | (long) b.getInt(at + INSN + 4) << 32;
    }
}
