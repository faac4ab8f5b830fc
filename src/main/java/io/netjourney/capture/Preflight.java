package io.netjourney.capture;

import io.netjourney.bpf.BpfUnavailableException;
import io.netjourney.bpf.KernelSupport;

/** Checks, before loading anything, that live capture can work here; failures say what to install or do. */
public final class Preflight {
    private Preflight() {
    }

    public static void check() {
        try {
            KernelSupport.libbpfVersion();
            if (!KernelSupport.isRoot()) {
                throw new CaptureException("live capture needs root (CAP_BPF, CAP_PERFMON, CAP_NET_ADMIN): "
                        + "run it with sudo, or use 'netjourney show FILE' to replay a recorded trace");
            }
        } catch (BpfUnavailableException e) {
            throw new CaptureException(e.getMessage(), "", e);
        }
        if (!KernelSupport.hasVmlinuxBtf()) {
            throw new CaptureException("this kernel has no BTF (/sys/kernel/btf/vmlinux is missing): netjourney "
                    + "needs a kernel built with CONFIG_DEBUG_INFO_BTF=y, as Debian 11+ and Ubuntu 20.10+ ship");
        }
    }
}
