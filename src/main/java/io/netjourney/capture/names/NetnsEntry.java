package io.netjourney.capture.names;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A network namespace found on this machine.
 *
 * @param inode the namespace's inode ({@code net->ns.inum})
 * @param name its display name: "nj-ctr1", "host", "docker:web", "podman:web", "pod:default/nginx",
 *             "nerdctl:web", "containerd:0123456789ab", "lxc:web", "machine:web" or "pid 1234 (sshd)"
 * @param path a file that enters it with {@code nsenter --net=PATH}: /run/netns/NAME or /proc/PID/ns/net
 * @param named true when it has an iproute2 name in /run/netns
 */
public record NetnsEntry(long inode, String name, Path path, boolean named) {

    /** Its file name in /run/netns, which `ip netns` and `ip -j netns list-id` use; it differs from
     * {@link #name()} where a container's label replaced a runtime-generated one. */
    public Optional<String> iproute2Name() {
        return named ? Optional.of(path.getFileName().toString()) : Optional.empty();
    }
}
