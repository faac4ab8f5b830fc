package io.netjourney.capture.names;

import org.junit.jupiter.api.Test;

class LxcNamesTest {
    private final LxcNames lxc = new LxcNames();

    @Test
    void namesTheContainerFromItsPayloadCgroup() {
        Fixtures.assertLabel(lxc, "lxc:web3", "lxc-v2", "lxc-v1", "lxc-payload-v1");
    }

    @Test
    void leavesTheMonitorAndOtherRuntimesAlone() {
        Fixtures.assertNoLabel(lxc, "lxc-monitor-v2", "docker-v1", "nspawn-v2", "plain-v2");
    }
}
