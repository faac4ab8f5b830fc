package io.netjourney.bpf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.byref.NumberByReference;

/**
 * A BPF object file opened with libbpf: open → configure → load → attach → consume → close. Close is idempotent
 * and tears down in reverse order (ring buffers → links → object).
 */
public final class BpfObject implements AutoCloseable {
    private final Native n;
    private final Pointer elf;
    private Pointer obj;
    private final Map<String, Pointer> programs = new LinkedHashMap<>();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean loaded;

    private BpfObject(Native n, Pointer elf, Pointer obj) {
        this.n = n;
        this.elf = elf;
        this.obj = obj;
        for (Pointer prog = n.bpf.bpf_object__next_program(obj, null); prog != null;
                prog = n.bpf.bpf_object__next_program(obj, prog)) {
            programs.put(n.bpf.bpf_program__name(prog), prog);
        }
    }

    /** Opens an object from its ELF bytes; nothing is loaded into the kernel yet. */
    public static BpfObject open(byte[] elfBytes) {
        Native n = Native.get();
        // libbpf keeps pointers into the ELF buffer: it lives as long as the object.
        Pointer elf = Memory.allocateDirect(n.runtime, elfBytes.length);
        elf.put(0, elfBytes, 0, elfBytes.length);
        try (LibbpfLog.Capture log = new LibbpfLog.Capture()) {
            Pointer obj = n.bpf.bpf_object__open_mem(elf, elfBytes.length, null);
            if (obj == null) {
                throw error("open BPF object", n.lastErrno(), log.text());
            }
            return new BpfObject(n, elf, obj);
        }
    }

    /** Program names in the object, in ELF order. */
    public List<String> programNames() {
        return new ArrayList<>(programs.keySet());
    }

    public String sectionName(String program) {
        return n.bpf.bpf_program__section_name(program(program));
    }

    public void setAutoload(String program, boolean autoload) {
        requireNotLoaded("set autoload");
        n.bpf.bpf_program__set_autoload(program(program), autoload);
    }

    /** Writes a global section's initial contents (".bss", ".data") before load. */
    public void setInitialData(String section, byte[] data) {
        requireNotLoaded("set " + section);
        Pointer map = findMap(section);
        NumberByReference size = new NumberByReference(jnr.ffi.TypeAlias.size_t);
        Pointer value = n.bpf.bpf_map__initial_value(map, size);
        if (value == null || size.longValue() < data.length) {
            throw new IllegalStateException(section + " of the BPF object holds " + size.longValue() + " bytes, "
                    + data.length + " given: object and program do not match");
        }
        value.put(0, data, 0, data.length);
    }

    /** Rewrites the start of a global section (".bss", ".data") of the loaded programs: they see it at once. */
    public void writeData(String section, byte[] data) {
        if (!loaded) {
            throw new IllegalStateException("write " + section + " before load");
        }
        Pointer map = findMap(section);
        int size = n.bpf.bpf_map__value_size(map);
        if (size < data.length) {
            throw new IllegalStateException(section + " holds " + size + " bytes, " + data.length + " given");
        }
        int fd = mapFd(section);
        Pointer key = Memory.allocateDirect(n.runtime, 4);
        Pointer value = Memory.allocateDirect(n.runtime, size);
        key.putInt(0, 0);
        if (n.bpf.bpf_map_lookup_elem(fd, key, value) < 0) {
            throw error("read " + section, n.lastErrno(), "");
        }
        value.put(0, data, 0, data.length);
        if (n.bpf.bpf_map_update_elem(fd, key, value, 0) < 0) {
            throw error("write " + section, n.lastErrno(), "");
        }
    }

    /** One entry of a per-CPU hash map: its key, and its value on each possible CPU. */
    public record PerCpuEntry(byte[] key, byte[][] values) {
    }

    /** Entries read from a map by one batch call at first; more where a bucket holds more (ENOSPC). */
    public static final int BATCH_ENTRIES = 256;

    /**
     * Every entry of a per-CPU hash map, a batch of entries a system call (a kernel without batch lookups: two calls
     * an entry). Entries the programs add meanwhile may or may not be in it; none is read twice.
     */
    public List<PerCpuEntry> readPerCpuHash(String mapName) {
        Pointer map = findMap(mapName);
        PerCpuLayout layout = new PerCpuLayout(n.bpf.bpf_map__key_size(map), n.bpf.bpf_map__value_size(map),
                n.bpf.libbpf_num_possible_cpus());
        List<PerCpuEntry> entries = readPerCpuBatches(mapFd(mapName), layout);
        return entries != null ? entries : readPerCpuByKey(mapFd(mapName), layout);
    }

    /** A per-CPU map's sizes: each CPU's value is rounded up to 8 bytes in what the kernel copies out. */
    private record PerCpuLayout(int keySize, int valueSize, int cpus) {
        int stride() {
            return (valueSize + 7) & ~7;
        }

        PerCpuEntry entry(Pointer keys, Pointer values, int index) {
            byte[] key = new byte[keySize];
            keys.get((long) keySize * index, key, 0, keySize);
            byte[][] perCpu = new byte[cpus][valueSize];
            long base = (long) stride() * cpus * index;
            for (int cpu = 0; cpu < cpus; cpu++) {
                values.get(base + (long) stride() * cpu, perCpu[cpu], 0, valueSize);
            }
            return new PerCpuEntry(key, perCpu);
        }
    }

    /** The entries by batch lookups; null where the kernel has none for this map (then read key by key). */
    private List<PerCpuEntry> readPerCpuBatches(int fd, PerCpuLayout layout) {
        int tokenSize = Math.max(8, layout.keySize());
        Pointer in = Memory.allocateDirect(n.runtime, tokenSize);
        Pointer out = Memory.allocateDirect(n.runtime, tokenSize);
        Pointer count = Memory.allocateDirect(n.runtime, 4);
        List<PerCpuEntry> entries = new ArrayList<>();
        int capacity = BATCH_ENTRIES;
        Pointer keys = null;
        Pointer values = null;
        boolean first = true;
        while (true) {
            if (keys == null) {
                keys = Memory.allocateDirect(n.runtime, (long) layout.keySize() * capacity);
                values = Memory.allocateDirect(n.runtime, (long) layout.stride() * layout.cpus() * capacity);
            }
            count.putInt(0, capacity);
            int rc = n.bpf.bpf_map_lookup_batch(fd, first ? null : in, out, keys, values, count, null);
            int errno = rc == 0 ? 0 : n.lastErrno();
            if (errno == Errno.ENOSPC && capacity < (1 << 20)) {
                // a bucket with more entries than fit: the same batch again with more room
                capacity *= 4;
                keys = null;
                continue;
            }
            if (errno != 0 && errno != Errno.ENOENT) {
                if (first) {
                    return null;
                }
                throw error("read map (batch lookup)", errno, "");
            }
            int got = count.getInt(0);
            for (int i = 0; i < got; i++) {
                entries.add(layout.entry(keys, values, i));
            }
            if (errno == Errno.ENOENT) {
                return entries;
            }
            in.transferFrom(0, out, 0, tokenSize);
            first = false;
        }
    }

    private List<PerCpuEntry> readPerCpuByKey(int fd, PerCpuLayout layout) {
        Pointer previous = Memory.allocateDirect(n.runtime, layout.keySize());
        Pointer next = Memory.allocateDirect(n.runtime, layout.keySize());
        Pointer values = Memory.allocateDirect(n.runtime, (long) layout.stride() * layout.cpus());
        List<PerCpuEntry> entries = new ArrayList<>();
        Pointer from = null;
        while (n.bpf.bpf_map_get_next_key(fd, from, next) == 0) {
            if (n.bpf.bpf_map_lookup_elem(fd, next, values) == 0) {
                entries.add(layout.entry(next, values, 0));
            }
            previous.transferFrom(0, next, 0, layout.keySize());
            from = previous;
        }
        return entries;
    }

    /**
     * Empties a hash map of the loaded programs, entry by entry (entries the programs add meanwhile may stay).
     * Returns how many were deleted.
     */
    public int clearHash(String mapName) {
        Pointer map = findMap(mapName);
        int fd = mapFd(mapName);
        Pointer key = Memory.allocateDirect(n.runtime, n.bpf.bpf_map__key_size(map));
        int deleted = 0;
        // always the first key: the one after a deleted key cannot be asked for
        while (n.bpf.bpf_map_get_next_key(fd, null, key) == 0) {
            if (n.bpf.bpf_map_delete_elem(fd, key) != 0) {
                throw error("clear " + mapName, n.lastErrno(), "");
            }
            deleted++;
        }
        return deleted;
    }

    /**
     * Puts a function of generated code in place of each inline-asm marker with that magic in the program, before
     * load ({@link InlineSites}). Returns how many markers the program had.
     */
    public int inlineAtMarkers(String program, long magic, byte[] function) {
        requireNotLoaded("set instructions");
        Pointer prog = program(program);
        long count = n.bpf.bpf_program__insn_cnt(prog);
        byte[] own = new byte[Math.toIntExact(count * BpfAssembler.INSN_SIZE)];
        n.bpf.bpf_program__insns(prog).get(0, own, 0, own.length);
        int sites = InlineSites.find(own, magic).size();
        if (sites == 0) {
            return 0;
        }
        byte[] spliced = InlineSites.splice(own, magic, function);
        Pointer insns = Memory.allocateDirect(n.runtime, spliced.length);
        insns.put(0, spliced, 0, spliced.length);
        int rc = n.bpf.bpf_program__set_insns(prog, insns, spliced.length / BpfAssembler.INSN_SIZE);
        if (rc < 0) {
            throw error("set instructions of " + program, -rc, "");
        }
        return sites;
    }

    public void setMaxEntries(String mapName, int maxEntries) {
        requireNotLoaded("set max entries");
        n.bpf.bpf_map__set_max_entries(findMap(mapName), maxEntries);
    }

    /** CPUs the kernel may ever run on: what a per-CPU map holds a value for. */
    public int possibleCpus() {
        return n.bpf.libbpf_num_possible_cpus();
    }

    /** Loads the programs into the kernel; a verifier rejection carries the verifier's log. */
    public void load() {
        requireNotLoaded("load");
        try (LibbpfLog.Capture log = new LibbpfLog.Capture()) {
            int rc = n.bpf.bpf_object__load(obj());
            if (rc < 0) {
                throw error("load BPF programs", -rc, log.text());
            }
        }
        loaded = true;
    }

    /** Attaches a loaded program by the attach point in its section name. */
    public void attach(String program) {
        if (!loaded) {
            throw new IllegalStateException("attach before load");
        }
        try (LibbpfLog.Capture log = new LibbpfLog.Capture()) {
            Pointer link = n.bpf.bpf_program__attach(program(program));
            if (link == null) {
                throw error("attach " + sectionName(program), n.lastErrno(), log.text());
            }
            resources.push(() -> n.bpf.bpf_link__destroy(link));
        }
    }

    public int mapFd(String mapName) {
        int fd = n.bpf.bpf_map__fd(findMap(mapName));
        if (fd < 0) {
            throw new IllegalStateException("map " + mapName + " has no fd: object not loaded");
        }
        return fd;
    }

    /** Sums a per-CPU array of u64 counters over all CPUs. */
    public long[] readPerCpuCounters(String mapName, int entries) {
        int fd = mapFd(mapName);
        int cpus = n.bpf.libbpf_num_possible_cpus();
        Pointer key = Memory.allocateDirect(n.runtime, 4);
        Pointer values = Memory.allocateDirect(n.runtime, 8L * cpus);
        long[] sums = new long[entries];
        for (int i = 0; i < entries; i++) {
            key.putInt(0, i);
            if (n.bpf.bpf_map_lookup_elem(fd, key, values) < 0) {
                throw error("read counters " + mapName, n.lastErrno(), "");
            }
            for (int cpu = 0; cpu < cpus; cpu++) {
                sums[i] += values.getLong(8L * cpu);
            }
        }
        return sums;
    }

    /** A consumer of the ring buffer map, reading it the given way; closed with this object. */
    public RingConsumer ringBuffer(String mapName, RingConsumer.Kind kind, RingConsumer.RecordHandler handler) {
        int fd = mapFd(mapName);
        RingConsumer consumer = kind == RingConsumer.Kind.MAPPED
                ? new MappedRingConsumer(n, fd, Integer.toUnsignedLong(n.bpf.bpf_map__max_entries(findMap(mapName))),
                        handler)
                : new CallbackRingConsumer(n, fd, handler);
        resources.push(consumer);
        return consumer;
    }

    @Override
    public synchronized void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                // keep tearing down; nothing useful to do with a failed detach at exit
            }
        }
        if (obj != null) {
            n.bpf.bpf_object__close(obj);
            obj = null;
        }
    }

    private Pointer obj() {
        if (obj == null) {
            throw new IllegalStateException("BPF object closed");
        }
        return obj;
    }

    private Pointer program(String name) {
        Pointer prog = programs.get(name);
        if (prog == null) {
            throw new IllegalArgumentException("no program " + name + " in the BPF object");
        }
        return prog;
    }

    private Pointer findMap(String suffix) {
        for (Pointer map = n.bpf.bpf_object__next_map(obj(), null); map != null;
                map = n.bpf.bpf_object__next_map(obj(), map)) {
            String name = n.bpf.bpf_map__name(map);
            if (name.equals(suffix) || suffix.startsWith(".") && name.endsWith(suffix)) {
                return map;
            }
        }
        throw new IllegalArgumentException("no map " + suffix + " in the BPF object");
    }

    private void requireNotLoaded(String step) {
        if (loaded) {
            throw new IllegalStateException(step + " after load");
        }
    }

    static BpfException error(String step, int errno, String log) {
        return new BpfException(step, errno, Native.get().libc.strerror(errno), log);
    }
}
