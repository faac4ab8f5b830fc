package io.netjourney.capture.names;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** LXC and LXD containers: "lxc:NAME" from a cgroup /lxc.payload.NAME (LXC 4+), /lxc.payload/NAME or /lxc/NAME. */
final class LxcNames implements ContainerNameSource {
    private static final Pattern PAYLOAD = Pattern.compile("^\\d+:[^:]*:/(?:lxc\\.payload[./]|lxc/)([^/\\s]+)",
            Pattern.MULTILINE);

    @Override
    public Optional<String> label(ProcessInfo process) {
        Matcher matcher = PAYLOAD.matcher(process.cgroup());
        return matcher.find() ? Optional.of("lxc:" + matcher.group(1)) : Optional.empty();
    }
}
