package io.netjourney.bpf;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;

/** The libc functions the binding needs; public for jnr-ffi only. */
public interface LibC {
    int PROT_READ = 1;
    int PROT_WRITE = 2;
    int MAP_SHARED = 1;
    int EPOLL_CLOEXEC = 0x80000;
    int EPOLL_CTL_ADD = 1;
    int EPOLLIN = 1;
    int EINTR = 4;

    @IgnoreError
    int vsnprintf(Pointer buffer, @size_t long size, Pointer format, Pointer args);

    @IgnoreError
    String strerror(int errnum);

    @IgnoreError
    int geteuid();

    @IgnoreError
    int getpagesize();

    /** Returns the address, or -1 (MAP_FAILED) with errno set. */
    @SaveError
    Pointer mmap(Pointer address, @size_t long length, int prot, int flags, int fd, @size_t long offset);

    @SaveError
    int munmap(long address, @size_t long length);

    @SaveError
    int epoll_create1(int flags);

    /** {@code event} points at a struct epoll_event. */
    @SaveError
    int epoll_ctl(int epfd, int op, int fd, Pointer event);

    @SaveError
    int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMs);

    @SaveError
    int close(int fd);

    /** which = PRIO_PROCESS (0) with a thread id sets that thread's nice value. */
    @SaveError
    int setpriority(int which, int who, int prio);
}
