package io.netjourney.bpf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.bpf.BpfAssembler.Condition;
import io.netjourney.bpf.BpfAssembler.Label;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A program shaped like clang's output for the NJ_FILTER marker, run before and after splicing. */
class InlineSitesTest {
    private static final long MAGIC = 0x6e6a5f66696c7472L;
    private static final byte[] RECORD = {42, 0, 0, 0, 0, 0, 0, 0};

    /** r1 = the record, r2 = the argument; the site's result in r0; 99 if the site disturbed r6 or r7. */
    private static byte[] program(int sites) {
        BpfAssembler a = new BpfAssembler();
        Label disturbed = a.newLabel();
        a.moveRegister(6, 1);
        a.moveRegister(7, 2);
        for (int i = 0; i < sites; i++) {
            int result = i % 2 == 0 ? 8 : 9;
            marker(a, result, 6, 7);
            a.moveRegister(0, result);
        }
        a.jumpIfRegister(Condition.NE, 7, 2, disturbed);
        a.exit();
        a.bind(disturbed);
        a.move(0, 99);
        a.exit();
        return a.assemble();
    }

    private static void marker(BpfAssembler a, int result, int arg1, int arg2) {
        a.loadImmediate(0, MAGIC);
        a.moveRegister(result, arg1);
        a.moveRegister(result, arg2);
        a.move(result, 1);
    }

    /** 9 when r2 is 5, else the record's first byte: two exits. */
    private static byte[] function() {
        BpfAssembler a = new BpfAssembler();
        Label five = a.newLabel();
        a.loadByte(0, 1, 0);
        a.jumpIf(Condition.EQ, 2, 5, five);
        a.exit();
        a.bind(five);
        a.move(0, 9);
        a.exit();
        return a.assemble();
    }

    @Test
    void unsplicedTheSiteGivesOne() {
        assertEquals(1, new BpfInterpreter(program(1)).run(RECORD, 5));
    }

    @Test
    void theFunctionRunsInPlaceOfTheMarker() {
        byte[] program = program(1);
        byte[] spliced = InlineSites.splice(program, MAGIC, function());
        BpfInterpreter run = new BpfInterpreter(spliced);
        assertEquals(9, run.run(RECORD, 5));
        assertEquals(42, run.run(RECORD, 3));
        int own = program.length / BpfAssembler.INSN_SIZE;
        int site = InlineSites.find(program, MAGIC).get(0).slot();
        for (int i = 0; i < own; i++) {
            if (i < site || i >= site + InlineSites.MARKER_SLOTS) {
                assertArrayEquals(insn(program, i), insn(spliced, i), "instruction " + i + " stays where it was");
            }
        }
    }

    @Test
    void everySiteGetsItsOwnCopy() {
        byte[] program = program(2);
        List<InlineSites.Site> sites = InlineSites.find(program, MAGIC);
        assertEquals(List.of(new InlineSites.Site(2, 8, 6, 7), new InlineSites.Site(8, 9, 6, 7)), sites);
        byte[] spliced = InlineSites.splice(program, MAGIC, function());
        assertEquals(program.length + 2 * (function().length + 4 * BpfAssembler.INSN_SIZE), spliced.length);
        assertEquals(9, new BpfInterpreter(spliced).run(RECORD, 5));
        assertEquals(42, new BpfInterpreter(spliced).run(RECORD, 4));
    }

    @Test
    void aProgramWithoutTheMarkerIsLeftAlone() {
        byte[] program = program(1);
        assertSame(program, InlineSites.splice(program, MAGIC + 1, function()));
    }

    @Test
    void aFunctionReachingBeyondItsRegistersOrItselfIsRefused() {
        BpfAssembler r6 = new BpfAssembler();
        r6.moveRegister(0, 6);
        r6.exit();
        assertThrows(IllegalArgumentException.class, () -> InlineSites.splice(program(1), MAGIC, r6.assemble()));

        byte[] escaping = function();
        escaping[BpfAssembler.INSN_SIZE + 2] = 50;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InlineSites.splice(program(1), MAGIC, escaping));
        assertTrue(e.getMessage().contains("jumps outside"), e.getMessage());
    }

    @Test
    void aMarkerWithoutItsMovesMeansAnotherBuild() {
        BpfAssembler a = new BpfAssembler();
        a.loadImmediate(0, MAGIC);
        a.move(8, 1);
        a.move(8, 1);
        a.move(8, 1);
        a.exit();
        byte[] program = a.assemble();
        assertThrows(IllegalStateException.class, () -> InlineSites.splice(program, MAGIC, function()));
    }

    private static byte[] insn(byte[] code, int i) {
        return Arrays.copyOfRange(code, i * BpfAssembler.INSN_SIZE, (i + 1) * BpfAssembler.INSN_SIZE);
    }
}
