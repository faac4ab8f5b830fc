package io.netjourney.bpf;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.byref.NumberByReference;
import jnr.ffi.types.size_t;

/**
 * The subset of the system libbpf.so.1 (libbpf 1.x) we use; names and widths as in libbpf.h. Public only because
 * jnr-ffi generates its implementation in another class loader: use {@link BpfObject}, never this.
 */
public interface LibBpf {

    /** libbpf_print_fn_t; {@code args} is a va_list, formatted with libc's vsnprintf. */
    interface PrintFn {
        @Delegate
        int print(int level, Pointer format, Pointer args);
    }

    /** ring_buffer_sample_fn. */
    interface SampleFn {
        @Delegate
        int sample(Pointer ctx, Pointer data, @size_t long size);
    }

    @IgnoreError
    Pointer libbpf_set_print(PrintFn fn);

    @SaveError
    Pointer bpf_object__open_mem(Pointer buffer, @size_t long size, Pointer opts);

    @SaveError
    int bpf_object__load(Pointer obj);

    @IgnoreError
    void bpf_object__close(Pointer obj);

    @IgnoreError
    Pointer bpf_object__next_program(Pointer obj, Pointer prev);

    @IgnoreError
    Pointer bpf_object__next_map(Pointer obj, Pointer prev);

    @IgnoreError
    String bpf_program__name(Pointer prog);

    @IgnoreError
    String bpf_program__section_name(Pointer prog);

    @IgnoreError
    int bpf_program__set_autoload(Pointer prog, boolean autoload);

    /** Before load: the program's own instructions as the ELF has them (subprograms are appended at load). */
    @IgnoreError
    Pointer bpf_program__insns(Pointer prog);

    @IgnoreError
    @size_t
    long bpf_program__insn_cnt(Pointer prog);

    @IgnoreError
    int bpf_program__set_insns(Pointer prog, Pointer insns, @size_t long count);

    @SaveError
    Pointer bpf_program__attach(Pointer prog);

    @IgnoreError
    int bpf_link__destroy(Pointer link);

    @IgnoreError
    String bpf_map__name(Pointer map);

    @IgnoreError
    int bpf_map__fd(Pointer map);

    @IgnoreError
    Pointer bpf_map__initial_value(Pointer map, NumberByReference size);

    @IgnoreError
    int bpf_map__set_max_entries(Pointer map, int maxEntries);

    @IgnoreError
    int bpf_map__value_size(Pointer map);

    @IgnoreError
    int bpf_map__key_size(Pointer map);

    @IgnoreError
    int bpf_map__max_entries(Pointer map);

    @SaveError
    int bpf_map_lookup_elem(int fd, Pointer key, Pointer value);

    @SaveError
    int bpf_map_update_elem(int fd, Pointer key, Pointer value, long flags);

    @SaveError
    int bpf_map_get_next_key(int fd, Pointer key, Pointer nextKey);

    /** Up to *count entries from the batch token inBatch on (null: the start); -1 and ENOENT after the last. */
    @SaveError
    int bpf_map_lookup_batch(int fd, Pointer inBatch, Pointer outBatch, Pointer keys, Pointer values, Pointer count,
            Pointer opts);

    @SaveError
    int bpf_map_delete_elem(int fd, Pointer key);

    @SaveError
    Pointer ring_buffer__new(int mapFd, SampleFn sample, Pointer ctx, Pointer opts);

    @SaveError
    int ring_buffer__poll(Pointer rb, int timeoutMs);

    @SaveError
    int ring_buffer__consume(Pointer rb);

    @IgnoreError
    void ring_buffer__free(Pointer rb);

    @IgnoreError
    int libbpf_num_possible_cpus();

    @SaveError
    Pointer btf__load_vmlinux_btf();

    @IgnoreError
    int btf__find_by_name_kind(Pointer btf, String name, int kind);

    @IgnoreError
    void btf__free(Pointer btf);

    @IgnoreError
    Pointer btf__type_by_id(Pointer btf, int id);

    @IgnoreError
    String btf__name_by_offset(Pointer btf, int offset);

    @IgnoreError
    int libbpf_major_version();

    @IgnoreError
    int libbpf_minor_version();
}
