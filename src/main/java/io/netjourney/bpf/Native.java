package io.netjourney.bpf;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** Loads libbpf.so.1 and libc once, on first use. */
final class Native {
    /** The system libbpf; -Dnetjourney.libbpf=PATH points at another build. */
    private static final String LIBRARY = System.getProperty("netjourney.libbpf", "libbpf.so.1");
    private static volatile Native instance;

    final LibBpf bpf;
    final LibC libc;
    final Runtime runtime;

    private Native(LibBpf bpf, LibC libc) {
        this.bpf = bpf;
        this.libc = libc;
        this.runtime = Runtime.getRuntime(bpf);
    }

    static Native get() {
        Native local = instance;
        if (local == null) {
            synchronized (Native.class) {
                local = instance;
                if (local == null) {
                    local = load();
                    instance = local;
                }
            }
        }
        return local;
    }

    private static Native load() {
        LibBpf bpf;
        try {
            bpf = LibraryLoader.create(LibBpf.class).failImmediately().load(LIBRARY);
        } catch (UnsatisfiedLinkError e) {
            throw new BpfUnavailableException(LIBRARY + " could not be loaded: install it with "
                    + "'apt-get install libbpf1' (libbpf 1.0 or newer)", e);
        }
        LibC libc = LibraryLoader.create(LibC.class).failImmediately().load("c");
        Native loaded = new Native(bpf, libc);
        if (bpf.libbpf_major_version() < 1) {
            throw new BpfUnavailableException("libbpf " + loaded.libbpfVersion()
                    + " is too old: netjourney needs libbpf 1.0 or newer");
        }
        LibbpfLog.install(loaded);
        return loaded;
    }

    String libbpfVersion() {
        return bpf.libbpf_major_version() + "." + bpf.libbpf_minor_version();
    }

    int lastErrno() {
        return jnr.ffi.LastError.getLastError(runtime);
    }
}
