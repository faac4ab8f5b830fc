package io.netjourney.bpf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netjourney.bpf.BpfAssembler.Condition;
import io.netjourney.bpf.BpfAssembler.Label;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Encodings as llvm-mc -triple bpf -show-encoding prints them (JSET, which its parser lacks, from linux/bpf.h). */
class BpfAssemblerTest {

    @Test
    void instructionsEncodeAsTheKernelReadsThem() {
        assertEncodes("b700000001000000", a -> a.move(0, 1));
        assertEncodes("9500000000000000", BpfAssembler::exit);
        assertEncodes("7113750000000000", a -> a.loadByte(3, 1, 117));
        assertEncodes("69135c0000000000", a -> a.loadHalf(3, 1, 92));
        assertEncodes("6113380000000000", a -> a.loadWord(3, 1, 56));
        assertEncodes("7913180000000000", a -> a.loadDouble(3, 1, 24));
        assertEncodes("1804000088776655" + "0000000044332211", a -> a.loadImmediate(4, 0x1122334455667788L));
        assertEncodes("57030000ff000000", a -> a.and(3, 255));
        assertEncodes("5f43000000000000", a -> a.andRegister(3, 4));
        assertEncodes("bf61000000000000", a -> a.moveRegister(1, 6));
    }

    @Test
    void jumpsGetTheirOffsetsFromTheirLabels() {
        BpfAssembler a = new BpfAssembler();
        Label back = a.newLabel();
        Label forward = a.newLabel();
        a.bind(back);
        a.move(0, 0);
        a.jumpIf32(Condition.NE, 3, 0x1234, forward);
        a.jumpIfRegister(Condition.NE, 3, 4, forward);
        a.jumpIf(Condition.SET, 2, 4, forward);
        a.jumpIf(Condition.EQ, 3, 6, back);
        a.jump(forward);
        a.move(0, 1);
        a.bind(forward);
        a.exit();
        assertEquals(("b700000000000000" + "5603050034120000" + "5d43040000000000" + "4502030004000000"
                + "1503fbff06000000" + "0500010000000000" + "b700000001000000" + "9500000000000000"),
                hex(a.assemble()));
        assertEquals(8, a.size());
    }

    @Test
    void aJumpToTheNextInstructionIsDropped() {
        BpfAssembler a = new BpfAssembler();
        Label next = a.newLabel();
        Label alsoNext = a.newLabel();
        a.jumpIf(Condition.EQ, 2, 0, alsoNext);
        a.jump(next);
        a.bind(alsoNext);
        a.bind(next);
        a.exit();
        assertEquals("1502000000000000" + "9500000000000000", hex(a.assemble()));
    }

    @Test
    void labelsBoundAfterADroppedJumpMoveWithIt() {
        BpfAssembler a = new BpfAssembler();
        Label first = a.newLabel();
        Label second = a.newLabel();
        a.jumpIf(Condition.EQ, 2, 0, first);
        a.jump(second);
        a.bind(first);
        a.bind(second);
        a.move(0, 7);
        a.exit();
        BpfInterpreter run = new BpfInterpreter(a.assemble());
        assertEquals(7, run.run(new byte[8], 0));
        assertEquals(7, run.run(new byte[8], 1));
        assertEquals(3, a.size());
    }

    @Test
    void aJumpTooFarOrNowhereIsRefused() {
        BpfAssembler far = new BpfAssembler();
        Label end = far.newLabel();
        far.jumpIf(Condition.EQ, 2, 0, end);
        for (int i = 0; i <= BpfAssembler.MAX_JUMP; i++) {
            far.move(0, 0);
        }
        far.bind(end);
        far.exit();
        assertThrows(IllegalStateException.class, far::assemble);

        BpfAssembler nowhere = new BpfAssembler();
        nowhere.jump(nowhere.newLabel());
        assertThrows(IllegalStateException.class, nowhere::assemble);
        assertThrows(IllegalArgumentException.class, () -> nowhere.loadByte(11, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> nowhere.loadByte(3, 1, 40000));
    }

    private static void assertEncodes(String expected, java.util.function.Consumer<BpfAssembler> emit) {
        BpfAssembler a = new BpfAssembler();
        emit.accept(a);
        assertArrayEquals(HexFormat.of().parseHex(expected), a.assemble(), expected);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
