package io.netjourney.capture;

import java.util.Optional;

/** Display names for network namespaces, looked up by inode. */
@FunctionalInterface
public interface Names {
    /** No names known: callers show inodes. */
    Names NONE = inode -> Optional.empty();

    /**
     * A short human name for the namespace: "nj-ctr1" (from /run/netns), "host" for the initial namespace,
     * a container's name, or "pid 1234 (sshd)" for a namespace only a process holds.
     */
    Optional<String> netnsName(long inode);
}
