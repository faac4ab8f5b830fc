package io.netjourney.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netjourney.capture.CaptureSession;
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
    void verdicts() {
        Map<String, Integer> java = new LinkedHashMap<>();
        java.put("NJ_FILTER_REJECT", KernelFilterAbi.FILTER_REJECT);
        java.put("NJ_FILTER_MATCH", KernelFilterAbi.FILTER_MATCH);
        assertEquals(enumValues("nj_filter_verdict"), java);
    }

    @Test
    void stages() {
        Map<String, Integer> java = new LinkedHashMap<>();
        for (FilterCompiler.Stage stage : FilterCompiler.Stage.values()) {
            java.put("NJ_STAGE_" + stage.name(), stage.bit);
        }
        java.put("NJ_STAGE_ALL", StagedRecord.ALL);
        assertEquals(enumValues("nj_stage"), java);
        assertEquals(KernelFilterAbi.STAGE_PLACE, FilterCompiler.Stage.PLACE.bit);
        assertEquals(KernelFilterAbi.STAGE_NETWORK, FilterCompiler.Stage.NETWORK.bit);
        assertEquals(KernelFilterAbi.STAGE_TRANSPORT, FilterCompiler.Stage.TRANSPORT.bit);
    }

    @Test
    void theFilterSiteMarker() {
        Matcher m = Pattern.compile("#define\\s+NJ_FILTER_SITE\\s+0x([0-9a-f]+)").matcher(header);
        assertEquals(true, m.find(), "NJ_FILTER_SITE in bpf/netjourney.h");
        assertEquals(Long.parseUnsignedLong(m.group(1), 16), CaptureSession.FILTER_SITE);
    }

    private static Map<String, Integer> enumValues(String name) {
        Matcher body = Pattern.compile("enum\\s+" + name + "\\s*\\{(.*?)\\}", Pattern.DOTALL).matcher(header);
        if (!body.find()) {
            throw new AssertionError("enum " + name + " not found in bpf/netjourney.h");
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)\\s*=\\s*(\\d+)").matcher(body.group(1).replaceAll("/\\*.*?\\*/", ""));
        while (m.find()) {
            values.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return values;
    }
}
