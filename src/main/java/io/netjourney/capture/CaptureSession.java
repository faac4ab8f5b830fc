package io.netjourney.capture;

import io.netjourney.bpf.BpfException;
import io.netjourney.bpf.BpfObject;
import io.netjourney.bpf.BpfUnavailableException;
import io.netjourney.bpf.KernelSupport;
import io.netjourney.bpf.RingConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Live capture: loads the BPF object with the in-kernel filter, attaches one program per available hook and
 * delivers decoded crossings to a consumer from {@link #poll}. Not thread-safe: one thread polls.
 */
public final class CaptureSession implements AutoCloseable {
    static final String OBJECT_RESOURCE = "/bpf/netjourney.bpf.o";
    private static final String EVENTS_MAP = "events";
    private static final String COUNTERS_MAP = "counters";
    private static final int COUNTER_ENTRIES = 6;
    private static final int CNT_SUBMITTED = 0;
    private static final int CNT_LOST = 1;
    private static final int CNT_FILTERED = 2;
    private static final int CNT_NO_DEVICE = 3;
    private static final int CNT_SAMPLED_OUT = 4;
    private static final int CNT_COUNTS_FULL = 5;

    /**
     * @param filter      the compiled filter, put in place of every program's NJ_FILTER_SITE
     * @param hooks       hooks to attach; those the kernel lacks are skipped with a warning
     * @param ringBytes   ring buffer size, a power of two multiple of the page size
     * @param consumer    how records are read from the ring
     * @param rawCrossings the crossing hooks' raw_tp twins even where tp_btf programs would load (as on kernels
     *                    before 6.2)
     * @param sampleEvery 0: no counting in the kernel, every matching event sent; 1 or more: the kernel counts
     *                    every matching crossing and drop ({@link #counts()}) and sends the records of 1 in this
     *                    many packets
     */
    public record Options(FilterProgram filter, Set<Hook> hooks, int ringBytes, RingConsumer.Kind consumer,
            boolean rawCrossings, int sampleEvery) {
        /** About 190,000 crossings: a quarter of a second of a flood, longer than a garbage collection. */
        public static final int DEFAULT_RING_BYTES = 32 * 1024 * 1024;

        public Options(FilterProgram filter, Set<Hook> hooks, int ringBytes) {
            this(filter, hooks, ringBytes, RingConsumer.Kind.MAPPED, false, 0);
        }

        public static Options of(FilterProgram filter) {
            return new Options(filter, EnumSet.allOf(Hook.class), DEFAULT_RING_BYTES);
        }

        public Options withConsumer(RingConsumer.Kind kind) {
            return new Options(filter, hooks, ringBytes, kind, rawCrossings, sampleEvery);
        }

        public Options withHooks(Set<Hook> chosen) {
            return new Options(filter, chosen, ringBytes, consumer, rawCrossings, sampleEvery);
        }

        public Options withRawCrossings() {
            return new Options(filter, hooks, ringBytes, consumer, true, sampleEvery);
        }

        /** Counting in the kernel, 1 in {@code every} packets sent (0: no counting). */
        public Options withSampling(int every) {
            return new Options(filter, hooks, ringBytes, consumer, rawCrossings, every);
        }
    }

    /** NJ_FILTER_SITE in bpf/netjourney.h: the marker where each program runs the filter. */
    public static final long FILTER_SITE = 0x6e6a5f66696c7472L;
    /** sizeof(struct nj_config) in bpf/netjourney.h: first_stages, then padding. */
    static final int CONFIG_SIZE = 8;

    /** The load-time configuration, struct nj_config, little endian as the kernel reads it. */
    private static byte[] config(FilterProgram filter) {
        return ByteBuffer.allocate(CONFIG_SIZE).order(ByteOrder.LITTLE_ENDIAN).putInt(0, filter.firstStages())
                .array();
    }

    /**
     * The kfunc the tp_btf crossing programs read packet bytes with (kernel 6.2 and later); without it their raw_tp
     * twins are loaded.
     */
    static final String PACKET_CAST = "bpf_rdonly_cast";

    private final BpfObject object;
    private final RingConsumer ring;
    private final List<Hook> attached;
    private final List<String> warnings;
    private long decoded;
    private long shortCrossings;
    /** The devices the kernel described: what its short crossings are decoded with. */
    private final KernelDevices devices = new KernelDevices();
    private final KernelNames kernelNames;
    private volatile int sampleEvery;
    private final boolean countingMaps;

    private CaptureSession(BpfObject object, RingConsumer ring, List<Hook> attached, List<String> warnings,
            KernelNames kernelNames, int sampleEvery) {
        this.object = object;
        this.ring = ring;
        this.attached = attached;
        this.warnings = warnings;
        this.kernelNames = kernelNames;
        this.sampleEvery = sampleEvery;
        this.countingMaps = sampleEvery > 0;
    }

    /**
     * The nice value a capturing process takes. On a busy machine the traced traffic then yields CPU to the tracer,
     * rather than the tracer losing events; with a narrow filter it needs little anyway.
     */
    static final int CAPTURE_NICE = -10;

    /** Prepares what {@link #start} needs first, in the background: for a command that is going to capture. */
    public static void prepare() {
        KernelSupport.bindInBackground();
    }

    /**
     * Checks the machine, loads and attaches; the process gets a higher CPU priority ({@link #CAPTURE_NICE}). Throws
     * {@link CaptureException} with a user-facing message.
     */
    public static CaptureSession start(Options options, Consumer<HopEvent> sink) {
        Preflight.check();
        List<String> warnings = new ArrayList<>();
        BpfObject object = null;
        try {
            object = BpfObject.open(readObject());
            object.setMaxEntries(EVENTS_MAP, options.ringBytes());
            object.setInitialData(".rodata", config(options.filter()));
            object.setInitialData(KernelCounting.SETTINGS_SECTION, KernelCounting.settings(options.sampleEvery()));
            if (options.sampleEvery() == 0) {
                // no counting this run: the counting maps take no memory and no time to make
                object.setMaxEntries(KernelCounting.COUNTS_MAP, 1);
                object.setMaxEntries(KernelCounting.SKBS_MAP, object.possibleCpus());
            }
            Map<Hook, String> programs;
            KernelNames names;
            try (KernelSupport.Btf kernel = new KernelSupport.Btf()) { // parsed once: it takes a while
                programs = selectPrograms(kernel, object, options, warnings);
                names = KernelNames.from(kernel);
            }
            for (String program : programs.values()) {
                if (object.inlineAtMarkers(program, FILTER_SITE, options.filter().code()) == 0) {
                    throw new CaptureException("program " + program + " has no filter site: the BPF object and "
                            + "this loader come from different builds");
                }
            }
            object.load();
            List<Hook> attached = new ArrayList<>();
            for (Map.Entry<Hook, String> program : programs.entrySet()) {
                try {
                    object.attach(program.getValue());
                    attached.add(program.getKey());
                } catch (BpfException e) {
                    warnings.add("tracepoint net:" + program.getKey().tracepoint() + " not attached ("
                            + e.getMessage() + "): crossings it reports will be missing");
                }
            }
            if (attached.isEmpty()) {
                throw new CaptureException("no hook could be attached: " + String.join("; ", warnings));
            }
            KernelSupport.setProcessNice(CAPTURE_NICE);
            RingConsumer[] holder = new RingConsumer[1];
            CaptureSession[] session = new CaptureSession[1];
            holder[0] = object.ringBuffer(EVENTS_MAP, options.consumer(),
                    record -> session[0].deliver(record, sink));
            session[0] = new CaptureSession(object, holder[0], List.copyOf(attached), List.copyOf(warnings), names,
                    options.sampleEvery());
            return session[0];
        } catch (BpfException e) {
            close(object);
            throw new CaptureException(explain(e), e.log(), e);
        } catch (BpfUnavailableException e) {
            close(object);
            throw new CaptureException(e.getMessage(), "", e);
        } catch (RuntimeException e) {
            close(object);
            throw e;
        }
    }

    /**
     * Per hook, chooses the tp_btf program where the kernel's BTF describes the tracepoint (and, for a crossing hook,
     * has the kfunc its program reads packets with), else its raw_tp twin (whose attach then tells whether the
     * tracepoint exists). Returns hook → program name.
     */
    private static Map<Hook, String> selectPrograms(KernelSupport.Btf kernel, BpfObject object, Options options,
            List<String> warnings) {
        Map<Hook, String> chosen = new EnumMap<>(Hook.class);
        boolean btfCrossings = !options.rawCrossings() && kernel.hasFunction(PACKET_CAST);
        for (Hook hook : Hook.values()) {
            boolean use = options.hooks().contains(hook);
            boolean btf = use && kernel.hasTracepoint(hook.tracepoint()) && (!hook.hasRawTwin() || btfCrossings);
            object.setAutoload(BTF_PREFIX + hook.tracepoint(), btf);
            if (hook.hasRawTwin()) {
                object.setAutoload(RAW_PREFIX + hook.tracepoint(), use && !btf);
            }
            if (btf || use && hook.hasRawTwin()) {
                chosen.put(hook, (btf ? BTF_PREFIX : RAW_PREFIX) + hook.tracepoint());
            } else if (use) {
                warnings.add("tracepoint " + hook.tracepoint() + " does not exist on this kernel: "
                        + (hook == Hook.KFREE_SKB ? "drops" : "routing decisions") + " will not be shown");
            }
        }
        return chosen;
    }

    private static final String BTF_PREFIX = "nj_";
    private static final String RAW_PREFIX = "nj_raw_";

    private void deliver(ByteBuffer record, Consumer<HopEvent> sink) {
        int size = record.remaining();
        if (size == HopRecord.DEVICE_SIZE) {
            devices.describe(record);
            return;
        }
        if (size == HopRecord.SHORT_SIZE) {
            Crossing crossing = HopRecord.decodeShort(record, devices);
            if (crossing == null) {
                throw new CaptureException("a kernel record of a crossing on a device the kernel did not describe"
                        + ": the BPF object and the Java decoder come from different builds");
            }
            decoded++;
            shortCrossings++;
            sink.accept(crossing);
            return;
        }
        if (size != HopRecord.SIZE && size != HopRecord.VERDICT_SIZE && size != HopRecord.CROSSING_SIZE) {
            throw new CaptureException("kernel record of " + size + " bytes, expected " + HopRecord.SIZE + ", "
                    + HopRecord.VERDICT_SIZE + ", " + HopRecord.CROSSING_SIZE + ", " + HopRecord.SHORT_SIZE + " or "
                    + HopRecord.DEVICE_SIZE + ": the BPF object and the Java decoder come from different builds");
        }
        decoded++;
        HopEvent event = HopRecord.decode(record);
        sink.accept(event instanceof Drop drop ? kernelNames.name(drop) : event);
    }

    /** Delivers waiting crossings, waiting up to timeoutMs for the first. Returns how many were delivered. */
    public int poll(int timeoutMs) {
        try {
            return ring.poll(timeoutMs);
        } catch (BpfException e) {
            throw new CaptureException(explain(e), e.log(), e);
        }
    }

    /**
     * Delivers everything waiting in the ring, poll after poll (one poll takes a bounded batch), for at most
     * {@code limitMs}: before the programs are detached at the end, so nothing they submitted goes unseen. Returns how
     * many were delivered.
     */
    public long drain(long limitMs) {
        long deadline = System.nanoTime() + limitMs * 1_000_000L;
        long delivered = 0;
        int batch;
        do {
            batch = poll(0);
            delivered += batch;
        } while (batch > 0 && System.nanoTime() < deadline);
        return delivered;
    }

    /**
     * Of the records decoded, the crossings the kernel sent short (struct nj_crossing: the common IPv4 and IPv6 ones);
     * read on the polling thread.
     */
    public long shortCrossings() {
        return shortCrossings;
    }

    /** Reads the kernel's counters: lost events are never silent. */
    public CaptureStats stats() {
        long[] counters = object.readPerCpuCounters(COUNTERS_MAP, COUNTER_ENTRIES);
        return new CaptureStats(counters[CNT_SUBMITTED], counters[CNT_LOST], counters[CNT_FILTERED],
                counters[CNT_NO_DEVICE], decoded, counters[CNT_SAMPLED_OUT], counters[CNT_COUNTS_FULL]);
    }

    /**
     * Changes counting in the kernel while capturing: from now on every matching crossing and drop is counted and 1
     * in {@code every} packets sent ({@code every} ≥ 1), or, with 0, counting stops (the counts so far stay) and every
     * matching event is sent. Only for a capture started counting ({@link Options#sampleEvery()} ≥ 1): without, the
     * kernel has no room to count. Safe from any thread.
     */
    public synchronized void setSampling(int every) {
        if (every > 0 && !countingMaps) {
            throw new IllegalStateException("this capture was started without counting in the kernel");
        }
        try {
            object.writeData(KernelCounting.SETTINGS_SECTION, KernelCounting.settings(every));
        } catch (BpfException e) {
            throw new CaptureException(explain(e), e.log(), e);
        }
        sampleEvery = every;
    }

    /** Forgets what the kernel counted so far: the counts start again from now. Safe from any thread. */
    public synchronized void resetCounts() {
        try {
            object.clearHash(KernelCounting.COUNTS_MAP);
        } catch (BpfException e) {
            throw new CaptureException(explain(e), e.log(), e);
        }
    }

    /** 0 when the kernel does not count, else the N of "1 in N packets sent". */
    public int sampleEvery() {
        return sampleEvery;
    }

    /**
     * What the kernel counted since the capture started or {@link #resetCounts()}, per direction of a flow and place
     * (empty unless counting was on). Safe from any thread.
     */
    public List<KernelCount> counts() {
        return KernelCounting.decodeAll(object.readPerCpuHash(KernelCounting.COUNTS_MAP), kernelNames);
    }

    public List<Hook> attachedHooks() {
        return attached;
    }

    /** Things the user should know: hooks missing or not attached. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        object.close();
    }

    private static void close(BpfObject object) {
        if (object != null) {
            object.close();
        }
    }

    private static byte[] readObject() {
        try (InputStream in = CaptureSession.class.getResourceAsStream(OBJECT_RESOURCE)) {
            if (in == null) {
                throw new CaptureException("the BPF object " + OBJECT_RESOURCE + " is missing from the build: "
                        + "rebuild with 'mvn package' (needs clang)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CaptureException("cannot read the BPF object: " + e.getMessage(), "", e);
        }
    }

    private static String explain(BpfException e) {
        String hint;
        switch (e.errno()) {
            case 1:
            case 13:
                hint = ": netjourney needs root or CAP_BPF, CAP_PERFMON and CAP_NET_ADMIN (run it with sudo)";
                break;
            case 12:
                hint = ": not enough locked memory for BPF maps (raise 'ulimit -l')";
                break;
            default:
                hint = e.log().isEmpty() ? "" : " (the kernel's verifier log follows)";
        }
        return e.getMessage() + hint;
    }
}
