package io.netjourney.ui.model;

import static io.netjourney.capture.HopEventBuilder.hop;

import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.HopEventBuilder;
import io.netjourney.capture.Names;
import io.netjourney.ui.diagram.DiagramGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test traffic on a docker-like host: docker0 (bridge, ifindex 3) and vetha373ab6 (veth, ifindex 7, port of
 * docker0) in the host namespace, eth0 (veth, ifindex 2) in the container nj-ctr1. Events go through a real
 * journey model, as in the app (see {@link Presented}).
 */
final class Traffic {
    static final long HOST_NS = 4026531840L;
    static final long CTR_NS = 4026532500L;
    static final Names NAMES = inode -> Optional.ofNullable(Map.of(HOST_NS, "host", CTR_NS, "nj-ctr1").get(inode));
    static final String DOCKER0 = DiagramGraph.idOf(HOST_NS, 3);
    static final String VETH = DiagramGraph.idOf(HOST_NS, 7);
    static final String ETH0 = DiagramGraph.idOf(CTR_NS, 2);
    static final String HOST_IP = "172.17.0.1";
    static final String CTR_IP = "172.17.0.2";

    private long nextSkb = 0xffff888100001000L;

    /**
     * One ping host → container: request docker0 (t), veth (+requestDeltas[0]), eth0 (+requestDeltas[1]); then,
     * unless {@code replyDeltas} is null, the reply 6 µs later: eth0, veth (+replyDeltas[0]), docker0
     * (+replyDeltas[1]). A request with one delta stops at the veth.
     */
    List<HopEvent> ping(int id, int seq, long t, long[] requestDeltas, long[] replyDeltas) {
        List<HopEvent> events = new ArrayList<>();
        long request = nextSkb++;
        long ts = t;
        events.add(echo(ts, request, HOST_NS, 3, "docker0", "bridge", 0, Hook.NET_DEV_QUEUE, false, id, seq));
        ts += requestDeltas[0];
        events.add(echo(ts, request, HOST_NS, 7, "vetha373ab6", "veth", 3, Hook.NET_DEV_QUEUE, false, id, seq));
        if (requestDeltas.length > 1) {
            ts += requestDeltas[1];
            events.add(echo(ts, request, CTR_NS, 2, "eth0", "veth", 0, Hook.NETIF_RX, false, id, seq));
        }
        if (replyDeltas != null) {
            long reply = nextSkb++;
            ts += 6_000;
            events.add(echo(ts, reply, CTR_NS, 2, "eth0", "veth", 0, Hook.NET_DEV_QUEUE, true, id, seq));
            ts += replyDeltas[0];
            events.add(echo(ts, reply, HOST_NS, 7, "vetha373ab6", "veth", 3, Hook.NETIF_RX, true, id, seq));
            ts += replyDeltas[1];
            events.add(echo(ts, reply, HOST_NS, 3, "docker0", "bridge", 0, Hook.NETIF_RECEIVE_SKB, true, id,
                    seq));
        }
        return trace(events);
    }

    /** A complete ping with the docker ping's timing: 1 and 2 µs on the request, 1 and 1 µs on the reply. */
    List<HopEvent> ping(int id, int seq, long t) {
        return ping(id, seq, t, new long[] {1_000, 2_000}, new long[] {1_000, 1_000});
    }

    /** A TCP handshake 172.17.0.1:40000 → 172.17.0.2:80 along the same path: SYN, SYN-ACK, ACK, 10 µs apart. */
    List<HopEvent> handshake(long t) {
        List<HopEvent> events = new ArrayList<>();
        events.addAll(tcpForward(t, 0x02, 100, 0));
        events.addAll(tcpBack(t + 10_000, 0x12, 500, 101));
        events.addAll(tcpForward(t + 20_000, 0x10, 101, 501));
        return trace(events);
    }

    /** An echo request host → container, id 7, on whatever device the caller sets. */
    static HopEventBuilder echoRequest(int seq, long skb, long t) {
        return hop().at(t).skb(skb).from(HOST_IP).to(CTR_IP).icmp(8, 0, 7, seq);
    }

    List<HopEvent> trace(List<HopEvent> events) {
        return events;
    }

    private List<HopEvent> tcpForward(long t, int flags, long seq, long ack) {
        long skb = nextSkb++;
        return List.of(
                tcp(t, skb, HOST_NS, 3, "docker0", "bridge", 0, Hook.NET_DEV_QUEUE, false, flags, seq, ack),
                tcp(t + 1_000, skb, HOST_NS, 7, "vetha373ab6", "veth", 3, Hook.NET_DEV_QUEUE, false, flags, seq, ack),
                tcp(t + 2_000, skb, CTR_NS, 2, "eth0", "veth", 0, Hook.NETIF_RX, false, flags, seq, ack));
    }

    private List<HopEvent> tcpBack(long t, int flags, long seq, long ack) {
        long skb = nextSkb++;
        return List.of(
                tcp(t, skb, CTR_NS, 2, "eth0", "veth", 0, Hook.NET_DEV_QUEUE, true, flags, seq, ack),
                tcp(t + 1_000, skb, HOST_NS, 7, "vetha373ab6", "veth", 3, Hook.NETIF_RX, true, flags, seq, ack),
                tcp(t + 2_000, skb, HOST_NS, 3, "docker0", "bridge", 0, Hook.NETIF_RECEIVE_SKB, true, flags, seq,
                        ack));
    }

    private static HopEvent echo(long ts, long skb, long netns, int ifindex, String ifname, String kind, int master,
                                 Hook hook, boolean reply, int id, int seq) {
        return hop().at(ts).skb(skb).netns(netns).dev(ifindex, ifname, kind).master(master).hook(hook)
                .from(reply ? CTR_IP : HOST_IP).to(reply ? HOST_IP : CTR_IP)
                .icmp(reply ? 0 : 8, 0, id, seq).build();
    }

    private static HopEvent tcp(long ts, long skb, long netns, int ifindex, String ifname, String kind, int master,
                                Hook hook, boolean reply, int flags, long seq, long ack) {
        return hop().at(ts).skb(skb).netns(netns).dev(ifindex, ifname, kind).master(master).hook(hook)
                .from(reply ? CTR_IP : HOST_IP).to(reply ? HOST_IP : CTR_IP)
                .tcp(reply ? 80 : 40000, reply ? 40000 : 80, flags, seq, ack).length(60).build();
    }
}
