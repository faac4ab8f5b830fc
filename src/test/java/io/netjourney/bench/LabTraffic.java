package io.netjourney.bench;

import io.netjourney.capture.Crossing;
import io.netjourney.capture.Device;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Packet;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark input: device crossings as the built-in lab produces them (see fixtures/lab-pings.njt), for many flows
 * at once. Containers behind the bridge talk to each other (4 crossings a way) and, through the router namespace,
 * to far hosts (7 a way). Flows are ICMP echo, UDP and TCP over IPv4, and ICMPv6 echo and TCP over IPv6; each
 * packet goes out and its reply comes back. Skb addresses come from a small pool and are reused as the slab
 * reuses them; a quarter of the packets change skb on a veth receive (as GRO or a copy would). Two packets are
 * in flight at a time, their crossings interleaved as two CPUs would deliver them. Deterministic for a seed.
 */
public final class LabTraffic {
    /** Time between two crossings: about a million crossings a second. */
    static final long SPACING_NS = 1_000;
    private static final int SKB_POOL = 4096;
    private static final long SKB_BASE = 0xffff888100000000L;
    /** The skb addresses a CPU of the flood reuses (a recording of it: 80 and 145 for 15,000 packets each). */
    private static final int FLOOD_SKBS_PER_CPU = 16;

    private static final Netns HOST = new Netns(4026532176L, 3855);
    private static final Netns ROUTER = new Netns(4026532383L, 3863);
    private static final Port BRIDGE = new Port(HOST, 2, "nj-br0", "bridge", 0);
    private static final Port HOST_TO_ROUTER = new Port(HOST, 5, "nj-h-r", "veth", 0);
    private static final Port ROUTER_TO_HOST = new Port(ROUTER, 2, "nj-r-h", "veth", 0);
    private static final Port ROUTER_TO_FAR = new Port(ROUTER, 3, "nj-r-f", "veth", 0);

    private final SplittableRandom random;
    private final List<Flow> flows = new ArrayList<>();
    private final List<HopEvent> events = new ArrayList<>();
    private long clockNs = 2_377_567_067_731L;
    private int nextSkb;

    private LabTraffic(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} crossings of packets spread over {@code flowCount} flows. */
    public static List<HopEvent> generate(int count, int flowCount, long seed) {
        LabTraffic traffic = new LabTraffic(seed);
        for (int i = 0; i < flowCount; i++) {
            traffic.flows.add(traffic.newFlow(i));
        }
        traffic.run(count);
        return traffic.events;
    }

    /**
     * {@code count} crossings of {@code packaging/bench capture}'s load, as a recording of it shows them: small UDP
     * datagrams from {@code nj-ctr1} to {@code nj-ctr2} (198.51.100.2 to .3, port 9000) from two sender processes
     * (two flows, one per CPU), each datagram crossing nj-ctr1's eth0, nj-veth1, nj-veth2 and nj-ctr2's eth0 on
     * one skb, its IPv4 ID one more than its flow's previous one. Each CPU takes its skbs from a pool of its own
     * (the slab hands the same few addresses out again within a few packets); the two CPUs' crossings interleave
     * in bursts of one to three.
     */
    public static List<HopEvent> flood(int count, long seed) {
        LabTraffic traffic = new LabTraffic(seed);
        Netns ctr1 = new Netns(4026532305L, 6090);
        Netns ctr2 = new Netns(4026532370L, 2039);
        List<Step> path = List.of(Path.tx(new Port(ctr1, 2, "eth0", "veth", 0)),
                Path.rx(new Port(HOST, 3, "nj-veth1", "veth", BRIDGE.ifindex())),
                Path.tx(new Port(HOST, 4, "nj-veth2", "veth", BRIDGE.ifindex())),
                Path.rx(new Port(ctr2, 2, "eth0", "veth", 0)));
        InetAddress client = Path.address(false, 2);
        InetAddress server = Path.address(false, 3);
        Flow[] senders = new Flow[2];
        for (int cpu = 0; cpu < senders.length; cpu++) {
            senders[cpu] = new Flow(new Path(path, path, 2, 3), client, server, Packet.PROTO_UDP,
                    32768 + traffic.random.nextInt(28_000), 9000, traffic.random.nextInt(1 << 16), 0);
        }
        List<Crossing>[] pending = new List[] {new ArrayList<Crossing>(), new ArrayList<Crossing>()};
        int[] at = new int[2];
        while (traffic.events.size() < count) {
            for (int cpu = 0; cpu < senders.length; cpu++) {
                if (at[cpu] == pending[cpu].size()) {
                    pending[cpu].clear();
                    at[cpu] = 0;
                    long skb = SKB_BASE + (long) cpu << 24 | (long) traffic.random.nextInt(FLOOD_SKBS_PER_CPU) << 8;
                    for (Step step : path) {
                        pending[cpu].add(senders[cpu].content(true, cpu, skb, step, client, server));
                    }
                    senders[cpu].clientIpId++;
                }
                for (int n = 1 + traffic.random.nextInt(3); n > 0 && at[cpu] < pending[cpu].size(); n--) {
                    traffic.events.add(traffic.stamped(pending[cpu].get(at[cpu]++)));
                }
            }
        }
        traffic.events.subList(count, traffic.events.size()).clear();
        return traffic.events;
    }

    private void run(int count) {
        List<Crossing> a = new ArrayList<>();
        List<Crossing> b = new ArrayList<>();
        int ia = 0;
        int ib = 0;
        while (events.size() < count) {
            if (ia == a.size()) {
                a = nextExchange(0);
                ia = 0;
            }
            if (ib == b.size()) {
                b = nextExchange(1);
                ib = 0;
            }
            // the two CPUs deliver in bursts of one to three crossings
            for (int n = 1 + random.nextInt(3); n > 0 && ia < a.size(); n--) {
                events.add(stamped(a.get(ia++)));
            }
            for (int n = 1 + random.nextInt(3); n > 0 && ib < b.size(); n--) {
                events.add(stamped(b.get(ib++)));
            }
        }
        events.subList(count, events.size()).clear();
    }

    private Crossing stamped(Crossing e) {
        clockNs += SPACING_NS / 2 + random.nextLong(SPACING_NS);
        return withTime(e, clockNs);
    }

    /** A packet of a random flow and its answer, timestamps to be filled in. */
    private List<Crossing> nextExchange(int cpu) {
        Flow flow = flows.get(random.nextInt(flows.size()));
        List<Crossing> out = new ArrayList<>();
        flow.sent++;
        packet(out, cpu, flow, true);
        packet(out, cpu, flow, false);
        return out;
    }

    private void packet(List<Crossing> out, int cpu, Flow flow, boolean request) {
        List<Step> path = request ? flow.path.request : flow.path.reply;
        long skb = nextSkb();
        int skbChange = random.nextInt(4) == 0 ? 1 + random.nextInt(path.size() - 1) : -1;
        InetAddress from = request ? flow.client : flow.server;
        InetAddress to = request ? flow.server : flow.client;
        for (int i = 0; i < path.size(); i++) {
            if (i == skbChange) {
                skb = nextSkb();
            }
            Step c = path.get(i);
            out.add(flow.content(request, cpu, skb, c, from, to));
        }
        if (request) {
            flow.clientIpId++;
        } else {
            flow.serverIpId++;
        }
    }

    private long nextSkb() {
        nextSkb = (nextSkb + 1 + random.nextInt(3)) % SKB_POOL;
        return SKB_BASE + (long) nextSkb * 0x100;
    }

    private Flow newFlow(int i) {
        Path path = random.nextInt(3) == 0 ? Path.toFar(i) : Path.betweenContainers(i);
        int kind = random.nextInt(10);
        boolean ipv6 = kind >= 8;
        InetAddress client = path.clientAddress(ipv6);
        InetAddress server = path.serverAddress(ipv6);
        int proto;
        if (ipv6) {
            proto = kind == 8 ? Packet.PROTO_ICMPV6 : Packet.PROTO_TCP;
        } else {
            proto = kind < 4 ? Packet.PROTO_ICMP : kind < 6 ? Packet.PROTO_UDP : Packet.PROTO_TCP;
        }
        return new Flow(path, client, server, proto, 1024 + random.nextInt(60_000), random.nextInt(1 << 16),
                random.nextInt(1 << 20));
    }

    private static Crossing withTime(Crossing e, long ts) {
        return new Crossing(ts, e.cpu(), e.hook(), e.skb(), e.device(), e.packet(), e.taskNetnsInode());
    }

    private record Netns(long inode, long cookie) {
    }

    private record Port(Netns netns, int ifindex, String name, String kind, int master) {
    }

    private record Step(Port device, Hook hook) {
        boolean transmits() {
            return hook == Hook.NET_DEV_QUEUE;
        }
    }

    /** Where a flow's packets go: the crossings of a request and of its reply, and the two ends' addresses. */
    private record Path(List<Step> request, List<Step> reply, int clientHost, int serverHost) {

        /** Container to container across the bridge: eth0, host veth rx, other host veth tx, other eth0. */
        static Path betweenContainers(int i) {
            int a = i % 40;
            int b = (a + 1 + i / 40 % 39) % 40;
            Port clientEth = containerEth(a);
            Port serverEth = containerEth(b);
            Port clientPort = hostPort(a);
            Port serverPort = hostPort(b);
            return new Path(
                    List.of(tx(clientEth), rx(clientPort), tx(serverPort), rx(serverEth)),
                    List.of(tx(serverEth), rx(serverPort), tx(clientPort), rx(clientEth)),
                    2 + a, 2 + b);
        }

        /** Container to a far namespace through the router: seven crossings each way. */
        static Path toFar(int i) {
            int a = i % 40;
            int far = i / 40 % 60;
            Port clientEth = containerEth(a);
            Port clientPort = hostPort(a);
            Port farEth = new Port(new Netns(4026533000L + far, 9000 + far), 2, "eth0", "veth", 0);
            return new Path(
                    List.of(tx(clientEth), rx(clientPort), new Step(BRIDGE, Hook.NETIF_RECEIVE_SKB),
                            tx(HOST_TO_ROUTER), rx(ROUTER_TO_HOST), tx(ROUTER_TO_FAR), rx(farEth)),
                    List.of(tx(farEth), rx(ROUTER_TO_FAR), tx(ROUTER_TO_HOST), rx(HOST_TO_ROUTER), tx(BRIDGE),
                            tx(clientPort), rx(clientEth)),
                    2 + a, 130 + far);
        }

        private static Port containerEth(int n) {
            return new Port(new Netns(4026532245L + n, 3858 + n), 2, "eth0", "veth", 0);
        }

        private static Port hostPort(int n) {
            return new Port(HOST, 10 + n, "nj-veth" + (n + 1), "veth", BRIDGE.ifindex());
        }

        private static Step tx(Port d) {
            return new Step(d, Hook.NET_DEV_QUEUE);
        }

        private static Step rx(Port d) {
            return new Step(d, Hook.NETIF_RX);
        }

        InetAddress clientAddress(boolean ipv6) {
            return address(ipv6, clientHost);
        }

        InetAddress serverAddress(boolean ipv6) {
            return address(ipv6, serverHost);
        }

        private static InetAddress address(boolean ipv6, int host) {
            byte[] bytes = ipv6
                    ? new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) host}
                    : new byte[] {(byte) 198, 51, 100, (byte) host};
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** One conversation: its path, protocol, ports or echo id, and the counters its packets number from. */
    private static final class Flow {
        final Path path;
        final InetAddress client;
        final InetAddress server;
        final int protocol;
        final int port;
        final int serverPort;
        final int flowLabel;
        int clientIpId;
        int serverIpId;
        int sent;

        Flow(Path path, InetAddress client, InetAddress server, int protocol, int port, int ipId, int flowLabel) {
            this(path, client, server, protocol, port, 80, ipId, flowLabel);
        }

        Flow(Path path, InetAddress client, InetAddress server, int protocol, int port, int serverPort, int ipId,
                int flowLabel) {
            this.path = path;
            this.serverPort = serverPort;
            this.client = client;
            this.server = server;
            this.protocol = protocol;
            this.port = port;
            this.clientIpId = ipId;
            this.serverIpId = ipId ^ 0x5555;
            this.flowLabel = flowLabel;
        }

        Crossing content(boolean request, int cpu, long skb, Step c, InetAddress from, InetAddress to) {
            boolean ipv6 = from.getAddress().length == 16;
            Port d = c.device();
            int sport = 0;
            int dport = 0;
            int icmpType = 0;
            int icmpId = 0;
            int icmpSeq = 0;
            int tcpFlags = 0;
            long seq = 0;
            long ack = 0;
            if (protocol == Packet.PROTO_ICMP || protocol == Packet.PROTO_ICMPV6) {
                icmpType = ipv6 ? (request ? 128 : 129) : (request ? 8 : 0);
                icmpId = port;
                icmpSeq = sent & 0xFFFF;
            } else {
                sport = request ? port : serverPort;
                dport = request ? serverPort : port;
            }
            if (protocol == Packet.PROTO_TCP) {
                tcpFlags = sent == 1 ? (request ? 0x02 : 0x12) : 0x18;
                long clientSeq = 1_000_000L + 100L * sent;
                long serverSeq = 5_000_000L + 1448L * sent;
                seq = (request ? clientSeq : serverSeq) & 0xFFFFFFFFL;
                ack = (request ? serverSeq : clientSeq + 100) & 0xFFFFFFFFL;
            }
            int ipId = ipv6 ? 0 : (request ? clientIpId : serverIpId) & 0xFFFF;
            int label = ipv6 && protocol == Packet.PROTO_TCP ? flowLabel : 0;
            int length = (c.transmits() ? 98 : 84) + (ipv6 ? 20 : 0);
            long mac = 0x020000000000L + (request ? 1 : 2);
            Device device = new Device(d.netns().inode(), d.netns().cookie(), d.ifindex(), d.name(), d.kind(), 1,
                    d.master());
            Packet packet = new Packet(length, 0, ipv6 ? Packet.ETHERTYPE_IPV6 : Packet.ETHERTYPE_IPV4, 0, 0, from, to,
                    protocol, 64, ipId, label, sport, dport, tcpFlags, seq, ack, icmpType, 0, icmpId, icmpSeq, 0, mac,
                    mac ^ 3, null);
            return new Crossing(0, cpu, c.hook(), skb, device, packet, 0);
        }
    }
}
