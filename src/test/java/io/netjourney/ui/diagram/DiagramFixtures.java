package io.netjourney.ui.diagram;

import io.netjourney.lab.LabNode;
import io.netjourney.lab.LabPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Graphs and highlights the diagram tests draw: a docker-like lab, the real lab's plan, a Docker host, a big host. */
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
        Highlight trip = roundTrip(List.of(CTR1_ETH0, VETH_A, DOCKER0, VETH_B, CTR2_ETH0), 1.5, 0.8);
        return new Highlight(trip.request(), trip.reply(), Set.of(DOCKER0));
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

    /** On {@link #big}: ctr1 pings ctr2 over the bridge, and ctr17 pings ctr9. */
    static Highlight bigPing() {
        Highlight a = roundTrip(bigBridged(1, 2));
        Highlight b = roundTrip(bigBridged(17, 9));
        List<Highlight.PathEdge> request = new ArrayList<>(a.request());
        request.addAll(b.request());
        List<Highlight.PathEdge> reply = new ArrayList<>(a.reply());
        reply.addAll(b.reply());
        return new Highlight(request, reply, Set.of());
    }

    /** On {@link #big}: the path from container {@code from}'s eth0 over the bridge to container {@code to}'s. */
    static List<String> bigBridged(int from, int to) {
        return List.of(DiagramGraph.idOf(4026532000L + from, 2), DiagramGraph.idOf(HOST, 9 + from),
                DiagramGraph.idOf(HOST, 3), DiagramGraph.idOf(HOST, 9 + to), DiagramGraph.idOf(4026532000L + to, 2));
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

    /**
     * The lab as {@link LabPlan} builds it, with the links its pings show: every veth pair, each bridge port to the
     * bridge, the two bridge ports to each other (a bridged frame), the bridge to the router link (routed by the
     * host), the router's two ends (forwarded), and a loopback in nj-ctr1.
     */
    static DiagramGraph lab() {
        LabPlan plan = LabPlan.of("nj-");
        Map<LabNode, Long> inodes = new HashMap<>();
        List<DiagramGraph.Namespace> namespaces = new ArrayList<>();
        for (LabNode node : LabNode.values()) {
            inodes.put(node, 4026532300L + node.ordinal());
            namespaces.add(new DiagramGraph.Namespace(inodes.get(node), plan.namespace(node)));
        }
        Map<String, DiagramGraph.Interface> byName = new HashMap<>();
        List<DiagramGraph.Interface> interfaces = new ArrayList<>();
        List<DiagramGraph.Link> links = new ArrayList<>();
        int[] ifindex = {10};
        long host = inodes.get(plan.bridge().node());
        DiagramGraph.Interface bridge = new DiagramGraph.Interface(DiagramGraph.idOf(host, ifindex[0]++), host,
                ifindex[0] - 1, plan.bridge().name(), "bridge", null);
        interfaces.add(bridge);
        List<DiagramGraph.Interface> ports = new ArrayList<>();
        for (LabPlan.Veth veth : plan.veths()) {
            long here = inodes.get(veth.node());
            long there = inodes.get(veth.peerNode());
            String master = veth.master() == null ? null : bridge.id();
            DiagramGraph.Interface a = new DiagramGraph.Interface(DiagramGraph.idOf(here, ifindex[0]), here,
                    ifindex[0]++, veth.name(), "veth", master);
            DiagramGraph.Interface b = new DiagramGraph.Interface(DiagramGraph.idOf(there, ifindex[0]), there,
                    ifindex[0]++, veth.peerName(), "veth", null);
            interfaces.add(a);
            interfaces.add(b);
            byName.put(plan.namespace(veth.node()) + "/" + veth.name(), a);
            byName.put(plan.namespace(veth.peerNode()) + "/" + veth.peerName(), b);
            links.add(link(a.id(), b.id()));
            if (master != null) {
                ports.add(a);
                links.add(link(a.id(), bridge.id()));
            } else if (veth.node() == plan.bridge().node()) {
                links.add(link(bridge.id(), a.id()));
            }
        }
        for (int i = 0; i < ports.size(); i++) {
            for (int j = i + 1; j < ports.size(); j++) {
                links.add(link(ports.get(i).id(), ports.get(j).id()));
            }
        }
        for (LabNode forwarder : plan.forwarders()) {
            List<DiagramGraph.Interface> ends = new ArrayList<>();
            for (DiagramGraph.Interface i : interfaces) {
                if (i.netnsInode() == inodes.get(forwarder) && i.masterId() == null && !"bridge".equals(i.kind())) {
                    ends.add(i);
                }
            }
            if (forwarder != plan.bridge().node() && ends.size() == 2) {
                links.add(link(ends.get(0).id(), ends.get(1).id()));
            }
        }
        long ctr1 = inodes.get(LabNode.CTR1);
        interfaces.add(new DiagramGraph.Interface(DiagramGraph.idOf(ctr1, 1), ctr1, 1, "lo", "loopback", null));
        return new DiagramGraph(namespaces, interfaces, links);
    }

    /** On {@link #lab}: nj-ctr1's path to nj-far, through the bridge, the host's routing and the router. */
    static List<String> labToFar(DiagramGraph lab) {
        return List.of(labInterface(lab, LabNode.CTR1, "eth0"), labInterface(lab, LabNode.HOST, "nj-veth1"),
                labInterface(lab, LabNode.HOST, "nj-br0"), labInterface(lab, LabNode.HOST, "nj-h-r"),
                labInterface(lab, LabNode.ROUTER, "nj-r-h"), labInterface(lab, LabNode.ROUTER, "nj-r-f"),
                labInterface(lab, LabNode.FAR, "eth0"));
    }

    /** The lab's interface in namespace {@code node} named {@code name}. */
    static String labInterface(DiagramGraph lab, LabNode node, String name) {
        long inode = lab.namespaces().get(node.ordinal()).inode();
        return lab.interfaces().stream().filter(i -> i.netnsInode() == inode && i.name().equals(name))
                .findFirst().orElseThrow().id();
    }

    /**
     * A Docker host: docker0 in the root namespace with a vethXXXXXXX port per container, each container's eth0
     * behind it, the host's uplink eth0 (containers' traffic to the outside is routed through it), and a container
     * with a loopback of its own.
     */
    static DiagramGraph docker(int containers) {
        long root = 4026531840L;
        List<DiagramGraph.Namespace> namespaces = new ArrayList<>(List.of(new DiagramGraph.Namespace(root, "host")));
        String docker0 = DiagramGraph.idOf(root, 3);
        String uplink = DiagramGraph.idOf(root, 2);
        List<DiagramGraph.Interface> interfaces = new ArrayList<>(List.of(iface(uplink, "eth0", "physical", null),
                iface(docker0, "docker0", "bridge", null)));
        List<DiagramGraph.Link> links = new ArrayList<>(List.of(link(docker0, uplink)));
        Random hex = new Random(7);
        for (int c = 0; c < containers; c++) {
            long inode = 4026532500L + 17 * c;
            namespaces.add(new DiagramGraph.Namespace(inode, "docker:" + List.of("web", "db", "cache", "queue",
                    "worker", "proxy", "search", "metrics").get(c % 8) + (c < 8 ? "" : "-" + c / 8)));
            String eth0 = DiagramGraph.idOf(inode, 2 + c % 3);
            String port = DiagramGraph.idOf(root, 20 + c);
            interfaces.add(iface(port, String.format("veth%07x", hex.nextInt(1 << 28)), "veth", docker0));
            interfaces.add(iface(eth0, "eth0", "veth", null));
            links.add(link(eth0, port));
            links.add(link(port, docker0));
            if (c == 1) {
                interfaces.add(iface(DiagramGraph.idOf(inode, 1), "lo", "loopback", null));
            }
        }
        return new DiagramGraph(namespaces, interfaces, links);
    }

    /** The same graph with its namespaces, interfaces and links in another order (as another run discovers it). */
    static DiagramGraph shuffled(DiagramGraph g, long seed) {
        Random random = new Random(seed);
        List<DiagramGraph.Namespace> ns = new ArrayList<>(g.namespaces());
        List<DiagramGraph.Interface> ifs = new ArrayList<>(g.interfaces());
        List<DiagramGraph.Link> links = new ArrayList<>();
        for (DiagramGraph.Link link : g.links()) {
            links.add(random.nextBoolean() ? link : link(link.toId(), link.fromId()));
        }
        Collections.shuffle(ns, random);
        Collections.shuffle(ifs, random);
        Collections.shuffle(links, random);
        return new DiagramGraph(ns, ifs, links);
    }

    /** The graph without one namespace and what it holds. */
    static DiagramGraph without(DiagramGraph g, long inode) {
        List<DiagramGraph.Interface> ifs = g.interfaces().stream().filter(i -> i.netnsInode() != inode).toList();
        Set<String> kept = new java.util.HashSet<>();
        ifs.forEach(i -> kept.add(i.id()));
        return new DiagramGraph(g.namespaces().stream().filter(n -> n.inode() != inode).toList(), ifs,
                g.links().stream().filter(l -> kept.contains(l.fromId()) && kept.contains(l.toId())).toList());
    }

    /** A highlight along these interfaces and back, hop labels "n · x µs". */
    static Highlight roundTrip(List<String> hops) {
        return roundTrip(hops, 11.5, 10.8);
    }

    /** Hop n of the request takes 3n + {@code request} µs, of the reply 2n + {@code reply} µs. */
    static Highlight roundTrip(List<String> hops, double request, double reply) {
        List<Highlight.PathEdge> requestSteps = new ArrayList<>();
        List<Highlight.PathEdge> replySteps = new ArrayList<>();
        for (int i = 1; i < hops.size(); i++) {
            requestSteps.add(new Highlight.PathEdge(hops.get(i - 1), hops.get(i), i,
                    i + " · " + (3 * i + request) + " µs"));
            replySteps.add(new Highlight.PathEdge(hops.get(hops.size() - i), hops.get(hops.size() - i - 1), i,
                    i + " · " + (2 * i + reply) + " µs"));
        }
        return new Highlight(requestSteps, replySteps, Set.of());
    }
}
