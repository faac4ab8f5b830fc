package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineNamesTest {
    private final MachineNames machines = new MachineNames(Fixtures.machine().systemdMachines());

    @Test
    void namesNspawnMachinesFromTheirUnitUnescaped() {
        assertEquals(Optional.of("machine:box"), machines.label(Fixtures.process("nspawn-v2")));
        assertEquals(Optional.of("machine:my-box"), machines.label(Fixtures.process("nspawn-v1")));
        assertEquals(Optional.of("machine:qemu-1-vm"),
                machines.label(ProcessInfo.of(9, "init", "0::/machine.slice/machine-qemu\\x2d1\\x2dvm.scope\n")));
    }

    @Test
    void namesTheLeaderOfARegisteredMachine() {
        assertEquals(Optional.of("machine:box"), machines.label(Fixtures.process(Fixtures.NSPAWN_LEADER, "plain-v2")));
        assertEquals(Optional.empty(), machines.label(Fixtures.process(Fixtures.NSPAWN_LEADER + 1, "plain-v2")));
    }

    @Test
    void skipsMachinedsUnitLinks(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("unit:systemd-nspawn@box.service"), "NAME=box\nLEADER=77\n");
        assertEquals(Optional.empty(), new MachineNames(dir).label(Fixtures.process(77, "plain-v2")));
    }

    @Test
    void leavesOtherRuntimesAlone() {
        Fixtures.assertNoLabel(machines, "podman-v2", "lxc-v2", "docker-v2", "plain-hybrid");
    }
}
