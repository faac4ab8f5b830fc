package io.netjourney.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The kernel's text symbols by address, as /proc/kallsyms lists them ("ffffffff81a00000 T nf_hook_slow"): what names
 * the code address a drop record carries. The file is kept as read and a name made only when asked for: a kernel
 * lists some 120,000 text symbols and a capture asks for a handful.
 */
final class KernelSymbols {
    private static final KernelSymbols NONE = new KernelSymbols(new byte[0], new long[0], new int[0]);

    private final byte[] text;
    /** Ascending, compared unsigned. */
    private final long[] addresses;
    /** Where each address's name starts in {@link #text}. */
    private final int[] names;

    private KernelSymbols(byte[] text, long[] addresses, int[] names) {
        this.text = text;
        this.addresses = addresses;
        this.names = names;
    }

    /** The symbols of a kallsyms file; none when it cannot be read (or lists every address as 0: not root). */
    static KernelSymbols read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            return NONE;
        }
    }

    /** The text symbols ("t" and "T") of kallsyms' lines: address, type, name, and a module in brackets or not. */
    static KernelSymbols parse(byte[] text) {
        long[] addresses = new long[1024];
        int[] names = new int[1024];
        int count = 0;
        boolean sorted = true;
        int at = 0;
        while (at < text.length) {
            int end = at;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            long address = 0;
            int i = at;
            int digits = 0;
            for (; i < end && text[i] != ' '; i++, digits++) {
                int digit = Character.digit(text[i], 16);
                if (digit < 0 || digits == 16) {
                    digits = -1;
                    break;
                }
                address = address << 4 | digit;
            }
            boolean textSymbol = digits > 0 && i + 3 < end && text[i] == ' ' && text[i + 2] == ' '
                    && (text[i + 1] == 't' || text[i + 1] == 'T');
            if (textSymbol && address != 0) {
                if (count == addresses.length) {
                    addresses = Arrays.copyOf(addresses, count * 2);
                    names = Arrays.copyOf(names, count * 2);
                }
                sorted &= count == 0 || Long.compareUnsigned(addresses[count - 1], address) <= 0;
                addresses[count] = address;
                names[count] = i + 3;
                count++;
            }
            at = end + 1;
        }
        addresses = Arrays.copyOf(addresses, count);
        names = Arrays.copyOf(names, count);
        if (!sorted) {
            sortByAddress(addresses, names);
        }
        return new KernelSymbols(text, addresses, names);
    }

    int size() {
        return addresses.length;
    }

    /** "nf_hook_slow+0x9e" for an address 0x9e into nf_hook_slow, or null below the first symbol (or for 0). */
    String name(long address) {
        if (address == 0) {
            return null;
        }
        int low = 0;
        int high = addresses.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(addresses[mid], address) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (found < 0) {
            return null;
        }
        int start = names[found];
        int end = start;
        while (end < text.length && text[end] != ' ' && text[end] != '\t' && text[end] != '\n') {
            end++;
        }
        String name = new String(text, start, end - start, StandardCharsets.US_ASCII);
        long offset = address - addresses[found];
        return offset == 0 ? name : name + String.format(Locale.ROOT, "+0x%x", offset);
    }

    private static void sortByAddress(long[] addresses, int[] names) {
        Integer[] order = new Integer[addresses.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(addresses[a], addresses[b]));
        long[] byAddress = addresses.clone();
        int[] nameAt = names.clone();
        for (int i = 0; i < order.length; i++) {
            addresses[i] = byAddress[order[i]];
            names[i] = nameAt[order[i]];
        }
    }
}
