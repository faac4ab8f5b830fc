package io.netjourney.capture;

/**
 * The kernel tracepoints a crossing is seen at. Keep the ids in sync with enum nj_hook in bpf/netjourney.h.
 */
public enum Hook {
    NET_DEV_QUEUE(1, "net_dev_queue", Direction.TX),
    NETIF_RX(2, "netif_rx", Direction.RX),
    NETIF_RECEIVE_SKB(3, "netif_receive_skb_entry", Direction.RX),
    NAPI_GRO_RECEIVE(4, "napi_gro_receive_entry", Direction.RX),
    NETIF_RECEIVE_SKB_LIST(5, "netif_receive_skb_list_entry", Direction.RX),
    NAPI_GRO_FRAGS(6, "napi_gro_frags_entry", Direction.RX);

    /** Whether the device sends (tx) or receives (rx) the packet at this hook. */
    public enum Direction { TX, RX }

    private static final Hook[] BY_ID = new Hook[7];

    static {
        for (Hook hook : values()) {
            BY_ID[hook.id] = hook;
        }
    }

    private final int id;
    private final String tracepoint;
    private final Direction direction;

    Hook(int id, String tracepoint, Direction direction) {
        this.id = id;
        this.tracepoint = tracepoint;
        this.direction = direction;
    }

    public int id() {
        return id;
    }

    /** The tracepoint name under net/, as in /sys/kernel/tracing/events/net. */
    public String tracepoint() {
        return tracepoint;
    }

    public Direction direction() {
        return direction;
    }

    public static Hook fromId(int id) {
        if (id <= 0 || id >= BY_ID.length || BY_ID[id] == null) {
            throw new IllegalArgumentException("unknown hook id " + id);
        }
        return BY_ID[id];
    }

    public static Hook fromTracepoint(String name) {
        for (Hook hook : values()) {
            if (hook.tracepoint.equals(name)) {
                return hook;
            }
        }
        throw new IllegalArgumentException("unknown tracepoint " + name);
    }
}
