package io.netjourney.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The load-time configuration the capture writes is struct nj_config of bpf/netjourney.h. */
class CaptureConfigTest {

    @Test
    void theConfigurationIsFirstStagesThenPadding() throws Exception {
        String header = Files.readString(Path.of("bpf", "netjourney.h"));
        Matcher m = Pattern.compile("struct nj_config \\{(.*?)\\};", Pattern.DOTALL).matcher(header);
        assertTrue(m.find(), "struct nj_config in bpf/netjourney.h");
        String fields = m.group(1).replaceAll("/\\*.*?\\*/", "").replaceAll("\\s+", " ").trim();
        assertEquals("__u32 first_stages; __u32 _pad;", fields);
        assertEquals(8, CaptureSession.CONFIG_SIZE);
    }
}
