package io.netjourney.capture.names;

import org.junit.jupiter.api.Test;

class KubernetesNamesTest {
    private final KubernetesNames kubernetes = new KubernetesNames(new OciBundles(Fixtures.machine()));

    @Test
    void namesContainerdPodsFromTheCriSandboxAnnotations() {
        Fixtures.assertLabel(kubernetes, "pod:default/nginx-7c5ddbdf54-x2x9z", "k8s-containerd-v2", "k8s-containerd-v1");
    }

    @Test
    void namesCrioPodsFromThePodAnnotations() {
        Fixtures.assertLabel(kubernetes, "pod:kube-system/coredns-5d78c9869d-abcde", "k8s-crio-v2", "k8s-crio-v1");
    }

    @Test
    void leavesContainersWithoutPodAnnotationsAlone() {
        Fixtures.assertNoLabel(kubernetes, "nerdctl-v2", "ctr-v2", "podman-v2", "docker-v2", "plain-v2");
    }
}
