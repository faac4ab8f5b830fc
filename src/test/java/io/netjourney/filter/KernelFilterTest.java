package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.bpf.BpfAssembler;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import org.junit.jupiter.api.Test;

class KernelFilterTest {

    @Test
    void aFilterBecomesCodeForTheKernel() {
        KernelFilter kernel = KernelFilter.compile(FilterParser.parse("icmp and host 198.51.100.2"));
        assertTrue(kernel.exact());
        assertTrue(kernel.warning().isEmpty());
        assertEquals(kernel.code().length / BpfAssembler.INSN_SIZE, kernel.instructionCount());
        assertTrue(kernel.toString().startsWith("kernel filter of " + kernel.instructionCount() + " BPF instructions"),
                kernel.toString());
    }

    /** Filters of up to 32 primitives and operators fitted the postfix interpreter before. */
    @Test
    void tenTimesThePostfixLimitFitsWithTheLongestPrimitive() {
        String tenTimes = FilterCompilerTest.repeat("net 2001:db8:1:%x::ff:ff00:0/104", " or ", 160);
        KernelFilter kernel = KernelFilter.compile(FilterParser.parse("not (" + tenTimes + ")"));
        assertTrue(kernel.exact(), kernel.toString());
        assertTrue(KernelFilter.compile(FilterParser.parse(FilterCompilerTest.repeat("port %d", " or ", 170)))
                .exact());
    }

    @Test
    void longerCodeFallsBackToJava() {
        Filter filter = FilterParser.parse(FilterCompilerTest.repeat("host 2001:db8::%x", " or ", 500));
        KernelFilter kernel = KernelFilter.compile(filter);
        assertFalse(kernel.exact());
        String warning = kernel.warning().orElseThrow();
        assertTrue(warning.matches("filter needs \\d+ BPF instructions in the kernel, more than 8192: the kernel "
                + "passes every packet and the filter runs in user space"), warning);
        assertEquals(filter, kernel.filter());
        assertTrue(kernel.toString().startsWith("kernel filter matching everything"), kernel.toString());
        for (HopEvent e : FilterEvents.ALL.values()) {
            assertTrue(StagedRecord.matchesFilled(kernel.code(), HopRecord.encode(e)), "lets everything through");
        }
    }

    @Test
    void codeIsACopy() {
        KernelFilter kernel = KernelFilter.compile(Filter.ALL_IP);
        byte[] first = kernel.code();
        first[0] = 99;
        assertNotSame(first, kernel.code());
        assertEquals(kernel.code()[0], KernelFilter.compile(Filter.ALL_IP).code()[0]);
    }
}
