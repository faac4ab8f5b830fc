package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java side of the filter ABI against bpf/netjourney.h, so neither can drift silently. */
class KernelFilterAbiTest {
    private static String header;

    @BeforeAll
    static void readHeader() throws IOException {
        header = Files.readString(Path.of("bpf", "netjourney.h"));
    }

    @Test
    void sizes() {
        assertEquals(define("NJ_FILTER_INSN_SIZE"), KernelFilterAbi.INSN_SIZE);
        assertEquals(define("NJ_FILTER_MAX_INSNS"), KernelFilterAbi.MAX_INSNS);
        assertEquals(KernelFilterAbi.CONFIG_HEADER_SIZE + KernelFilterAbi.MAX_INSNS * KernelFilterAbi.INSN_SIZE,
                KernelFilter.CONFIG_SIZE);
    }

    @Test
    void ops() {
        Map<String, Integer> java = new LinkedHashMap<>();
        java.put("NJ_OP_PROTO", KernelFilterAbi.OP_PROTO);
        java.put("NJ_OP_ADDR", KernelFilterAbi.OP_ADDR);
        java.put("NJ_OP_PORT", KernelFilterAbi.OP_PORT);
        java.put("NJ_OP_AND", KernelFilterAbi.OP_AND);
        java.put("NJ_OP_OR", KernelFilterAbi.OP_OR);
        java.put("NJ_OP_NOT", KernelFilterAbi.OP_NOT);
        java.put("NJ_OP_TRUE", KernelFilterAbi.OP_TRUE);
        java.put("NJ_OP_NETNS", KernelFilterAbi.OP_NETNS);
        java.put("NJ_OP_IFNAME", KernelFilterAbi.OP_IFNAME);
        assertEquals(enumValues("nj_filter_op"), java);
    }

    @Test
    void directions() {
        Map<String, Integer> java = new LinkedHashMap<>();
        for (Direction d : Direction.values()) {
            java.put("NJ_DIR_" + d.name(), d.kernelCode());
        }
        assertEquals(enumValues("nj_filter_dir"), java);
        assertEquals(KernelFilterAbi.DIR_ANY, Direction.ANY.kernelCode());
    }

    @Test
    void protocols() {
        Map<String, Integer> java = new LinkedHashMap<>();
        for (Protocol p : Protocol.values()) {
            java.put("NJ_PROTO_" + p.name(), p.kernelCode());
        }
        assertEquals(enumValues("nj_filter_proto"), java);
    }

    /** Field offsets of struct nj_filter_insn and nj_config, computed from the header with natural alignment. */
    @Test
    void structLayouts() {
        Map<String, Integer> insn = offsets("nj_filter_insn");
        assertEquals(KernelFilterAbi.INSN_OP, insn.get("op"));
        assertEquals(KernelFilterAbi.INSN_DIR, insn.get("dir"));
        assertEquals(KernelFilterAbi.INSN_FAMILY, insn.get("family"));
        assertEquals(KernelFilterAbi.INSN_PROTO, insn.get("proto"));
        assertEquals(KernelFilterAbi.INSN_PORT, insn.get("port"));
        assertEquals(KernelFilterAbi.INSN_VALUE, insn.get("value"));
        assertEquals(KernelFilterAbi.INSN_MASK, insn.get("mask"));
        assertEquals(KernelFilterAbi.INSN_SIZE, insn.get("sizeof"));
        Map<String, Integer> config = offsets("nj_config");
        assertEquals(KernelFilterAbi.CONFIG_FILTER_LEN, config.get("filter_len"));
        assertEquals(KernelFilterAbi.CONFIG_FILTER, config.get("filter"));
        assertEquals(KernelFilter.CONFIG_SIZE, config.get("sizeof"));
    }

    private static int define(String name) {
        Matcher m = Pattern.compile("#define\\s+" + name + "\\s+(\\d+)").matcher(header);
        if (!m.find()) {
            throw new AssertionError(name + " not defined in bpf/netjourney.h");
        }
        return Integer.parseInt(m.group(1));
    }

    private static String body(String kind, String name) {
        Matcher m = Pattern.compile(kind + "\\s+" + name + "\\s*\\{(.*?)\\}", Pattern.DOTALL).matcher(header);
        if (!m.find()) {
            throw new AssertionError(kind + " " + name + " not found in bpf/netjourney.h");
        }
        return m.group(1).replaceAll("/\\*.*?\\*/", "");
    }

    private static Map<String, Integer> enumValues(String name) {
        Map<String, Integer> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)\\s*=\\s*(\\d+)").matcher(body("enum", name));
        while (m.find()) {
            values.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return values;
    }

    /** Offsets of a struct's fields (types __u8/__u16/__u32/__u64 or struct nj_filter_insn), plus "sizeof". */
    private static Map<String, Integer> offsets(String struct) {
        Map<String, Integer> offsets = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(__u8|__u16|__u32|__u64|struct nj_filter_insn)\\s+(\\w+)(?:\\[(\\w+)\\])?\\s*;")
                .matcher(body("struct", struct));
        int offset = 0;
        int maxAlign = 1;
        while (m.find()) {
            int size = m.group(1).startsWith("struct") ? KernelFilterAbi.INSN_SIZE
                    : Integer.parseInt(m.group(1).substring(3)) / 8;
            int align = m.group(1).startsWith("struct") ? 8 : size;
            int count = m.group(3) == null ? 1 : m.group(3).matches("\\d+") ? Integer.parseInt(m.group(3))
                    : define(m.group(3));
            offset = (offset + align - 1) / align * align;
            offsets.put(m.group(2), offset);
            offset += size * count;
            maxAlign = Math.max(maxAlign, align);
        }
        offsets.put("sizeof", (offset + maxAlign - 1) / maxAlign * maxAlign);
        return offsets;
    }
}
