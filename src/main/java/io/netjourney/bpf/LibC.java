package io.netjourney.bpf;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.types.size_t;

/** The libc functions the binding needs; public for jnr-ffi only. */
public interface LibC {
    @IgnoreError
    int vsnprintf(Pointer buffer, @size_t long size, Pointer format, Pointer args);

    @IgnoreError
    String strerror(int errnum);

    @IgnoreError
    int geteuid();
}
