package io.netjourney.ui.time;

import static io.netjourney.capture.HopEventBuilder.hop;

import io.netjourney.capture.Drop;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEventBuilder;
import io.netjourney.journey.JourneyConfig;
import io.netjourney.journey.JourneyModel;
import java.util.Map;

/**
 * The lab's ping nj-host → nj-ctr1 as a journey model sees it: request nj-br0, nj-veth1 (nj-host), eth0 (nj-ctr1);
 * reply eth0, nj-veth1, nj-br0, where root's ping leaves an expected NO_SOCKET drop. Times in ns.
 */
final class LabFlows {
    static final long HOST = 4026532100L;
    static final long CTR1 = 4026532101L;
    static final Map<Long, String> NAMES = Map.of(HOST, "nj-host", CTR1, "nj-ctr1");
    static final String HOST_IP = "198.51.100.1";
    static final String CTR1_IP = "198.51.100.2";

    private final JourneyModel model;
    private long skb = 0xffff888100002000L;

    LabFlows() {
        this(JourneyConfig.defaults());
    }

    LabFlows(JourneyConfig config) {
        model = new JourneyModel(config);
    }

    JourneyModel model() {
        return model;
    }

    /** A routing decision in nj-host for the ping at {@code t}. */
    LabFlows route(long t) {
        model.accept(hop().at(t).netns(HOST).dev(3, "nj-br0", "bridge").from(HOST_IP).to(CTR1_IP)
                .icmp(8, 0, 77, 0).route(254, 0, 0, null).build());
        return this;
    }

    /**
     * Ping seq {@code seq} at {@code t}: request Δt 1.5 µs into nj-veth1, 2.5 µs into eth0; the reply 10 µs after, Δt
     * 3 µs into nj-veth1 and 4 µs into nj-br0, then the expected NO_SOCKET drop 1 µs later.
     */
    LabFlows ping(int seq, long t) {
        long request = skb++;
        add(br(Hook.NET_DEV_QUEUE, request, t, false, seq));
        add(veth(Hook.NET_DEV_QUEUE, request, t + 1_500, false, seq));
        add(eth0(Hook.NETIF_RX, request, t + 4_000, false, seq));
        long reply = skb++;
        add(eth0(Hook.NET_DEV_QUEUE, reply, t + 14_000, true, seq));
        add(veth(Hook.NETIF_RX, reply, t + 17_000, true, seq));
        add(br(Hook.NETIF_RECEIVE_SKB, reply, t + 21_000, true, seq));
        Drop drop = br(Hook.NETIF_RECEIVE_SKB, reply, t + 22_000, true, seq).drop(3, 1).buildDrop();
        model.accept(drop.named("NO_SOCKET", "ping_rcv+0x12"));
        return this;
    }

    /** A request at {@code t} that nj-ctr1's firewall drops after eth0 (Δt 2 µs, 3 µs). */
    LabFlows droppedPing(int seq, long t) {
        long request = skb++;
        add(br(Hook.NET_DEV_QUEUE, request, t, false, seq));
        add(veth(Hook.NET_DEV_QUEUE, request, t + 2_000, false, seq));
        add(eth0(Hook.NETIF_RX, request, t + 5_000, false, seq));
        Drop drop = eth0(Hook.NETIF_RX, request, t + 6_000, false, seq).drop(6, 1).buildDrop();
        model.accept(drop.named("NETFILTER_DROP", "nft_do_chain+0x4"));
        return this;
    }

    private void add(HopEventBuilder event) {
        model.accept(event.build());
    }

    private static HopEventBuilder br(Hook hook, long skb, long t, boolean reply, int seq) {
        return echo(hook, skb, t, reply, seq).netns(HOST).dev(3, "nj-br0", "bridge");
    }

    private static HopEventBuilder veth(Hook hook, long skb, long t, boolean reply, int seq) {
        return echo(hook, skb, t, reply, seq).netns(HOST).dev(5, "nj-veth1", "veth").master(3);
    }

    private static HopEventBuilder eth0(Hook hook, long skb, long t, boolean reply, int seq) {
        return echo(hook, skb, t, reply, seq).netns(CTR1).dev(2, "eth0", "veth");
    }

    private static HopEventBuilder echo(Hook hook, long skb, long t, boolean reply, int seq) {
        return hop().hook(hook).at(t).skb(skb).from(reply ? CTR1_IP : HOST_IP).to(reply ? HOST_IP : CTR1_IP)
                .icmp(reply ? 0 : 8, 0, 77, seq);
    }
}
