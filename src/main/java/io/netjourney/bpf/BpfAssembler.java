package io.netjourney.bpf;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes eBPF instructions (the kernel's ISA, Documentation/bpf/standardization/instruction-set.rst) as the
 * 8-byte little-endian {@code struct bpf_insn}s a program is made of: loads, moves, AND, jumps to {@link Label}s
 * resolved by {@link #assemble()}, exit. Only what generated code needs; each method is named for the assembly
 * clang and the verifier print for it.
 */
public final class BpfAssembler {
    /** Bytes per instruction (a 64-bit immediate load takes two). */
    public static final int INSN_SIZE = 8;

    /** Instruction classes, sizes and operations (uapi linux/bpf.h, linux/bpf_common.h). */
    static final int CLASS_LD = 0x00;
    static final int CLASS_LDX = 0x01;
    static final int CLASS_JMP = 0x05;
    static final int CLASS_JMP32 = 0x06;
    static final int CLASS_ALU64 = 0x07;
    static final int SIZE_W = 0x00;
    static final int SIZE_H = 0x08;
    static final int SIZE_B = 0x10;
    static final int SIZE_DW = 0x18;
    static final int MODE_IMM = 0x00;
    static final int MODE_MEM = 0x60;
    static final int SOURCE_X = 0x08;
    static final int ALU_AND = 0x50;
    static final int ALU_MOV = 0xb0;
    static final int JMP_JA = 0x00;
    static final int JMP_EXIT = 0x90;
    static final int OP_LD_IMM64 = CLASS_LD | SIZE_DW | MODE_IMM;
    static final int OP_EXIT = CLASS_JMP | JMP_EXIT;
    static final int OP_JA = CLASS_JMP | JMP_JA;
    static final int OP_MOV64_IMM = CLASS_ALU64 | ALU_MOV;
    static final int OP_MOV64_REG = CLASS_ALU64 | ALU_MOV | SOURCE_X;

    /** The largest jump a 16-bit offset reaches, in instructions. */
    static final int MAX_JUMP = Short.MAX_VALUE;

    /** A conditional jump's test. */
    public enum Condition {
        /** dst == operand */
        EQ(0x10),
        /** dst != operand */
        NE(0x50),
        /** dst & operand != 0 */
        SET(0x40);

        final int code;

        Condition(int code) {
            this.code = code;
        }
    }

    /** A place in the code, bound once; jumps to it may come before or after. */
    public static final class Label {
        private int position = -1;
    }

    /** One instruction slot; a jump to a label gets its offset at assembly. */
    private static final class Slot {
        final int op;
        final int dst;
        final int src;
        short offset;
        final int imm;
        final Label target;

        Slot(int op, int dst, int src, int offset, int imm, Label target) {
            this.op = op;
            this.dst = dst;
            this.src = src;
            this.offset = (short) offset;
            this.imm = imm;
            this.target = target;
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    /** Labels bound after the last instruction: they move with it when a jump before them is dropped. */
    private final List<Label> atEnd = new ArrayList<>();

    /** Instructions written so far (a 64-bit immediate load counts two). */
    public int size() {
        return slots.size();
    }

    public Label newLabel() {
        return new Label();
    }

    /**
     * Binds the label here. An unconditional jump just before it, to it, is dropped: it would only go to the next
     * instruction.
     */
    public void bind(Label label) {
        if (label.position >= 0) {
            throw new IllegalStateException("label bound twice");
        }
        while (!slots.isEmpty() && slots.get(slots.size() - 1).op == OP_JA
                && slots.get(slots.size() - 1).target == label) {
            slots.remove(slots.size() - 1);
            atEnd.forEach(l -> l.position--);
        }
        label.position = slots.size();
        atEnd.add(label);
    }

    /** {@code dst = *(u8 *)(src + offset)}. */
    public void loadByte(int dst, int src, int offset) {
        load(SIZE_B, dst, src, offset);
    }

    /** {@code dst = *(u16 *)(src + offset)}. */
    public void loadHalf(int dst, int src, int offset) {
        load(SIZE_H, dst, src, offset);
    }

    /** {@code dst = *(u32 *)(src + offset)}. */
    public void loadWord(int dst, int src, int offset) {
        load(SIZE_W, dst, src, offset);
    }

    /** {@code dst = *(u64 *)(src + offset)}. */
    public void loadDouble(int dst, int src, int offset) {
        load(SIZE_DW, dst, src, offset);
    }

    /** {@code dst = imm} (64-bit, the immediate sign-extended). */
    public void move(int dst, int imm) {
        add(OP_MOV64_IMM, dst, 0, 0, imm, null);
    }

    /** {@code dst = src}. */
    public void moveRegister(int dst, int src) {
        add(OP_MOV64_REG, dst, src, 0, 0, null);
    }

    /** {@code dst = value ll}: a 64-bit immediate, two instruction slots. */
    public void loadImmediate(int dst, long value) {
        add(OP_LD_IMM64, dst, 0, 0, (int) value, null);
        add(0, 0, 0, 0, (int) (value >>> 32), null);
    }

    /** {@code dst &= imm} (64-bit, the immediate sign-extended). */
    public void and(int dst, int imm) {
        add(CLASS_ALU64 | ALU_AND, dst, 0, 0, imm, null);
    }

    /** {@code dst &= src}. */
    public void andRegister(int dst, int src) {
        add(CLASS_ALU64 | ALU_AND | SOURCE_X, dst, src, 0, 0, null);
    }

    /** {@code goto target}. */
    public void jump(Label target) {
        add(OP_JA, 0, 0, 0, 0, target);
    }

    /** {@code if dst <condition> imm goto target}, on all 64 bits (the immediate sign-extended). */
    public void jumpIf(Condition condition, int dst, int imm, Label target) {
        add(CLASS_JMP | condition.code, dst, 0, 0, imm, target);
    }

    /** {@code if wdst <condition> imm goto target}: on the low 32 bits only. */
    public void jumpIf32(Condition condition, int dst, int imm, Label target) {
        add(CLASS_JMP32 | condition.code, dst, 0, 0, imm, target);
    }

    /** {@code if dst <condition> src goto target}, on all 64 bits. */
    public void jumpIfRegister(Condition condition, int dst, int src, Label target) {
        add(CLASS_JMP | condition.code | SOURCE_X, dst, src, 0, 0, target);
    }

    /** {@code exit}: returns r0. */
    public void exit() {
        add(OP_EXIT, 0, 0, 0, 0, null);
    }

    /** The program: labels resolved, {@link #INSN_SIZE} bytes per instruction. */
    public byte[] assemble() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(slots.size() * INSN_SIZE);
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (s.target != null) {
                if (s.target.position < 0) {
                    throw new IllegalStateException("jump to a label never bound");
                }
                int offset = s.target.position - (i + 1);
                if (Math.abs(offset) > MAX_JUMP) {
                    throw new IllegalStateException("jump of " + offset + " instructions: more than a BPF jump reaches");
                }
                s.offset = (short) offset;
            }
            out.writeBytes(encode(s.op, s.dst, s.src, s.offset, s.imm));
        }
        return out.toByteArray();
    }

    /** One struct bpf_insn: code, dst_reg:4 | src_reg:4, s16 off, s32 imm, little endian. */
    static byte[] encode(int op, int dst, int src, int offset, int imm) {
        return new byte[] {(byte) op, (byte) (src << 4 | dst), (byte) offset, (byte) (offset >> 8), (byte) imm,
            (byte) (imm >> 8), (byte) (imm >> 16), (byte) (imm >> 24)};
    }

    private void load(int size, int dst, int src, int offset) {
        add(CLASS_LDX | size | MODE_MEM, dst, src, offset, 0, null);
    }

    private void add(int op, int dst, int src, int offset, int imm, Label target) {
        checkRegister(dst);
        checkRegister(src);
        if (offset != (short) offset) {
            throw new IllegalArgumentException("offset " + offset + " outside 16 bits");
        }
        slots.add(new Slot(op, dst, src, offset, imm, target));
        atEnd.clear();
    }

    private static void checkRegister(int r) {
        if (r < 0 || r > 10) {
            throw new IllegalArgumentException("no register r" + r);
        }
    }
}
