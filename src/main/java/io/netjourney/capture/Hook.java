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
    NAPI_GRO_FRAGS(6, "napi_gro_frags_entry", Direction.RX),
    /** skb:kfree_skb: drops, with the reason. */
    KFREE_SKB(7, "kfree_skb", Direction.NONE),
    /** fib:fib_table_lookup: IPv4 routing decisions. */
    FIB_TABLE_LOOKUP(8, "fib_table_lookup", Direction.NONE),
    /** fib6:fib6_table_lookup: IPv6 routing decisions. */
    FIB6_TABLE_LOOKUP(9, "fib6_table_lookup", Direction.NONE);

    /** Whether the device sends (tx) or receives (rx) the packet at this hook; NONE for verdict hooks. */
    public enum Direction { TX, RX, NONE }

    private static final Hook[] BY_ID = new Hook[10];

    static {
        for (Hook hook : values()) {
            BY_ID[hook.id] = hook;
        }
    }

    /** The device crossings and drops: what a trace that shows no routing decisions needs. */
    public static java.util.Set<Hook> crossingsAndDrops() {
        java.util.EnumSet<Hook> hooks = java.util.EnumSet.of(KFREE_SKB);
        for (Hook hook : values()) {
            if (hook.direction != Direction.NONE) {
                hooks.add(hook);
            }
        }
        return hooks;
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

    /** The tracepoint name (under net/, skb/, fib/ or fib6/ in /sys/kernel/tracing/events). */
    public String tracepoint() {
        return tracepoint;
    }

    public Direction direction() {
        return direction;
    }

    /** Crossing hooks have a raw_tp twin in the BPF object for kernels whose BTF lacks the tracepoint type. */
    public boolean hasRawTwin() {
        return direction != Direction.NONE;
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
