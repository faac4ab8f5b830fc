package io.netjourney.cli;

import io.netjourney.capture.CaptureException;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.capture.netfilter.NftTracer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Where {@code trace --netfilter} traces: this process's namespace and every named one (/run/netns). */
final class NetfilterNamespaces {
    private static final Path RUN_NETNS = Path.of("/run/netns");

    private NetfilterNamespaces() {
    }

    static NftTracer start(Consumer<NetfilterVerdict> sink) {
        try {
            return NftTracer.start(namespaces(), sink);
        } catch (CaptureException e) {
            throw new UserError(e.getMessage(), UserError.FAILURE);
        }
    }

    private static List<NftTracer.Namespace> namespaces() {
        List<NftTracer.Namespace> namespaces = new ArrayList<>();
        namespaces.add(new NftTracer.Namespace(inode(Path.of("/proc/self/ns/net")), null));
        if (Files.isDirectory(RUN_NETNS)) {
            try (DirectoryStream<Path> named = Files.newDirectoryStream(RUN_NETNS)) {
                for (Path path : named) {
                    namespaces.add(new NftTracer.Namespace(inode(path), path));
                }
            } catch (IOException e) {
                throw new UserError("cannot list " + RUN_NETNS + ": " + e.getMessage(), UserError.FAILURE);
            }
        }
        return namespaces;
    }

    private static long inode(Path path) {
        try {
            return ((Number) Files.getAttribute(path, "unix:ino")).longValue();
        } catch (IOException e) {
            throw new UserError("cannot read namespace " + path + ": " + e.getMessage(), UserError.FAILURE);
        }
    }
}
