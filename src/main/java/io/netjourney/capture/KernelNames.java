package io.netjourney.capture;

import io.netjourney.bpf.KernelSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names for what drop records carry as numbers: the drop reason (from the kernel's BTF enum skb_drop_reason,
 * so the names match the running kernel) and the dropping code's address (from /proc/kallsyms).
 */
public final class KernelNames {
    private static final String REASON_PREFIX = "SKB_DROP_REASON_";
    private static final Path KALLSYMS = Path.of("/proc/kallsyms");

    private final Map<Integer, String> reasons;
    private long[] addresses;
    private String[] symbols;

    private KernelNames(Map<Integer, String> reasons) {
        this.reasons = reasons;
    }

    /** The running kernel's names, from its BTF (already loaded: parsing it takes a while). */
    public static KernelNames from(KernelSupport.Btf btf) {
        return new KernelNames(Map.copyOf(btf.enumValues("skb_drop_reason")));
    }

    /** The drop with its names filled in (unchanged when it has them). */
    public Drop name(Drop drop) {
        if (drop.reasonName() != null) {
            return drop;
        }
        return drop.named(reason(drop.reason()), symbol(drop.location()));
    }

    /** "NETFILTER_DROP" for SKB_DROP_REASON_NETFILTER_DROP; null when unknown. */
    String reason(int value) {
        String name = reasons.get(value);
        if (name == null) {
            return null;
        }
        return name.startsWith(REASON_PREFIX) ? name.substring(REASON_PREFIX.length()) : name;
    }

    /** "nf_hook_slow+0x9e", or null when the address is not in a known text symbol. */
    synchronized String symbol(long address) {
        if (address == 0) {
            return null;
        }
        if (addresses == null) {
            load();
        }
        int i = Arrays.binarySearch(addresses, address);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0) {
            return null;
        }
        long offset = address - addresses[i];
        return offset == 0 ? symbols[i] : symbols[i] + String.format(Locale.ROOT, "+0x%x", offset);
    }

    private void load() {
        List<long[]> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(KALLSYMS, StandardCharsets.US_ASCII)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(" ", 4);
                if (f.length < 3 || !(f[1].equals("t") || f[1].equals("T"))) {
                    continue;
                }
                long address = Long.parseUnsignedLong(f[0], 16);
                if (address != 0) {
                    entries.add(new long[] {address, names.size()});
                    names.add(f[2]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            entries.clear();
        }
        entries.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
        addresses = new long[entries.size()];
        symbols = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            addresses[i] = entries.get(i)[0];
            symbols[i] = names.get((int) entries.get(i)[1]);
        }
    }
}
