package io.netjourney.capture.names;

import java.nio.file.Path;

/**
 * A network namespace found on this machine.
 *
 * @param inode the namespace's inode ({@code net->ns.inum})
 * @param name its display name: "nj-ctr1", "host", "docker:web" or "pid 1234 (sshd)"
 * @param path a file that enters it with {@code nsenter --net=PATH}: /run/netns/NAME or /proc/PID/ns/net
 * @param named true when it has an iproute2 name in /run/netns
 */
public record NetnsEntry(long inode, String name, Path path, boolean named) {
}
