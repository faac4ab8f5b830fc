package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KernelFilterTest {

    private static KernelProgram compile(String expression) {
        KernelFilter kernel = KernelFilter.compile(FilterNamespaces.parse(expression));
        assertTrue(kernel.exact(), expression);
        byte[] config = kernel.config();
        assertEquals(1288, config.length);
        KernelProgram program = new KernelProgram(config);
        assertEquals(kernel.instructionCount(), program.length());
        return program;
    }

    private static void assertOps(KernelProgram program, int... ops) {
        assertEquals(ops.length, program.length());
        for (int i = 0; i < ops.length; i++) {
            assertEquals(ops[i], program.op(i), "op of instruction " + i);
        }
    }

    @Test
    void protocol() {
        KernelProgram p = compile("tcp");
        assertOps(p, KernelFilterAbi.OP_PROTO);
        assertEquals(KernelFilterAbi.PROTO_TCP, p.proto(0));
        assertEquals(0, p.dir(0));
        assertEquals(0, p.family(0));
        assertEquals(0, p.port(0));
        assertEquals(0, p.value(0, 0) | p.value(0, 1) | p.mask(0, 0) | p.mask(0, 1));
    }

    @Test
    void allIp() {
        KernelProgram p = new KernelProgram(KernelFilter.compile(Filter.ALL_IP).config());
        assertOps(p, KernelFilterAbi.OP_PROTO, KernelFilterAbi.OP_PROTO, KernelFilterAbi.OP_OR);
        assertEquals(KernelFilterAbi.PROTO_IP, p.proto(0));
        assertEquals(KernelFilterAbi.PROTO_IP6, p.proto(1));
    }

    @Test
    void ipv4HostIsAddressBytesInNetworkOrder() {
        byte[] config = KernelFilter.compile(FilterParser.parse("src host 198.51.100.1")).config();
        KernelProgram p = new KernelProgram(config);
        assertOps(p, KernelFilterAbi.OP_ADDR);
        assertEquals(KernelFilterAbi.DIR_SRC, p.dir(0));
        assertEquals(4, p.family(0));
        int insn = p.base(0);
        assertArrayEquals(new byte[] {(byte) 198, 51, 100, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                Arrays.copyOfRange(config, insn + 8, insn + 24));
        assertArrayEquals(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                Arrays.copyOfRange(config, insn + 24, insn + 40));
        // what the C compares against after memcpy(&a0, saddr, 8) on a little-endian machine
        assertEquals(0x016433c6L, p.value(0, 0));
        assertEquals(0xffffffffL, p.mask(0, 0));
        assertEquals(0, p.value(0, 1) | p.mask(0, 1));
    }

    @Test
    void ipv4NetworkMaskCoversPrefixOnly() {
        KernelProgram p = compile("net 10.2.0.0/15");
        assertEquals(KernelFilterAbi.DIR_ANY, p.dir(0));
        assertEquals(0x020aL, p.value(0, 0));
        assertEquals(0xfeffL, p.mask(0, 0));
    }

    @Test
    void ipv6Network() {
        KernelProgram p = compile("dst net 2001:db8:ff00::/40");
        assertOps(p, KernelFilterAbi.OP_ADDR);
        assertEquals(KernelFilterAbi.DIR_DST, p.dir(0));
        assertEquals(6, p.family(0));
        assertEquals(0xffb80d0120L, p.value(0, 0));
        assertEquals(0xffffffffffL, p.mask(0, 0));
        assertEquals(0, p.value(0, 1) | p.mask(0, 1));
    }

    @Test
    void ipv6HostUsesBothWords() {
        KernelProgram p = compile("host 2001:db8::8:1");
        assertEquals(0xb80d0120L, p.value(0, 0));
        assertEquals(0x0100080000000000L, p.value(0, 1));
        assertEquals(-1L, p.mask(0, 0));
        assertEquals(-1L, p.mask(0, 1));
    }

    @Test
    void namespaceInodeIsTheLow32BitsOfTheFirstValueWord() {
        KernelProgram p = compile("netns 4026532300");
        assertOps(p, KernelFilterAbi.OP_NETNS);
        assertEquals(4026532300L, p.value(0, 0));
        assertEquals(0, p.value(0, 1) | p.mask(0, 0) | p.mask(0, 1));
        assertEquals(0, p.dir(0) | p.family(0) | p.proto(0) | p.port(0));
    }

    @Test
    void aNameOfSeveralNamespacesTestsEachInAscendingOrder() {
        KernelProgram p = compile("container web1");
        assertOps(p, KernelFilterAbi.OP_NETNS, KernelFilterAbi.OP_NETNS, KernelFilterAbi.OP_OR);
        assertEquals(FilterNamespaces.DOCKER_WEB1, p.value(0, 0));
        assertEquals(FilterNamespaces.PODMAN_WEB1, p.value(1, 0));
    }

    @Test
    void interfaceNameIsItsBytesAndTheMaskCoversItsNul() {
        byte[] config = KernelFilter.compile(FilterParser.parse("ifname eth0")).config();
        KernelProgram p = new KernelProgram(config);
        assertOps(p, KernelFilterAbi.OP_IFNAME);
        int insn = p.base(0);
        assertArrayEquals(new byte[] {'e', 't', 'h', '0', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                Arrays.copyOfRange(config, insn + 8, insn + 24));
        assertArrayEquals(new byte[] {-1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                Arrays.copyOfRange(config, insn + 24, insn + 40));
    }

    @Test
    void aFifteenByteInterfaceNameFillsTheField() {
        KernelProgram p = compile("ifname abcdefghijklmno");
        assertEquals(-1L, p.mask(0, 0));
        assertEquals(-1L, p.mask(0, 1));
        assertEquals(0, p.value(0, 1) >>> 56, "the NUL");
    }

    @Test
    void postfixOrder() {
        KernelProgram p = compile("tcp and not dst port 443 or src port 22");
        assertOps(p, KernelFilterAbi.OP_PROTO, KernelFilterAbi.OP_PORT, KernelFilterAbi.OP_NOT,
                KernelFilterAbi.OP_AND, KernelFilterAbi.OP_PORT, KernelFilterAbi.OP_OR);
        assertEquals(KernelFilterAbi.PROTO_TCP, p.proto(0));
        assertEquals(KernelFilterAbi.DIR_DST, p.dir(1));
        assertEquals(443, p.port(1));
        assertEquals(KernelFilterAbi.DIR_SRC, p.dir(4));
        assertEquals(22, p.port(4));
    }

    @Test
    void portIsLittleEndianU16() {
        byte[] config = KernelFilter.compile(FilterParser.parse("port 65534")).config();
        int insn = new KernelProgram(config).base(0);
        assertEquals((byte) 0xfe, config[insn + 4]);
        assertEquals((byte) 0xff, config[insn + 5]);
        assertEquals(0, config[insn + 6] | config[insn + 7]);
    }

    @Test
    void unusedInstructionsAreZero() {
        byte[] config = KernelFilter.compile(FilterParser.parse("tcp or udp")).config();
        assertEquals(3, new KernelProgram(config).length());
        assertEquals(0, config[4] | config[5] | config[6] | config[7]);
        for (int i = 8 + 3 * 40; i < config.length; i++) {
            assertEquals(0, config[i], "byte " + i);
        }
    }

    @Test
    void thirtyTwoInstructionsFit() {
        KernelFilter kernel = KernelFilter.compile(FilterParser.parse("not (" + ports(16) + ")"));
        assertTrue(kernel.exact());
        assertEquals(32, kernel.instructionCount());
        assertTrue(kernel.warning().isEmpty());
    }

    @Test
    void longerProgramsFallBackToJava() {
        Filter filter = FilterParser.parse(ports(17));
        KernelFilter kernel = KernelFilter.compile(filter);
        assertFalse(kernel.exact());
        assertEquals(0, kernel.instructionCount());
        assertArrayEquals(new byte[KernelFilter.CONFIG_SIZE], kernel.config());
        assertTrue(kernel.warning().orElseThrow().contains("33 kernel instructions"), kernel.warning().get());
        assertEquals(filter, kernel.filter());
        assertTrue(kernel.toString().startsWith("kernel filter empty"), kernel.toString());
    }

    @Test
    void configIsACopy() {
        KernelFilter kernel = KernelFilter.compile(Filter.ALL_IP);
        byte[] first = kernel.config();
        first[0] = 99;
        assertNotSame(first, kernel.config());
        assertEquals(3, kernel.config()[0]);
    }

    private static String ports(int count) {
        StringBuilder b = new StringBuilder("port 1");
        for (int i = 2; i <= count; i++) {
            b.append(" or port ").append(i);
        }
        return b.toString();
    }
}
