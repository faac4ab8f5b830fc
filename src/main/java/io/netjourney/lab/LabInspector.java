package io.netjourney.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares what the namespaces contain with the plan. */
final class LabInspector {
    private final LabPlan plan;
    private final Ip ip;
    private final List<LabStatus.Check> checks = new ArrayList<>();

    LabInspector(LabPlan plan, Ip ip) {
        this.plan = plan;
        this.ip = ip;
    }

    LabStatus inspect() {
        List<String> existing = ip.namespaces();
        for (LabNode node : LabNode.values()) {
            boolean present = existing.contains(plan.namespace(node));
            add(node, "namespace", present);
            if (present) {
                inspect(node);
            }
        }
        return new LabStatus(checks);
    }

    private void inspect(LabNode node) {
        String namespace = plan.namespace(node);
        Map<String, LinkLine> links = ip.links(namespace).stream()
                .collect(Collectors.toMap(LinkLine::name, Function.identity(), (a, b) -> a));
        checkLink(node, links, "lo", null);
        if (plan.bridge().node() == node) {
            checkLink(node, links, plan.bridge().name(), null);
        }
        for (LabPlan.Veth veth : plan.veths()) {
            if (veth.node() == node) {
                checkLink(node, links, veth.name(), veth.master());
            }
            if (veth.peerNode() == node) {
                checkLink(node, links, veth.peerName(), null);
            }
        }
        List<String> addresses = addresses(ip.in(namespace, "-o", "addr", "show"));
        for (LabPlan.Address address : plan.addresses()) {
            if (address.node() == node) {
                add(node, "address " + address.cidr() + " on " + address.device(),
                        addresses.contains(address.device() + " " + address.cidr()));
            }
        }
        String routes = ip.in(namespace, "route", "show") + ip.in(namespace, "-6", "route", "show");
        for (LabPlan.Route route : plan.routes()) {
            if (route.node() == node) {
                String expected = route.destination() + " via " + route.gateway() + " ";
                add(node, "route " + route.destination() + " via " + route.gateway(),
                        routes.lines().anyMatch(line -> (line + " ").startsWith(expected)));
            }
        }
        if (plan.forwarders().contains(node)) {
            String values = ip.runner().check(ip.exec(namespace,
                    List.of("sysctl", "-n", "net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding")));
            add(node, "IPv4 and IPv6 forwarding on", values.lines().allMatch(line -> line.strip().equals("1")));
        }
    }

    private void checkLink(LabNode node, Map<String, LinkLine> links, String name, String master) {
        Optional<LinkLine> link = Optional.ofNullable(links.get(name));
        add(node, "link " + name + " up", link.map(LinkLine::up).orElse(false));
        if (master != null) {
            add(node, "link " + name + " in " + master,
                    link.flatMap(LinkLine::master).map(master::equals).orElse(false));
        }
    }

    /** "DEVICE CIDR" for each line of {@code ip -o addr show}: "7: nj-br0    inet 198.51.100.1/26 ...". */
    static List<String> addresses(String text) {
        return text.lines()
                .map(line -> line.strip().split("\\s+"))
                .filter(fields -> fields.length > 3)
                .map(fields -> fields[1] + " " + fields[3])
                .collect(Collectors.toList());
    }

    private void add(LabNode node, String what, boolean present) {
        checks.add(new LabStatus.Check(plan.namespace(node), what, present));
    }
}
