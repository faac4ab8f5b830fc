/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/*
 * Structures and constants shared by the kernel side (netjourney.bpf.c) and
 * the Java side. Keep in sync with:
 *   src/main/java/io/netjourney/capture/HopRecord.java   (struct nj_hop, struct nj_crossing, struct nj_device)
 *   src/main/java/io/netjourney/capture/Hook.java        (enum nj_hook)
 *   src/main/java/io/netjourney/filter/KernelFilterAbi.java (enum nj_filter_verdict, enum nj_stage)
 *   src/main/java/io/netjourney/capture/CaptureSession.java (NJ_FILTER_SITE, struct nj_config)
 *   src/main/java/io/netjourney/capture/CaptureSession.java (enum nj_counter)
 * Plain fixed-width fields, explicit padding, no packed attribute.
 */
#ifndef NETJOURNEY_H
#define NETJOURNEY_H

#define NJ_IFNAMSIZ 16
#define NJ_KINDSIZ 16

enum nj_hook {
	NJ_HOOK_NET_DEV_QUEUE = 1,
	NJ_HOOK_NETIF_RX = 2,
	NJ_HOOK_NETIF_RECEIVE_SKB = 3,
	NJ_HOOK_NAPI_GRO_RECEIVE = 4,
	NJ_HOOK_NETIF_RECEIVE_SKB_LIST = 5,
	NJ_HOOK_NAPI_GRO_FRAGS = 6,
	NJ_HOOK_KFREE_SKB = 7,
	NJ_HOOK_FIB_TABLE_LOOKUP = 8,
	NJ_HOOK_FIB6_TABLE_LOOKUP = 9,
};

/* nj_hop.event: what the record reports */
enum nj_event {
	NJ_EV_CROSSING = 0, /* a device crossing (hook says which) */
	NJ_EV_DROP = 1,     /* skb:kfree_skb: the packet was dropped */
	NJ_EV_FIB = 2,      /* fib:fib_table_lookup / fib6:fib6_table_lookup: a routing decision */
};

/* nj_hop.flags */
enum nj_hop_flag {
	NJ_F_VLAN = 1 << 0,      /* at least one 802.1Q/802.1ad tag (in the frame or accelerated) */
	NJ_F_FRAGMENT = 1 << 1,  /* IPv4 fragment or IPv6 fragment header */
	NJ_F_NO_L2 = 1 << 2,     /* device without a link-layer header (tun, wireguard, ip tunnels) */
	NJ_F_TRUNCATED = 1 << 3, /* headers not in the linear data: some fields left zero */
	NJ_F_NO_L4 = 1 << 4,     /* non-first fragment: no transport header */
	NJ_F_IP6_EXT = 1 << 5,   /* IPv6 extension headers were walked */
	NJ_F_NO_MAC = 1 << 6,    /* MAC header not set: MAC addresses unknown */
	NJ_F_QUOTED = 1 << 7,    /* an ICMP/ICMPv6 error: the q_* fields hold the header it quotes */
};

/* nj_hop.q_flags */
enum nj_quote_flag {
	NJ_QF_NO_L4 = 1 << 0, /* the quote ends before the quoted transport header (or a non-first fragment) */
};

/* One device crossing of one packet: the ring buffer record. */
struct nj_hop {
	__u64 ts_ns;          /* bpf_ktime_get_ns() */
	__u64 skb;            /* skb address: packet identity while it lives */
	__u64 netns_cookie;   /* 0 where the kernel has none */
	__u8 saddr[16];       /* IPv4 in the first 4 bytes; ARP: sender protocol address */
	__u8 daddr[16];       /* ARP: target protocol address */
	__u32 netns_ino;
	__u32 ifindex;
	__u32 master_ifindex; /* bridge of a bridge port, else 0 */
	__u32 len;            /* skb->len */
	__u32 mark;
	__u32 flow_label;     /* IPv6 */
	__u32 tcp_seq;
	__u32 tcp_ack;
	__u16 cpu;
	__u16 hook;           /* enum nj_hook */
	__u16 ethertype;      /* L3 protocol after VLAN tags, host order */
	__u16 dev_type;       /* ARPHRD_* */
	__u16 sport;          /* host order */
	__u16 dport;
	__u16 icmp_id;
	__u16 icmp_seq;
	__u16 ip_id;          /* IPv4 identification */
	__u16 vlan_tci;       /* outermost tag */
	__u16 arp_op;
	__u16 flags;          /* enum nj_hop_flag */
	__u8 l4_proto;        /* IPPROTO_* after IPv6 extension headers */
	__u8 ttl;             /* TTL or hop limit */
	__u8 tcp_flags;
	__u8 icmp_type;
	__u8 icmp_code;
	__u8 addr_family;     /* 4, 6 or 0: what saddr/daddr hold */
	__u8 src_mac[6];      /* ARP: sender hardware address */
	__u8 dst_mac[6];      /* ARP: target hardware address */
	__u8 _pad0[2];
	char ifname[NJ_IFNAMSIZ];
	char kind[NJ_KINDSIZ]; /* rtnl_link_ops->kind: "veth", "bridge", "tun", ... or "" */
	__u32 task_netns_ino; /* NJ_EV_FIB: netns of the task the lookup ran in (the sender of a local packet) */
	/* verdicts (event != NJ_EV_CROSSING) */
	__u8 event;           /* enum nj_event */
	__u8 _pad1[3];
	__u32 drop_reason;    /* NJ_EV_DROP: the kernel's enum skb_drop_reason value */
	__u64 drop_location;  /* NJ_EV_DROP: kernel address that freed the skb */
	__u32 fib_table;      /* NJ_EV_FIB: routing table id */
	__s32 fib_err;        /* NJ_EV_FIB: 0 found, -EAGAIN not in this table, other -errno (unreachable, ...) */
	__u32 fib_iif;        /* NJ_EV_FIB: input interface of the lookup (0 for locally made packets) */
	__u32 _pad2;
	__u8 fib_gw[16];      /* NJ_EV_FIB: gateway (address family as saddr), zero when on-link */
	/*
	 * The quoted packet (NJ_F_QUOTED): what an ICMP error (types 3, 11, 12) or ICMPv6 error (1-4) carries of
	 * the packet it answers, its IP header and the first 8 bytes of its transport header. Only records with
	 * NJ_F_QUOTED are submitted with this part; every other record ends before it.
	 */
	__u8 q_saddr[16];     /* IPv4 in the first 4 bytes */
	__u8 q_daddr[16];
	__u32 q_flow_label;   /* quoted IPv6 */
	__u32 q_tcp_seq;      /* quoted TCP */
	__u16 q_sport;        /* quoted TCP/UDP, host order */
	__u16 q_dport;
	__u16 q_icmp_id;      /* quoted ICMP/ICMPv6 (an echo's id and seq) */
	__u16 q_icmp_seq;
	__u16 q_ip_id;        /* quoted IPv4 identification */
	__u8 q_l4_proto;      /* quoted IPPROTO_* (the IPv6 next header, extension headers not walked) */
	__u8 q_addr_family;   /* 4 or 6 */
	__u8 q_icmp_type;
	__u8 q_icmp_code;
	__u8 q_flags;         /* enum nj_quote_flag */
	__u8 _pad3;
};

#define NJ_HOP_SIZE 272
_Static_assert(sizeof(struct nj_hop) == NJ_HOP_SIZE, "struct nj_hop size (HopRecord.SIZE)");
/* A crossing is submitted without the verdict fields: the record up to (not including) nj_hop.event. */
#define NJ_CROSSING_SIZE 168
_Static_assert(__builtin_offsetof(struct nj_hop, event) == NJ_CROSSING_SIZE, "crossing record size (HopRecord.SIZE_V1)");
/* A verdict without a quote is submitted up to (not including) nj_hop.q_saddr. */
#define NJ_VERDICT_SIZE 216
_Static_assert(__builtin_offsetof(struct nj_hop, q_saddr) == NJ_VERDICT_SIZE, "verdict record size (HopRecord.VERDICT_SIZE)");

/*
 * The common crossing, short: an IPv4 or IPv6 packet with no VLAN tag, mark or quoted header, on a device the
 * kernel has described in an nj_device record before (in ring order). Every other crossing is a struct nj_hop of
 * NJ_CROSSING_SIZE. The consumer tells the records apart by their length (NJ_SHORT_SIZE, NJ_DEVICE_SIZE,
 * NJ_CROSSING_SIZE, NJ_VERDICT_SIZE, NJ_HOP_SIZE). Keep in sync with HopRecord.java (S_*, D_*).
 */
struct nj_crossing {
	__u64 ts_ns;
	__u64 skb;
	__u8 saddr[16];       /* IPv4 in the first 4 bytes */
	__u8 daddr[16];
	__u32 netns_ino;      /* with ifindex: the device, as its nj_device record describes it */
	__u32 ifindex;
	__u32 len;
	__u32 ident;          /* IPv4: identification; IPv6: flow label */
	union {
		struct {
			__u32 tcp_seq; /* TCP */
			__u32 tcp_ack;
		};
		struct {
			__u16 icmp_id; /* ICMP, ICMPv6 */
			__u16 icmp_seq;
			__u8 icmp_type;
			__u8 icmp_code;
			__u8 _pad0[2];
		};
	};
	__u16 cpu;
	__u16 sport;          /* host order */
	__u16 dport;
	__u8 hook;            /* enum nj_hook */
	__u8 flags;           /* enum nj_hop_flag, NJ_F_VLAN and NJ_F_QUOTED never set */
	__u8 src_mac[6];
	__u8 dst_mac[6];
	__u8 l4_proto;
	__u8 ttl;
	__u8 tcp_flags;
	__u8 addr_family;     /* 4 (ethertype IPv4) or 6 (IPv6) */
};
#define NJ_SHORT_SIZE 96
_Static_assert(sizeof(struct nj_crossing) == NJ_SHORT_SIZE, "short crossing size (HopRecord.SHORT_SIZE)");

/*
 * A device as the short crossings on it are to be read: sent before the first of them, and again when the device's
 * name or bridge changed or it is another device under the same (netns_ino, ifindex). Not an event.
 */
struct nj_device {
	__u64 netns_cookie;
	__u32 netns_ino;
	__u32 ifindex;
	__u32 master_ifindex;
	__u16 dev_type;
	__u16 _pad0;
	char ifname[NJ_IFNAMSIZ];
	char kind[NJ_KINDSIZ];
};
#define NJ_DEVICE_SIZE 56
_Static_assert(sizeof(struct nj_device) == NJ_DEVICE_SIZE, "device record size (HopRecord.DEVICE_SIZE)");

/*
 * In-kernel filter: BPF code the Java side compiles from the user's filter (filter/FilterCompiler.java) and puts in
 * place of the NJ_FILTER_SITE marker of each program before load (bpf/InlineSites.java). It is a function of the
 * record being filled (r1, struct nj_hop) and of the stages of it filled so far (r2, enum nj_stage bits) that
 * returns an enum nj_filter_verdict, or the one stage it needs before it can answer. Unpatched, a site matches.
 */
#define NJ_FILTER_SITE 0x6e6a5f66696c7472 /* "rtlif_jn": an ld_imm64 no compiler emits by itself */

enum nj_filter_verdict {
	NJ_FILTER_REJECT = 0,
	NJ_FILTER_MATCH = 1,
};

/* What a stage fills in the record; the filter reads a field only once its stage is done. */
enum nj_stage {
	NJ_STAGE_PLACE = 2,     /* netns_ino, ifname */
	NJ_STAGE_NETWORK = 4,   /* ethertype, addr_family, saddr, daddr, l4_proto: the link and network headers */
	NJ_STAGE_TRANSPORT = 8, /* sport, dport: the transport header; flags are complete only after it */
	NJ_STAGE_ALL = 14,
};

/* Load-time configuration (.rodata, set by the Java side before load; zero: nothing to do). */
struct nj_config {
	__u32 first_stages; /* enum nj_stage bits every run of the filter needs: filled before it first runs */
	__u32 _pad;
};

/*
 * Run-time settings (.bss, written by the Java side before load and while running; zero: count nothing, send every
 * matching event). Keep in sync with src/main/java/io/netjourney/capture/KernelCounting.java.
 */
struct nj_settings {
	__u32 counting;     /* 1: count every matching crossing and drop in flow_counts */
	__u32 sample_every; /* > 1: send the records of 1 in sample_every packets (all of a chosen packet's), 0 or 1: all */
};

/* Per-CPU counters, index = enum nj_counter. */
enum nj_counter {
	NJ_CNT_SUBMITTED = 0,
	NJ_CNT_LOST = 1,        /* ring buffer full */
	NJ_CNT_FILTERED = 2,    /* did not match the filter */
	NJ_CNT_NO_DEV = 3,      /* skb without a device */
	NJ_CNT_SAMPLED_OUT = 4, /* matched, counted, not sent: its packet was not among the 1 in sample_every */
	NJ_CNT_COUNTS_FULL = 5, /* matched, not counted: flow_counts was full */
	NJ_CNT_MAX = 6,
};

/* Buckets of the latency histogram: bucket 0 for 0 ns (the packet's first crossing), bucket b for [2^(b-1), 2^b). */
#define NJ_HIST_BUCKETS 32

/*
 * flow_counts' key: one direction of one flow at one place (namespace, interface, hook; a drop: the kfree_skb hook,
 * the reason and the code that dropped it). Keep in sync with KernelCounting.java.
 */
struct nj_count_key {
	__u8 saddr[16];     /* IPv4 in the first 4 bytes */
	__u8 daddr[16];
	char ifname[NJ_IFNAMSIZ]; /* a drop without a device: "" */
	__u64 drop_location; /* NJ_HOOK_KFREE_SKB only: kernel address that freed the skb */
	__u32 netns_ino;
	__u32 ifindex;      /* a drop without a device: 0 */
	__u32 drop_reason;  /* NJ_HOOK_KFREE_SKB only */
	__u16 hook;         /* enum nj_hook */
	__u16 ethertype;
	__u16 sport;        /* TCP/UDP; ICMP/ICMPv6: the echo id */
	__u16 dport;        /* TCP/UDP; ICMP/ICMPv6: type << 8 | code */
	__u8 l4_proto;
	__u8 addr_family;
	__u8 _pad[2];
};
#define NJ_COUNT_KEY_SIZE 80
_Static_assert(sizeof(struct nj_count_key) == NJ_COUNT_KEY_SIZE, "KernelCounting.KEY_SIZE");

/* flow_counts' value, per CPU. */
struct nj_count {
	__u64 packets;
	__u64 bytes;        /* skb->len */
	__u64 first_ns;     /* bpf_ktime_get_ns() of the first and the last packet counted on this CPU */
	__u64 last_ns;
	__u32 since_first[NJ_HIST_BUCKETS]; /* time since the packet's first crossing (per skb), log2 buckets */
};
#define NJ_COUNT_SIZE 160
_Static_assert(sizeof(struct nj_count) == NJ_COUNT_SIZE, "KernelCounting.VALUE_SIZE");

#endif
