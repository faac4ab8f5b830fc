package io.netjourney.filter;

import io.netjourney.capture.HopEvent;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code netns NAME|INODE} or {@code container NAME}: the event happened in one of the namespaces the name stood
 * for when the filter was parsed (nj_hop.netns_ino: the device's namespace, a dropped packet's socket's when the
 * device was gone, 0 when neither was known).
 *
 * @param keyword how the filter named the namespaces
 * @param name    the name or inode as written
 * @param inodes  the namespaces' inodes, at least one; kept in ascending order
 */
public record NetnsFilter(Keyword keyword, String name, Set<Long> inodes) implements Filter {

    public enum Keyword {
        NETNS("netns"),
        CONTAINER("container");

        private final String word;

        Keyword(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    public NetnsFilter {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(name, "name");
        if (inodes.isEmpty()) {
            throw new IllegalArgumentException(keyword + " " + name + " stands for no namespace");
        }
        inodes = Collections.unmodifiableSortedSet(new TreeSet<>(inodes));
    }

    /** {@code netns INODE}. */
    public static NetnsFilter inode(long inode) {
        return new NetnsFilter(Keyword.NETNS, Long.toString(inode), Set.of(inode));
    }

    @Override
    public boolean matches(HopEvent event) {
        return inodes.contains(event.netnsInode());
    }

    @Override
    public String toString() {
        return keyword + " " + name;
    }
}
