package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LxcNamesTest {
    private final LxcNames lxc = new LxcNames();

    @Test
    void namesTheContainerFromItsPayloadCgroup() {
        assertEquals(Optional.of("lxc:web3"), lxc.label(Fixtures.process("lxc-v2")));
        assertEquals(Optional.of("lxc:web3"), lxc.label(Fixtures.process("lxc-v1")));
        assertEquals(Optional.of("lxc:web3"), lxc.label(Fixtures.process("lxc-payload-v1")));
    }

    @Test
    void leavesTheMonitorAndOtherRuntimesAlone() {
        for (String fixture : new String[] {"lxc-monitor-v2", "docker-v1", "nspawn-v2", "plain-v2"}) {
            assertEquals(Optional.empty(), lxc.label(Fixtures.process(fixture)), fixture);
        }
    }
}
