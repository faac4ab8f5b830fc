package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netjourney.bpf.BpfInterpreter;
import io.netjourney.capture.HopRecord;
import java.util.Arrays;
import java.util.Random;

/**
 * Runs compiled filter code the way handle_skb() in bpf/netjourney.bpf.c does: the record starts with only its event
 * kind known, every field a stage fills holds garbage until the code asks for that stage; then the stage's fields
 * are filled from the complete record and the code runs again. Code that reads a field before asking for its stage
 * answers wrongly on the garbage and fails the comparison with {@link Filter#matches}.
 */
final class StagedRecord {
    /** {field offset, length} per stage, as the kernel side's stages fill them. */
    private static final int[][] PLACE = {{HopRecord.NETNS_INO, 4}, {HopRecord.IFNAME, 16}};
    private static final int[][] NETWORK = {{HopRecord.ETHERTYPE, 2}, {HopRecord.ADDR_FAMILY, 1},
        {HopRecord.SADDR, 16}, {HopRecord.DADDR, 16}, {HopRecord.L4_PROTO, 1}};
    private static final int[][] TRANSPORT = {{HopRecord.SPORT, 2}, {HopRecord.DPORT, 2}, {HopRecord.FLAGS, 2}};
    static final int ALL = KernelFilterAbi.STAGE_PLACE | KernelFilterAbi.STAGE_NETWORK
            | KernelFilterAbi.STAGE_TRANSPORT;

    private StagedRecord() {
    }

    /** The record as the kernel's scratch holds it: struct nj_hop's full size. */
    static byte[] full(byte[] record) {
        return Arrays.copyOf(record, HopRecord.SIZE);
    }

    /** The answer with every stage done, as for drops and routing decisions. */
    static boolean matchesFilled(byte[] code, byte[] record) {
        return verdict(new BpfInterpreter(code).run(full(record), ALL));
    }

    /**
     * The answer with the first stages filled before the first run and the others on demand; asserts no stage is
     * asked for twice or after it was done.
     */
    static boolean matchesStaged(byte[] code, int firstStages, byte[] record, Random garbage) {
        byte[] complete = full(record);
        byte[] staged = complete.clone();
        for (int[][] stage : new int[][][] {PLACE, NETWORK, TRANSPORT}) {
            for (int[] field : stage) {
                for (int i = 0; i < field[1]; i++) {
                    staged[field[0] + i] = (byte) garbage.nextInt();
                }
            }
        }
        BpfInterpreter interpreter = new BpfInterpreter(code);
        int done = 0;
        if (firstStages != 0) {
            done = provide(staged, complete, firstStages, done);
        }
        for (int round = 0; round < 4; round++) {
            long answer = interpreter.run(staged, done);
            if (answer == KernelFilterAbi.FILTER_REJECT || answer == KernelFilterAbi.FILTER_MATCH) {
                return answer == KernelFilterAbi.FILTER_MATCH;
            }
            assertEquals(1, Long.bitCount(answer), "one stage asked for at a time: " + answer);
            assertTrue((answer & ALL) == answer && (answer & done) == 0, "a stage not done yet: " + answer);
            done = provide(staged, complete, (int) answer, done);
        }
        fail("still asking for stages with all of them done");
        return false;
    }

    /** Fills one stage (the transport header's needs the network header's too); returns the stages done. */
    private static int provide(byte[] staged, byte[] complete, int stage, int done) {
        if (stage == KernelFilterAbi.STAGE_PLACE) {
            fill(staged, complete, PLACE);
        } else {
            fill(staged, complete, NETWORK);
            done |= KernelFilterAbi.STAGE_NETWORK;
            if (stage == KernelFilterAbi.STAGE_TRANSPORT) {
                fill(staged, complete, TRANSPORT);
            }
        }
        return done | stage;
    }

    private static boolean verdict(long answer) {
        if (answer != KernelFilterAbi.FILTER_REJECT && answer != KernelFilterAbi.FILTER_MATCH) {
            fail("with every stage done the code asked for stage " + answer);
        }
        return answer == KernelFilterAbi.FILTER_MATCH;
    }

    private static void fill(byte[] staged, byte[] complete, int[][] fields) {
        for (int[] field : fields) {
            System.arraycopy(complete, field[0], staged, field[0], field[1]);
        }
    }
}
