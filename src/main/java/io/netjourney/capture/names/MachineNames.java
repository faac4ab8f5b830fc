package io.netjourney.capture.names;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * systemd-nspawn and other machined containers: "machine:NAME" from a cgroup
 * machine.slice/systemd-nspawn@NAME.service or machine.slice/machine-NAME.scope (systemd-escaped, "\x2d" for
 * "-"), or for the LEADER of a machine registered in /run/systemd/machines/NAME.
 */
final class MachineNames implements ContainerNameSource {
    private static final Pattern UNIT = Pattern.compile(
            "/machine\\.slice/(?:systemd-nspawn@([^/\\s]+)\\.service|machine-([^/\\s]+)\\.scope)");
    private static final Pattern LEADER = Pattern.compile("^LEADER=(\\d+)$", Pattern.MULTILINE);
    private static final Pattern ESCAPE = Pattern.compile("\\\\x([0-9a-fA-F]{2})");

    private final Path machines;

    MachineNames(Path machines) {
        this.machines = machines;
    }

    @Override
    public Optional<String> label(ProcessInfo process) {
        Matcher unit = UNIT.matcher(process.cgroup());
        if (unit.find()) {
            return Optional.of("machine:" + unescape(unit.group(1) != null ? unit.group(1) : unit.group(2)));
        }
        return ledBy(process.pid()).map(name -> "machine:" + name);
    }

    /** The machine whose registry file names this pid its leader; machined's "unit:..." links are skipped. */
    private Optional<String> ledBy(long pid) {
        for (Path file : SystemFiles.list(machines)) {
            String name = file.getFileName().toString();
            if (name.contains(":")) {
                continue;
            }
            Matcher leader = LEADER.matcher(SystemFiles.read(file).orElse(""));
            if (leader.find() && Long.parseLong(leader.group(1)) == pid) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** systemd's unit name escaping: "my\x2dbox" is "my-box". */
    static String unescape(String unitName) {
        return ESCAPE.matcher(unitName).replaceAll(hex -> Character.toString(Integer.parseInt(hex.group(1), 16)));
    }
}
