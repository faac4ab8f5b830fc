package io.netjourney.capture;

import io.netjourney.bpf.KernelSupport;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Names for what drop records carry as numbers: the drop reason (from the kernel's BTF enum skb_drop_reason,
 * so the names match the running kernel) and the dropping code's address (from /proc/kallsyms).
 */
public final class KernelNames {
    private static final String REASON_PREFIX = "SKB_DROP_REASON_";
    private static final Path KALLSYMS = Path.of("/proc/kallsyms");

    private final Map<Integer, String> reasons;
    private final CompletableFuture<KernelSymbols> symbols = new CompletableFuture<>();

    private KernelNames(Map<Integer, String> reasons) {
        this.reasons = reasons;
        // read while the programs load: on the first drop it held the capture's first line for a quarter second
        Thread reader = new Thread(() -> {
            try {
                symbols.complete(KernelSymbols.read(KALLSYMS));
            } catch (RuntimeException e) {
                symbols.complete(KernelSymbols.parse(new byte[0])); // drops then show their addresses unnamed
            }
        }, "netjourney-kallsyms");
        reader.setDaemon(true);
        reader.start();
    }

    /** The running kernel's names, from its BTF (already loaded: parsing it takes a while); kallsyms is read aside. */
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
    String symbol(long address) {
        return address == 0 ? null : symbols.join().name(address);
    }
}
