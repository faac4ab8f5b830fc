package io.netjourney.capture.names;

import static io.netjourney.capture.names.Fixtures.CRIO_ID;
import static io.netjourney.capture.names.Fixtures.CTR_ID;
import static io.netjourney.capture.names.Fixtures.DOCKER_ID;
import static io.netjourney.capture.names.Fixtures.K8S_CONTAINERD_ID;
import static io.netjourney.capture.names.Fixtures.NERDCTL_ID;
import static io.netjourney.capture.names.Fixtures.PODMAN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerRefTest {

    @Test
    void findsEachRuntimesIdInCgroupV2() {
        assertEquals(List.of(new ContainerRef("docker", DOCKER_ID)), refs("docker-v2"));
        assertEquals(List.of(new ContainerRef("libpod", PODMAN_ID)), refs("podman-v2"));
        assertEquals(List.of(new ContainerRef("cri-containerd", K8S_CONTAINERD_ID)), refs("k8s-containerd-v2"));
        assertEquals(List.of(new ContainerRef("crio", CRIO_ID)), refs("k8s-crio-v2"));
        assertEquals(List.of(new ContainerRef("nerdctl", NERDCTL_ID)), refs("nerdctl-v2"));
        assertEquals(List.of(new ContainerRef(ContainerRef.BARE, CTR_ID)), refs("ctr-v2"));
    }

    @Test
    void findsEachRuntimesIdOnceInCgroupV1() {
        assertEquals(List.of(new ContainerRef("docker", DOCKER_ID)), refs("docker-v1"));
        assertEquals(List.of(new ContainerRef("libpod", PODMAN_ID)), refs("podman-v1"));
        assertEquals(List.of(new ContainerRef("libpod", PODMAN_ID)), refs("podman-cgroupfs-v1"));
        assertEquals(List.of(new ContainerRef(ContainerRef.BARE, K8S_CONTAINERD_ID)), refs("k8s-containerd-v1"));
        assertEquals(List.of(new ContainerRef("crio", CRIO_ID)), refs("k8s-crio-v1"));
        assertEquals(List.of(new ContainerRef(ContainerRef.BARE, NERDCTL_ID)), refs("nerdctl-v1"));
    }

    @Test
    void findsNoContainerOutsideOne() {
        for (String fixture : List.of("plain-v2", "plain-hybrid", "podman-conmon-v2", "lxc-v2", "nspawn-v1")) {
            assertEquals(List.of(), refs(fixture), fixture);
        }
        assertEquals(List.of(), ContainerRef.inCgroup("0::/docker/" + DOCKER_ID.substring(0, 40) + "\n"));
        assertEquals(List.of(), ContainerRef.inCgroup("0::/docker/" + DOCKER_ID + "aa\n"));
        assertEquals(List.of(), ContainerRef.inCgroup(""));
    }

    @Test
    void shortIdIsDockersTwelveDigits() {
        assertEquals("3f4e9c2a1b0d", new ContainerRef("docker", DOCKER_ID).shortId());
    }

    private static List<ContainerRef> refs(String fixture) {
        return Fixtures.process(fixture).containers();
    }
}
