package io.netjourney.bpf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jnr.ffi.Pointer;

/** What the running kernel and libbpf offer: checked before loading, so errors say what to do. */
public final class KernelSupport {
    private static final Path VMLINUX_BTF = Path.of("/sys/kernel/btf/vmlinux");
    private static final int BTF_KIND_TYPEDEF = 8;
    private static final int BTF_KIND_ENUM = 6;
    private static final int BTF_KIND_FUNC = 12;

    private KernelSupport() {
    }

    /**
     * Starts binding libbpf and libc on a thread of its own (jnr-ffi generates the binding's classes: about 0.2 s),
     * so that a command about to capture finds it done by the time it loads its programs. Errors are left for the
     * first real use to report.
     */
    public static void bindInBackground() {
        Thread binding = new Thread(() -> {
            try {
                Native.get();
            } catch (RuntimeException | LinkageError e) {
                // reported by the caller's own Native.get()
            }
        }, "netjourney-libbpf-binding");
        binding.setDaemon(true);
        binding.start();
    }

    /** Loads libbpf (throws {@link BpfUnavailableException} with an install hint when missing). */
    public static String libbpfVersion() {
        return Native.get().libbpfVersion();
    }

    public static boolean hasVmlinuxBtf() {
        return Files.isReadable(VMLINUX_BTF);
    }

    public static boolean isRoot() {
        return Native.get().libc.geteuid() == 0;
    }

    /**
     * Gives every thread of this process the nice value (e.g. -10: a larger share of a contended CPU); threads
     * started later inherit it from their creator. The garbage collector and the compiler count as much as the
     * thread that reads events: a collection that pauses the reader must not be stretched by the load. Returns
     * false when not allowed (no CAP_SYS_NICE); priorities then stay as they were.
     */
    public static boolean setProcessNice(int nice) {
        Native n = Native.get();
        boolean all = true;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                all &= n.libc.setpriority(0 /* PRIO_PROCESS: one thread */, Integer.parseInt(
                        task.getFileName().toString()), nice) == 0;
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return all;
    }

    /** The kernel's BTF type names, used to tell which tracepoints exist. */
    public static final class Btf implements AutoCloseable {
        private final Native n = Native.get();
        private Pointer btf;

        public Btf() {
            btf = n.bpf.btf__load_vmlinux_btf();
            if (btf == null) {
                throw new BpfUnavailableException("this kernel exposes no BTF (/sys/kernel/btf/vmlinux): "
                        + "netjourney needs a kernel built with CONFIG_DEBUG_INFO_BTF=y (5.5 or newer)");
            }
        }

        /** Whether a tp_btf program can attach to the tracepoint (its btf_trace_ typedef exists). */
        public boolean hasTracepoint(String name) {
            return n.bpf.btf__find_by_name_kind(btf, "btf_trace_" + name, BTF_KIND_TYPEDEF) >= 0;
        }

        /** Whether the kernel has the function, e.g. a kfunc a BPF program may call. */
        public boolean hasFunction(String name) {
            return n.bpf.btf__find_by_name_kind(btf, name, BTF_KIND_FUNC) >= 0;
        }

        /**
         * The values and names of a kernel enum (e.g. skb_drop_reason), from BTF; empty when the kernel has no such
         * enum.
         */
        public Map<Integer, String> enumValues(String name) {
            int id = n.bpf.btf__find_by_name_kind(btf, name, BTF_KIND_ENUM);
            if (id < 0) {
                return Map.of();
            }
            Pointer type = n.bpf.btf__type_by_id(btf, id);
            // struct btf_type { u32 name_off; u32 info; u32 size; } then vlen × struct btf_enum { u32 name_off; s32 val; }
            int vlen = type.getInt(4) & 0xFFFF;
            Map<Integer, String> values = new HashMap<>();
            for (int i = 0; i < vlen; i++) {
                long entry = 12L + 8L * i;
                values.put(type.getInt(entry + 4), n.bpf.btf__name_by_offset(btf, type.getInt(entry)));
            }
            return values;
        }

        @Override
        public void close() {
            if (btf != null) {
                n.bpf.btf__free(btf);
                btf = null;
            }
        }
    }
}
