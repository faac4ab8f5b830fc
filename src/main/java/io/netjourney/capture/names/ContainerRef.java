package io.netjourney.capture.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container id in a process's cgroup path, with the runtime prefix its cgroup was named with.
 *
 * @param prefix "docker", "libpod", "cri-containerd", "nerdctl" or "crio" for a systemd scope named
 *               PREFIX-ID.scope (or a cgroupfs directory /docker/ID), {@link #BARE} for an id on its own
 *               (/kubepods/besteffort/podUID/ID, containerd's /NAMESPACE/ID)
 * @param id the 64 hex digit container id
 */
record ContainerRef(String prefix, String id) {
    static final String BARE = "";
    static final String DOCKER = "docker";
    static final String LIBPOD = "libpod";
    static final String CRI_CONTAINERD = "cri-containerd";
    static final String NERDCTL = "nerdctl";
    static final String CRIO = "crio";

    private static final int SHORT_ID = 12;
    /** One path component: docker-ID.scope, libpod-ID.scope, crio-ID, ... or ID; never libpod-conmon-ID. */
    private static final Pattern COMPONENT = Pattern.compile(
            "(?:(docker|libpod|cri-containerd|nerdctl|crio)-)?([0-9a-f]{64})(?:\\.scope)?");

    /** Docker's own short form, as `docker ps` prints it. */
    String shortId() {
        return id.substring(0, SHORT_ID);
    }

    /** Every container id in /proc/PID/cgroup, cgroup v1 ("4:memory:/docker/ID") and v2 ("0::/...") alike. */
    static List<ContainerRef> inCgroup(String cgroupText) {
        Set<ContainerRef> found = new LinkedHashSet<>();
        for (String line : cgroupText.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            String parent = "";
            for (String component : fields[2].split("/")) {
                Matcher matcher = COMPONENT.matcher(component);
                if (matcher.matches()) {
                    String prefix = matcher.group(1) != null ? matcher.group(1)
                            : parent.equals(DOCKER) ? DOCKER : BARE;
                    found.add(new ContainerRef(prefix, matcher.group(2)));
                }
                parent = component;
            }
        }
        return new ArrayList<>(found);
    }
}
