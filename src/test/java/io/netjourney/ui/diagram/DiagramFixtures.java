package io.netjourney.ui.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Graphs and highlights the diagram tests draw: a docker-like lab and a big host. */
final class DiagramFixtures {
    static final long HOST = 4026531840L;
    static final long CTR1 = 4026532258L;
    static final long CTR2 = 4026532259L;
    static final long ROUTER = 4026532260L;
    static final long FAR = 4026532261L;

    static final String CTR1_ETH0 = DiagramGraph.idOf(CTR1, 2);
    static final String CTR1_LO = DiagramGraph.idOf(CTR1, 1);
    static final String DOCKER0 = DiagramGraph.idOf(HOST, 3);
    static final String VETH_A = DiagramGraph.idOf(HOST, 4);
    static final String VETH_B = DiagramGraph.idOf(HOST, 5);
    static final String VETH_R = DiagramGraph.idOf(HOST, 6);
    static final String CTR2_ETH0 = DiagramGraph.idOf(CTR2, 2);
    static final String ROUTER_ETH0 = DiagramGraph.idOf(ROUTER, 2);
    static final String ROUTER_ETH1 = DiagramGraph.idOf(ROUTER, 3);
    static final String FAR_ETH0 = DiagramGraph.idOf(FAR, 2);

    private DiagramFixtures() {
    }

    /**
     * The lab as a ping from nj-ctr1 to nj-ctr2 and then to nj-far discovers it: namespaces in that order, veth
     * ports before their bridge, a loopback last.
     */
    static DiagramGraph dockerLike() {
        return new DiagramGraph(
                List.of(new DiagramGraph.Namespace(CTR1, "nj-ctr1"), new DiagramGraph.Namespace(HOST, "nj-host"),
                        new DiagramGraph.Namespace(CTR2, "nj-ctr2"), new DiagramGraph.Namespace(ROUTER, "nj-router"),
                        new DiagramGraph.Namespace(FAR, "nj-far")),
                List.of(iface(CTR1_ETH0, "eth0", "veth", null),
                        iface(VETH_A, "veth3f2a91c", "veth", DOCKER0),
                        iface(DOCKER0, "nj-br0", "bridge", null),
                        iface(VETH_B, "veth81be0d4", "veth", DOCKER0),
                        iface(CTR2_ETH0, "eth0", "veth", null),
                        iface(VETH_R, "veth-rtr", "veth", DOCKER0),
                        iface(ROUTER_ETH0, "eth0", "veth", null),
                        iface(ROUTER_ETH1, "eth1", "veth", null),
                        iface(FAR_ETH0, "eth0", "veth", null),
                        iface(CTR1_LO, "lo", "loopback", null)),
                List.of(link(CTR1_ETH0, VETH_A), link(VETH_A, DOCKER0), link(DOCKER0, VETH_B), link(VETH_B, CTR2_ETH0),
                        link(DOCKER0, VETH_R), link(VETH_R, ROUTER_ETH0), link(ROUTER_ETH0, ROUTER_ETH1),
                        link(ROUTER_ETH1, FAR_ETH0)));
    }

    /** nj-ctr1 pings nj-ctr2: the request through the bridge and the reply back; the bridge marked. */
    static Highlight pingCtr1ToCtr2() {
        List<String> hops = List.of(CTR1_ETH0, VETH_A, DOCKER0, VETH_B, CTR2_ETH0);
        List<Highlight.PathEdge> request = new ArrayList<>();
        List<Highlight.PathEdge> reply = new ArrayList<>();
        for (int i = 1; i < hops.size(); i++) {
            request.add(new Highlight.PathEdge(hops.get(i - 1), hops.get(i), i, i + " · " + (3 * i + 1.5) + " µs"));
            reply.add(new Highlight.PathEdge(hops.get(hops.size() - i), hops.get(hops.size() - i - 1), i,
                    i + " · " + (2 * i + 0.8) + " µs"));
        }
        return new Highlight(request, reply, Set.of(DOCKER0));
    }

    /**
     * A big host as the diagram would receive it: {@code namespaces} namespaces, {@code interfaces} interfaces in
     * all, the first namespace a host with a bridge whose veth ports lead into the others, everything appended in a
     * mixed order (ports before their bridge, late loopbacks).
     */
    static DiagramGraph big(int namespaces, int interfaces) {
        List<DiagramGraph.Namespace> ns = new ArrayList<>();
        List<DiagramGraph.Interface> ifs = new ArrayList<>();
        List<DiagramGraph.Link> links = new ArrayList<>();
        long host = 4026531840L;
        String bridge = DiagramGraph.idOf(host, 3);
        ns.add(new DiagramGraph.Namespace(host, "host"));
        int ifindex = 10;
        for (int n = 1; n < namespaces && ifs.size() + 2 <= interfaces; n++) {
            long inode = 4026532000L + n;
            ns.add(new DiagramGraph.Namespace(inode, "ctr" + n));
            String port = DiagramGraph.idOf(host, ifindex++);
            String eth0 = DiagramGraph.idOf(inode, 2);
            ifs.add(iface(eth0, "eth0", "veth", null));
            ifs.add(iface(port, "veth" + n, "veth", bridge));
            links.add(link(eth0, port));
            links.add(link(port, bridge));
            if (n == 2) {
                ifs.add(iface(bridge, "docker0", "bridge", null));
            }
        }
        for (int round = 0; ifs.size() < interfaces; round++) {
            for (int n = 1; n < ns.size() && ifs.size() < interfaces; n++) {
                long inode = ns.get(n).inode();
                ifs.add(round == 0 ? iface(DiagramGraph.idOf(inode, 1), "lo", "loopback", null)
                        : iface(DiagramGraph.idOf(inode, 100 + round), "vlan" + round, "vlan", null));
            }
        }
        return new DiagramGraph(ns, ifs, links);
    }

    /** The prefix of a graph an earlier snapshot would have held: the first k of each list (interfaces k, etc.). */
    static DiagramGraph prefix(DiagramGraph g, int interfaces) {
        int ns = Math.min(g.namespaces().size(), interfaces / 2 + 1);
        int links = Math.min(g.links().size(), interfaces);
        return new DiagramGraph(g.namespaces().subList(0, ns), g.interfaces().subList(0, interfaces),
                g.links().subList(0, links));
    }

    static DiagramGraph.Interface iface(String id, String name, String kind, String master) {
        int colon = id.indexOf(':');
        return new DiagramGraph.Interface(id, Long.parseLong(id.substring(0, colon)),
                Integer.parseInt(id.substring(colon + 1)), name, kind, master);
    }

    static DiagramGraph.Link link(String from, String to) {
        return new DiagramGraph.Link(from, to);
    }
}
