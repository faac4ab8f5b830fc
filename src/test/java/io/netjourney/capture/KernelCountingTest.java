package io.netjourney.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flow_counts' key and value as bpf/netjourney.h lays them out, decoded into {@link KernelCount}s. */
class KernelCountingTest {

    @Test
    void offsetsMatchTheCompiledHeader(@TempDir Path dir) throws Exception {
        Map<String, Integer> java = new LinkedHashMap<>();
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <linux/types.h>\n")
                .append("#include \"").append(Path.of("bpf/netjourney.h").toAbsolutePath()).append("\"\n")
                .append("int main(void) {\n");
        for (Field field : KernelCounting.class.getDeclaredFields()) {
            String name = field.getName();
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != int.class) {
                continue;
            }
            java.put(name, field.getInt(null));
            String struct = name.startsWith("K_") ? "nj_count_key" : name.startsWith("V_") ? "nj_count" : null;
            if (struct != null) {
                c.append("  printf(\"").append(name).append(" %zu\\n\", offsetof(struct ").append(struct)
                        .append(", ").append(name.substring(2).toLowerCase(Locale.ROOT)).append("));\n");
            }
        }
        c.append("  printf(\"SETTINGS_SIZE %zu\\n\", sizeof(struct nj_settings));\n")
                .append("  printf(\"KEY_SIZE %zu\\n\", sizeof(struct nj_count_key));\n")
                .append("  printf(\"VALUE_SIZE %zu\\n\", sizeof(struct nj_count));\n")
                .append("  return 0;\n}\n");
        Path source = dir.resolve("layout.c");
        Files.writeString(source, c);
        HopRecordLayoutTest.run(dir, "clang", "-o", dir.resolve("layout").toString(), source.toString());
        Map<String, Integer> compiled = new LinkedHashMap<>();
        for (String line : HopRecordLayoutTest.run(dir, dir.resolve("layout").toString()).split("\n")) {
            String[] parts = line.trim().split(" ");
            compiled.put(parts[0], Integer.parseInt(parts[1]));
        }
        assertEquals(java, compiled);
        assertEquals(KernelCount.BUCKETS * 4, KernelCounting.VALUE_SIZE - KernelCounting.V_SINCE_FIRST);
    }

    @Test
    void settingsSayWhetherToCountAndHowManyToSend() {
        assertArrayEquals(new byte[8], KernelCounting.settings(0));
        ByteBuffer every100 = ByteBuffer.wrap(KernelCounting.settings(100)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, every100.getInt(0));
        assertEquals(100, every100.getInt(4));
        assertThrows(IllegalArgumentException.class, () -> KernelCounting.settings(-1));
    }

    @Test
    void anEchoCountIsSummedOverTheCpus() throws Exception {
        byte[] key = key("198.51.100.2", "198.51.100.3", "eth0", 4026532300L, 2, 0, Hook.NET_DEV_QUEUE, 1, 4242,
                8 << 8);
        KernelCount count = KernelCounting.decode(key, new byte[][] {
            value(3, 294, 1_000, 5_000, new long[] {3}),
            value(2, 196, 900, 7_000, new long[] {1, 0, 0, 1})}, null);
        assertEquals(5, count.packets());
        assertEquals(490, count.bytes());
        assertEquals(900, count.firstNs());
        assertEquals(7_000, count.lastNs());
        assertEquals(4, count.sinceFirst()[0]);
        assertEquals(1, count.sinceFirst()[3]);
        Crossing at = assertInstanceOf(Crossing.class, count.at());
        assertEquals(Hook.NET_DEV_QUEUE, at.hook());
        assertEquals(InetAddress.getByName("198.51.100.2"), at.source());
        assertEquals(InetAddress.getByName("198.51.100.3"), at.destination());
        assertEquals("eth0", at.ifname());
        assertEquals(4026532300L, at.netnsInode());
        assertEquals(2, at.ifindex());
        assertTrue(at.packet().isEcho(), "an echo request: " + at.packet());
        assertEquals(4242, at.packet().icmpId());
        assertEquals(8, at.packet().icmpType());
        assertEquals(0, at.packet().sourcePort());
    }

    @Test
    void aDropCountCarriesItsReasonAndPortsStayPorts() throws Exception {
        byte[] key = key("2001:db8::1", "2001:db8::2", "", 4026532301L, 0, 3, Hook.KFREE_SKB, 17, 40000, 53);
        ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN).putLong(KernelCounting.K_DROP_LOCATION, 0xffffffff81234567L);
        KernelCount count = KernelCounting.decode(key, new byte[][] {value(7, 700, 1, 2, new long[] {0, 7})}, null);
        Drop drop = assertInstanceOf(Drop.class, count.at());
        assertTrue(count.drops());
        assertEquals(3, drop.reason());
        assertEquals(0xffffffff81234567L, drop.location());
        assertEquals(InetAddress.getByName("2001:db8::2"), drop.destination());
        assertEquals(40000, drop.sourcePort());
        assertEquals(53, drop.destinationPort());
        assertEquals("", drop.ifname());
    }

    @Test
    void anEntryOfAnotherBuildIsRefused() {
        CaptureException e = assertThrows(CaptureException.class,
                () -> KernelCounting.decode(new byte[64], new byte[][] {new byte[KernelCounting.VALUE_SIZE]}, null));
        assertTrue(e.getMessage().contains("different builds"), e.getMessage());
    }

    static byte[] key(String source, String destination, String ifname, long netns, int ifindex, int dropReason,
            Hook hook, int protocol, int sport, int dport) throws Exception {
        ByteBuffer k = ByteBuffer.allocate(KernelCounting.KEY_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        byte[] src = InetAddress.getByName(source).getAddress();
        byte[] dst = InetAddress.getByName(destination).getAddress();
        k.put(KernelCounting.K_SADDR, src).put(KernelCounting.K_DADDR, dst);
        k.put(KernelCounting.K_IFNAME, ifname.getBytes(StandardCharsets.US_ASCII));
        k.putInt(KernelCounting.K_NETNS_INO, (int) netns).putInt(KernelCounting.K_IFINDEX, ifindex)
                .putInt(KernelCounting.K_DROP_REASON, dropReason).putShort(KernelCounting.K_HOOK, (short) hook.id())
                .putShort(KernelCounting.K_ETHERTYPE, (short) (src.length == 4 ? 0x0800 : 0x86DD))
                .putShort(KernelCounting.K_SPORT, (short) sport).putShort(KernelCounting.K_DPORT, (short) dport)
                .put(KernelCounting.K_L4_PROTO, (byte) protocol)
                .put(KernelCounting.K_ADDR_FAMILY, (byte) (src.length == 4 ? 4 : 6));
        return k.array();
    }

    static byte[] value(long packets, long bytes, long firstNs, long lastNs, long[] buckets) {
        ByteBuffer v = ByteBuffer.allocate(KernelCounting.VALUE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        v.putLong(KernelCounting.V_PACKETS, packets).putLong(KernelCounting.V_BYTES, bytes)
                .putLong(KernelCounting.V_FIRST_NS, firstNs).putLong(KernelCounting.V_LAST_NS, lastNs);
        for (int b = 0; b < buckets.length; b++) {
            v.putInt(KernelCounting.V_SINCE_FIRST + 4 * b, (int) buckets[b]);
        }
        return v.array();
    }
}
