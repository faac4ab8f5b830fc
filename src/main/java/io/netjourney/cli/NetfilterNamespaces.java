package io.netjourney.cli;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.capture.netfilter.NftTracer;
import java.util.function.Consumer;

/** Where {@code trace --netfilter} traces: this process's namespace and every named one (/run/netns). */
final class NetfilterNamespaces {
    private NetfilterNamespaces() {
    }

    static NftTracer start(Consumer<NetfilterVerdict> sink) {
        try {
            return NftTracer.start(NftTracer.Namespace.thisAndNamed(), sink);
        } catch (CaptureException e) {
            throw new UserError(e.getMessage(), UserError.FAILURE);
        }
    }
}
