package io.netjourney.capture.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerLabelsTest {

    @Test
    void eachRuntimesProcessesGetThatRuntimesLabel() {
        ContainerLabels labels = ContainerLabels.standard(Fixtures.machine());
        Map<String, String> expected = Map.ofEntries(
                Map.entry("docker-v2", "docker:web1"), Map.entry("docker-v1", "docker:web1"),
                Map.entry("podman-v2", "podman:web2"), Map.entry("podman-v1", "podman:web2"),
                Map.entry("k8s-containerd-v2", "pod:default/nginx-7c5ddbdf54-x2x9z"),
                Map.entry("k8s-containerd-v1", "pod:default/nginx-7c5ddbdf54-x2x9z"),
                Map.entry("k8s-crio-v2", "pod:kube-system/coredns-5d78c9869d-abcde"),
                Map.entry("k8s-crio-v1", "pod:kube-system/coredns-5d78c9869d-abcde"),
                Map.entry("nerdctl-v2", "nerdctl:web3"), Map.entry("nerdctl-v1", "nerdctl:web3"),
                Map.entry("ctr-v2", "containerd:2752ea5db34c"),
                Map.entry("lxc-v2", "lxc:web3"), Map.entry("lxc-v1", "lxc:web3"),
                Map.entry("nspawn-v2", "machine:box"), Map.entry("nspawn-v1", "machine:my-box"));
        expected.forEach((fixture, label) -> Fixtures.assertLabel(labels, label, fixture));
        Fixtures.assertNoLabel(labels, "plain-v2", "plain-hybrid", "podman-conmon-v2", "lxc-monitor-v2");
    }

    @Test
    void theFirstSourceThatClaimsAProcessWins() {
        ProcessInfo process = Fixtures.process("plain-v2");
        ContainerLabels labels = new ContainerLabels(List.of(
                p -> Optional.empty(), p -> Optional.of("first"), p -> Optional.of("second")));
        assertEquals(Optional.of("first"), labels.label(process));
        assertEquals(Optional.empty(), new ContainerLabels(List.of()).label(process));
    }
}
