package io.netjourney.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Code addresses named from kallsyms' text symbols, as drop locations are. */
class KernelSymbolsTest {
    private static final String KALLSYMS = """
            0000000000000000 A fixed_percpu_data
            ffffffff81000000 T _stext
            ffffffff81a00000 T nf_hook_slow
            ffffffff81a00200 t nf_hook_entries_grow
            ffffffff81a00400 D some_data
            ffffffff81a00800 T kfree_skb_reason
            ffffffffc0001000 t veth_xmit\t[veth]
            ffffffffc0000000 t br_handle_frame\t[bridge]
            garbage line
            ffffffffc0002000 T
            """;

    private static KernelSymbols symbols() {
        return KernelSymbols.parse(KALLSYMS.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anAddressIsNamedByTheTextSymbolAtOrBelowIt() {
        KernelSymbols s = symbols();
        assertEquals(6, s.size(), "text symbols only, none of 0, data, garbage or a line cut short");
        assertEquals("nf_hook_slow", s.name(0xffffffff81a00000L));
        assertEquals("nf_hook_slow+0x9e", s.name(0xffffffff81a0009eL));
        assertEquals("nf_hook_entries_grow+0x300", s.name(0xffffffff81a00500L), "data symbols do not name code");
        assertEquals("kfree_skb_reason+0x10", s.name(0xffffffff81a00810L));
        assertEquals("veth_xmit+0x4", s.name(0xffffffffc0001004L), "a module's symbol, without its module");
        assertEquals("br_handle_frame+0x8", s.name(0xffffffffc0000008L), "modules listed out of order are sorted");
        assertNull(s.name(0xffffffff80000000L), "below the first symbol");
        assertNull(s.name(0));
    }

    @Test
    void whereNothingCanBeReadNothingIsNamed() {
        KernelSymbols none = KernelSymbols.read(Path.of("/nonexistent/kallsyms"));
        assertEquals(0, none.size());
        assertNull(none.name(0xffffffff81a00000L));
    }

    @Test
    void theRunningKernelsSymbolsNameItsOwnFunctions() throws Exception {
        KernelSymbols kernel = KernelSymbols.read(Path.of("/proc/kallsyms"));
        List<String> text = Files.readAllLines(Path.of("/proc/kallsyms")).stream()
                .filter(l -> l.matches("[0-9a-f]{16} [tT] \\S+")).toList();
        if (text.isEmpty() || text.get(0).startsWith("0000000000000000")) {
            assertEquals(0, kernel.size(), "not root: addresses hidden, nothing named");
            return;
        }
        assertTrue(kernel.size() >= text.size() && kernel.size() > 10_000, "a kernel's text symbols: " + kernel.size());
        Map<String, Long> perAddress = text.stream()
                .collect(Collectors.groupingBy(l -> l.substring(0, 16), Collectors.counting()));
        String alone = text.stream().filter(l -> perAddress.get(l.substring(0, 16)) == 1).skip(text.size() / 2)
                .findFirst().orElseThrow();
        long address = Long.parseUnsignedLong(alone.substring(0, 16), 16);
        assertEquals(alone.substring(19) + "+0x1", kernel.name(address + 1), alone);
    }
}
