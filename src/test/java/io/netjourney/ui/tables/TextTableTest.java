package io.netjourney.ui.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private static final TextTable HOPS = new TextTable(List.of("t (µs)", "interface", "source → destination"),
            List.of(List.of("+0.0", "nj-veth1", "198.51.100.1 → 198.51.100.2"),
                    List.of("+12.5", "eth0", "route: table main, via \"gw\", dev eth0")));

    @Test
    void csvHasTheHeaderThenOneLinePerRowAndQuotesOnlyWhatNeedsIt() {
        assertEquals("t (µs),interface,source → destination\r\n"
                + "+0.0,nj-veth1,198.51.100.1 → 198.51.100.2\r\n"
                + "+12.5,eth0,\"route: table main, via \"\"gw\"\", dev eth0\"\r\n", HOPS.toCsv());
    }

    @Test
    void csvQuotesLineBreaksAndKeepsThem() {
        TextTable table = new TextTable(List.of("a", "b"), List.of(List.of("one\ntwo", "x\ry")));
        assertEquals("a,b\r\n\"one\ntwo\",\"x\ry\"\r\n", table.toCsv());
    }

    @Test
    void tsvIsOneLinePerRowWithTabsAndLineBreaksInFieldsMadeSpaces() {
        TextTable table = new TextTable(List.of("namespace", "interface"),
                List.of(List.of("nj-host", "nj-br0"), List.of("a\tb", "c\r\nd\ne")));
        assertEquals("namespace\tinterface\nnj-host\tnj-br0\na b\tc d e\n", table.toTsv());
    }

    @Test
    void aMissingFieldIsEmptyAndARowOfAnotherWidthIsRefused() {
        TextTable table = new TextTable(List.of("a", "b"), List.of(Arrays.asList("1", null)));
        assertEquals("a,b\r\n1,\r\n", table.toCsv());
        assertEquals("a\tb\n1\t\n", table.toTsv());
        assertThrows(IllegalArgumentException.class, () -> new TextTable(List.of("a", "b"), List.of(List.of("1"))));
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertEquals("a,b\r\n", new TextTable(List.of("a", "b"), List.of()).toCsv());
    }
}
