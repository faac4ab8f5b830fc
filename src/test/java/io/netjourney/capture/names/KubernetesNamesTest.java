package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubernetesNamesTest {
    private final KubernetesNames kubernetes = new KubernetesNames(new OciBundles(Fixtures.machine()));

    @Test
    void namesContainerdPodsFromTheCriSandboxAnnotations() {
        assertEquals(Optional.of("pod:default/nginx-7c5ddbdf54-x2x9z"),
                kubernetes.label(Fixtures.process("k8s-containerd-v2")));
        assertEquals(Optional.of("pod:default/nginx-7c5ddbdf54-x2x9z"),
                kubernetes.label(Fixtures.process("k8s-containerd-v1")));
    }

    @Test
    void namesCrioPodsFromThePodAnnotations() {
        assertEquals(Optional.of("pod:kube-system/coredns-5d78c9869d-abcde"),
                kubernetes.label(Fixtures.process("k8s-crio-v2")));
        assertEquals(Optional.of("pod:kube-system/coredns-5d78c9869d-abcde"),
                kubernetes.label(Fixtures.process("k8s-crio-v1")));
    }

    @Test
    void leavesContainersWithoutPodAnnotationsAlone() {
        for (String fixture : new String[] {"nerdctl-v2", "ctr-v2", "podman-v2", "docker-v2", "plain-v2"}) {
            assertEquals(Optional.empty(), kubernetes.label(Fixtures.process(fixture)), fixture);
        }
    }
}
