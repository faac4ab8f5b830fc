package io.netjourney.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java decoder's offsets must equal the C compiler's layout of struct nj_hop, struct nj_crossing (S_*) and struct
 * nj_device (D_*) in bpf/netjourney.h, and its event
 * kinds ({@code EV_*}) the values of enum nj_event.
 */
class HopRecordLayoutTest {

    @Test
    void offsetsMatchTheCompiledHeader(@TempDir Path dir) throws Exception {
        Map<String, Integer> java = javaOffsets();
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <linux/types.h>\n")
                .append("#include \"").append(Path.of("bpf/netjourney.h").toAbsolutePath()).append("\"\n")
                .append("int main(void) {\n")
                .append("  printf(\"SIZE %zu\\n\", sizeof(struct nj_hop));\n");
        c.append("  printf(\"CROSSING_SIZE %d\\n\", NJ_CROSSING_SIZE);\n");
        c.append("  printf(\"VERDICT_SIZE %d\\n\", NJ_VERDICT_SIZE);\n");
        c.append("  printf(\"SHORT_SIZE %zu\\n\", sizeof(struct nj_crossing));\n");
        c.append("  printf(\"DEVICE_SIZE %zu\\n\", sizeof(struct nj_device));\n");
        for (String constant : java.keySet()) {
            if (constant.startsWith("S_") || constant.startsWith("D_")) {
                c.append("  printf(\"").append(constant).append(" %zu\\n\", offsetof(struct ")
                        .append(constant.startsWith("S_") ? "nj_crossing" : "nj_device").append(", ")
                        .append(constant.substring(2).toLowerCase(Locale.ROOT)).append("));\n");
            } else if (constant.startsWith("EV_")) {
                c.append("  printf(\"").append(constant).append(" %d\\n\", NJ_").append(constant).append(");\n");
            } else if (!constant.endsWith("SIZE")) {
                c.append("  printf(\"").append(constant).append(" %zu\\n\", offsetof(struct nj_hop, ")
                        .append(constant.toLowerCase(Locale.ROOT)).append("));\n");
            }
        }
        c.append("  return 0;\n}\n");
        Path source = dir.resolve("layout.c");
        Path binary = dir.resolve("layout");
        Files.writeString(source, c);
        run(dir, "clang", "-o", binary.toString(), source.toString());
        String output = run(dir, binary.toString());

        Map<String, Integer> compiled = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] parts = line.trim().split(" ");
            compiled.put(parts[0], Integer.parseInt(parts[1]));
        }
        assertEquals(java, compiled);
    }

    private static Map<String, Integer> javaOffsets() throws IllegalAccessException {
        Map<String, Integer> offsets = new LinkedHashMap<>();
        for (Field field : HopRecord.class.getDeclaredFields()) {
            boolean constant = Modifier.isStatic(field.getModifiers()) && field.getType() == int.class;
            if (constant && !field.getName().equals("NAME_SIZE") && !field.getName().equals("SIZE_V1")) {
                offsets.put(field.getName(), field.getInt(null));
            }
        }
        assertTrue(offsets.size() > 30, "found the offset constants");
        return offsets;
    }

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
