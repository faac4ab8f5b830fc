package io.netjourney.capture.names;

import java.util.List;

/**
 * What the name sources know of one process.
 *
 * @param comm its command name, /proc/PID/comm without the newline
 * @param cgroup the text of /proc/PID/cgroup
 * @param containers the container ids in that text
 */
record ProcessInfo(long pid, String comm, String cgroup, List<ContainerRef> containers) {

    ProcessInfo {
        containers = List.copyOf(containers);
    }

    static ProcessInfo of(long pid, String comm, String cgroup) {
        return new ProcessInfo(pid, comm, cgroup, ContainerRef.inCgroup(cgroup));
    }
}
