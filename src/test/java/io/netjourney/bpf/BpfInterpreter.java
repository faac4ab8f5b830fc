package io.netjourney.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Runs BPF code in tests: the instructions {@link BpfAssembler} writes (loads, 64-bit moves and AND, 64- and 32-bit
 * jumps, exit), with r1 pointing at a record and r2 holding an argument, as the verifier would allow them: a
 * register read before it is written, a load outside the record, an unknown opcode or a jump outside the code
 * fails the test.
 */
public final class BpfInterpreter {
    /** Where the record appears to the code. */
    public static final long RECORD_ADDRESS = 0x7f00_0000_0000L;
    private static final int MAX_STEPS = 1_000_000;

    private final ByteBuffer code;
    private final int slots;
    private int steps;

    public BpfInterpreter(byte[] code) {
        this.code = ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN);
        this.slots = code.length / BpfAssembler.INSN_SIZE;
    }

    /** Instructions executed by the last {@link #run}. */
    public int steps() {
        return steps;
    }

    /** r0 at exit, the code run with r1 = the record, r2 = arg. */
    public long run(byte[] record, long arg) {
        ByteBuffer memory = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        long[] r = new long[11];
        boolean[] set = new boolean[11];
        r[1] = RECORD_ADDRESS;
        r[2] = arg;
        set[1] = set[2] = set[10] = true;
        int pc = 0;
        steps = 0;
        while (true) {
            if (pc < 0 || pc >= slots) {
                throw new AssertionError("jumped to instruction " + pc + " of " + slots);
            }
            if (++steps > MAX_STEPS) {
                throw new AssertionError("more than " + MAX_STEPS + " instructions run: a loop");
            }
            int at = pc * BpfAssembler.INSN_SIZE;
            int op = code.get(at) & 0xff;
            int dst = code.get(at + 1) & 0x0f;
            int src = (code.get(at + 1) & 0xf0) >>> 4;
            short offset = code.getShort(at + 2);
            int imm = code.getInt(at + 4);
            int cls = op & 0x07;
            pc++;
            switch (cls) {
                case BpfAssembler.CLASS_LD -> {
                    if (op != BpfAssembler.OP_LD_IMM64 || src != 0) {
                        throw new AssertionError("unsupported load " + Integer.toHexString(op));
                    }
                    r[dst] = Integer.toUnsignedLong(imm) | (long) code.getInt(at + 12) << 32;
                    set[dst] = true;
                    pc++;
                }
                case BpfAssembler.CLASS_LDX -> {
                    long address = read(r, set, src) + offset;
                    int size = switch (op & 0x18) {
                        case BpfAssembler.SIZE_B -> 1;
                        case BpfAssembler.SIZE_H -> 2;
                        case BpfAssembler.SIZE_W -> 4;
                        default -> 8;
                    };
                    if ((op & 0xe0) != BpfAssembler.MODE_MEM || address < RECORD_ADDRESS
                            || address + size > RECORD_ADDRESS + record.length) {
                        throw new AssertionError("load of " + size + " bytes at record offset "
                                + (address - RECORD_ADDRESS) + " outside its " + record.length + " bytes");
                    }
                    int i = (int) (address - RECORD_ADDRESS);
                    r[dst] = switch (size) {
                        case 1 -> memory.get(i) & 0xffL;
                        case 2 -> memory.getShort(i) & 0xffffL;
                        case 4 -> Integer.toUnsignedLong(memory.getInt(i));
                        default -> memory.getLong(i);
                    };
                    set[dst] = true;
                }
                case BpfAssembler.CLASS_ALU64 -> {
                    long operand = (op & BpfAssembler.SOURCE_X) != 0 ? read(r, set, src) : imm;
                    switch (op & 0xf0) {
                        case BpfAssembler.ALU_MOV -> r[dst] = operand;
                        case BpfAssembler.ALU_AND -> r[dst] = read(r, set, dst) & operand;
                        default -> throw new AssertionError("unsupported ALU op " + Integer.toHexString(op));
                    }
                    set[dst] = true;
                }
                case BpfAssembler.CLASS_JMP, BpfAssembler.CLASS_JMP32 -> {
                    if (op == BpfAssembler.OP_EXIT) {
                        return read(r, set, 0);
                    }
                    if (op == BpfAssembler.OP_JA) {
                        pc += offset;
                        continue;
                    }
                    long left = read(r, set, dst);
                    long right = (op & BpfAssembler.SOURCE_X) != 0 ? read(r, set, src) : imm;
                    if (cls == BpfAssembler.CLASS_JMP32) {
                        left &= 0xffffffffL;
                        right &= 0xffffffffL;
                    }
                    boolean taken = switch (op & 0xf0) {
                        case 0x10 -> left == right;
                        case 0x50 -> left != right;
                        case 0x40 -> (left & right) != 0;
                        default -> throw new AssertionError("unsupported jump " + Integer.toHexString(op));
                    };
                    if (taken) {
                        pc += offset;
                    }
                }
                default -> throw new AssertionError("unsupported instruction class " + cls);
            }
        }
    }

    /** The verifier refuses code with an instruction no path reaches ("unreachable insn"): so does this. */
    public static void assertEveryInstructionReachable(byte[] code) {
        ByteBuffer b = ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN);
        int slots = code.length / BpfAssembler.INSN_SIZE;
        boolean[] reached = new boolean[slots];
        java.util.ArrayDeque<Integer> next = new java.util.ArrayDeque<>(java.util.List.of(0));
        while (!next.isEmpty()) {
            int pc = next.pop();
            if (pc < 0 || pc >= slots) {
                throw new AssertionError("a path leaves the code at " + pc);
            }
            if (reached[pc]) {
                continue;
            }
            reached[pc] = true;
            int at = pc * BpfAssembler.INSN_SIZE;
            int op = b.get(at) & 0xff;
            int cls = op & 0x07;
            if (op == BpfAssembler.OP_LD_IMM64) {
                reached[pc + 1] = true;
                next.push(pc + 2);
            } else if (op == BpfAssembler.OP_EXIT) {
                continue;
            } else if (op == BpfAssembler.OP_JA) {
                next.push(pc + 1 + b.getShort(at + 2));
            } else if (cls == BpfAssembler.CLASS_JMP || cls == BpfAssembler.CLASS_JMP32) {
                next.push(pc + 1 + b.getShort(at + 2));
                next.push(pc + 1);
            } else {
                next.push(pc + 1);
            }
        }
        for (int pc = 0; pc < slots; pc++) {
            if (!reached[pc]) {
                throw new AssertionError("instruction " + pc + " of " + slots + " is unreachable");
            }
        }
    }

    private static long read(long[] r, boolean[] set, int register) {
        if (!set[register]) {
            throw new AssertionError("r" + register + " read before it was written");
        }
        return r[register];
    }
}
