package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.bpf.BpfAssembler;
import io.netjourney.bpf.BpfInterpreter;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the compiled code asks the kernel side for, and how long it is. */
class FilterCompilerTest {

    @Test
    void anAddressFilterAsksOnlyForTheNetworkHeader() {
        assertEquals(List.of(KernelFilterAbi.STAGE_NETWORK), stagesAsked("host 198.51.100.250", FilterEvents.TCP4));
        assertEquals(List.of(KernelFilterAbi.STAGE_NETWORK), stagesAsked("icmp", FilterEvents.ICMP6));
    }

    @Test
    void aPortFilterAsksForTheTransportHeader() {
        assertEquals(List.of(KernelFilterAbi.STAGE_TRANSPORT), stagesAsked("port 80", FilterEvents.TCP4));
    }

    @Test
    void aPlaceFilterReadsNoPacketBytes() {
        assertEquals(List.of(KernelFilterAbi.STAGE_PLACE), stagesAsked("netns nj-ctr1", FilterEvents.TCP4));
        assertEquals(List.of(KernelFilterAbi.STAGE_PLACE), stagesAsked("ifname eth0 or netns nj-ctr1",
                FilterEvents.TCP4));
    }

    @Test
    void whatTheFirstTestDecidesIsNotParsedFurther() {
        HopEvent elsewhere = FilterEvents.TCP4;
        assertFalse(FilterNamespaces.parse("netns nj-ctr1").matches(elsewhere));
        assertEquals(List.of(KernelFilterAbi.STAGE_PLACE), stagesAsked("netns nj-ctr1 and tcp port 80", elsewhere));
        assertEquals(List.of(KernelFilterAbi.STAGE_NETWORK), stagesAsked("udp and port 53", elsewhere));
        assertEquals(List.of(KernelFilterAbi.STAGE_NETWORK, KernelFilterAbi.STAGE_TRANSPORT),
                stagesAsked("tcp and port 80", elsewhere));
    }

    @Test
    void theFirstStagesAreThoseOfTheFirstPrimitiveEvaluated() {
        assertEquals(KernelFilterAbi.STAGE_NETWORK, firstStages("host 198.51.100.250"));
        assertEquals(KernelFilterAbi.STAGE_PLACE, firstStages("netns nj-ctr1 and tcp port 80"));
        assertEquals(KernelFilterAbi.STAGE_TRANSPORT, firstStages("not port 53 or icmp"));
        assertEquals(KernelFilterAbi.STAGE_PLACE, firstStages("(ifname eth0 or arp) and not udp"));
    }

    private static int firstStages(String expression) {
        return FilterCompiler.firstStages(FilterNamespaces.parse(expression));
    }

    @Test
    void theCodeGrowsWithTheFilterNotFaster() {
        int one = instructions("host 2001:db8::1");
        int many = instructions(repeat("host 2001:db8::%d", " or ", 160));
        assertTrue(many <= 160 * one, one + " -> " + many);
        assertTrue(instructions(repeat("port %d", " or ", 160)) < 4000);
    }

    @Test
    void matchAllMatches() {
        byte[] record = StagedRecord.full(HopRecord.encode(FilterEvents.ARP));
        assertEquals(KernelFilterAbi.FILTER_MATCH, new BpfInterpreter(FilterCompiler.matchAll()).run(record, 0));
    }

    static String repeat(String primitive, String operator, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            b.append(i > 1 ? operator : "").append(String.format(primitive, i));
        }
        return b.toString();
    }

    private static int instructions(String expression) {
        return FilterCompiler.compile(FilterParser.parse(expression)).length / BpfAssembler.INSN_SIZE;
    }

    /** The stages the code asks for, in order, on the event's record with stages filled on demand. */
    private static List<Integer> stagesAsked(String expression, HopEvent event) {
        byte[] code = FilterCompiler.compile(FilterNamespaces.parse(expression));
        byte[] record = StagedRecord.full(HopRecord.encode(event));
        List<Integer> asked = new ArrayList<>();
        int done = 0;
        BpfInterpreter run = new BpfInterpreter(code);
        for (long answer = run.run(record, done); answer > KernelFilterAbi.FILTER_MATCH; answer = run.run(record,
                done)) {
            asked.add((int) answer);
            done |= (int) answer | (answer == KernelFilterAbi.STAGE_TRANSPORT ? KernelFilterAbi.STAGE_NETWORK : 0);
        }
        return asked;
    }
}
