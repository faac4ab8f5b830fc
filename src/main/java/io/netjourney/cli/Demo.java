package io.netjourney.cli;

import io.netjourney.lab.Lab;
import io.netjourney.lab.LabNode;
import java.util.ArrayList;
import java.util.List;

/** The demo's pings: each one a journey a newcomer should see. */
final class Demo {
    record Ping(LabNode from, LabNode to, boolean ipv6, String what) {
        String address() {
            return ipv6 ? to.ipv6() : to.ipv4();
        }
    }

    static final List<Ping> PINGS = List.of(
            new Ping(LabNode.HOST, LabNode.CTR1, false, "host to container, over the bridge and a veth"),
            new Ping(LabNode.CTR1, LabNode.CTR2, false, "container to container, across the bridge"),
            new Ping(LabNode.CTR1, LabNode.FAR, false, "container to a far namespace, through the router"),
            new Ping(LabNode.HOST, LabNode.CTR1, true, "the same in IPv6"),
            new Ping(LabNode.CTR1, LabNode.FAR, true, "across the router in IPv6"));

    private Demo() {
    }

    static List<String> namespaces(Lab lab) {
        List<String> names = new ArrayList<>();
        for (LabNode node : LabNode.values()) {
            names.add(lab.namespace(node));
        }
        return names;
    }
}
