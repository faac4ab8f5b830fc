package io.netjourney.capture.names;

import java.util.Optional;

/** Names the container a process runs in, for one container runtime. */
interface ContainerNameSource {

    /** "docker:web", "pod:default/nginx", ...; empty when the process is not in one of this runtime's containers. */
    Optional<String> label(ProcessInfo process);
}
