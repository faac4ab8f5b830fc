package io.netjourney.bpf;

/** Symbolic names of the errno values libbpf steps commonly fail with. */
final class Errno {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int E2BIG = 7;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EINVAL = 22;
    static final int ENOSPC = 28;
    static final int ENOTSUP = 95;

    private Errno() {
    }

    static String name(int errno) {
        switch (errno) {
            case EPERM: return "EPERM";
            case ENOENT: return "ENOENT";
            case E2BIG: return "E2BIG";
            case ENOMEM: return "ENOMEM";
            case EACCES: return "EACCES";
            case EINVAL: return "EINVAL";
            case ENOSPC: return "ENOSPC";
            case ENOTSUP: return "EOPNOTSUPP";
            default: return "errno " + errno;
        }
    }
}
