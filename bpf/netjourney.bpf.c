// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * netjourney kernel side: one record per device crossing of a packet that
 * matches the user's filter. Hooks are thin shims over handle_skb(); the filter
 * runs first, as BPF code the loader puts at each program's nj_filter() site.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include "netjourney.h"
#include "compat.bpf.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define ETH_HLEN 14
#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806
#define ETH_P_IPV6 0x86DD
#define ETH_P_8021Q 0x8100
#define ETH_P_8021AD 0x88A8
#define ARPHRD_ETHER 1
#define ARPHRD_LOOPBACK 772
#define MAC_HEADER_UNSET 0xFFFF
/* IPv6 next-header values (uapi linux/in6.h, not in vmlinux.h) */
#define NEXTHDR_HOP 0
#define NEXTHDR_ROUTING 43
#define NEXTHDR_FRAGMENT 44
#define NEXTHDR_AUTH 51
#define NEXTHDR_ICMP 58
#define NEXTHDR_DEST 60
#define NJ_MAX_VLAN_TAGS 2
#define NJ_MAX_IP6_EXT 6

const volatile struct nj_config nj_cfg = {};
/* Written by the Java side while the programs run (.bss). */
volatile struct nj_settings nj_set;

/* A typed view of any kernel memory, loads checked like a BTF pointer's (6.2 and later; see struct pkt). */
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __weak;

/*
 * A chain of pointer reads as BPF_CORE_READ takes it: plain loads where the pointers are BTF-typed (tp_btf programs,
 * btf 1), else bpf_probe_read_kernel for each step (raw_tp twins, btf 0). btf is a constant in each program.
 */
#define NJ_READ(btf, src, ...) ((btf) ? ___arrow(src, __VA_ARGS__) : BPF_CORE_READ(src, __VA_ARGS__))

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 * 1024 * 1024);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, NJ_CNT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

/* The record is built here first so that packets the filter rejects cost no ring space. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct nj_hop);
} scratch SEC(".maps");

/*
 * The devices described to the consumer (struct nj_device records), by netns_ino << 32 | ifindex: a crossing on one of
 * them, as it still is, can be sent short (struct nj_crossing). An entry is made only once its record is in the ring,
 * so the consumer reads a device's record before any short crossing on it.
 */
struct device_sent {
	__u64 dev;  /* the struct net_device: another device under the same key is described anew */
	__u64 port; /* dev->rx_handler_data: a device enslaved to a bridge or let go is described anew */
	char ifname[NJ_IFNAMSIZ];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, struct device_sent);
} devices_sent SEC(".maps");

/*
 * Every matching crossing and drop, per direction of a flow and place, when nj_set.counting: exact figures at rates no
 * per-event stream can carry. Entries stay for the whole run; a crossing that finds the map full is counted in
 * NJ_CNT_COUNTS_FULL.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 16384);
	__type(key, struct nj_count_key);
	__type(value, struct nj_count);
} flow_counts SEC(".maps");

/* What counting knows of a packet between its crossings: when it was first seen and whether it is sampled. */
struct skb_seen {
	__u64 first_ns;
	__u32 ident; /* the packet it was made for: its sample key, protocol and ICMP type */
	__u32 place; /* where it was made: a packet does not cross the same place twice, a new one on a reused skb does */
	__u32 sampled;
	__u32 _pad;
};

/* LRU lists per CPU (no common list, whose lock every insert took): a packet is first seen on one CPU */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(map_flags, BPF_F_NO_COMMON_LRU);
	__uint(max_entries, 65536);
	__type(key, __u64); /* skb address */
	__type(value, struct skb_seen);
} skbs_seen SEC(".maps");

static __always_inline void count(__u32 counter)
{
	__u64 *value = bpf_map_lookup_elem(&counters, &counter);

	if (value)
		*value += 1;
}

/*
 * Where the packet bytes of an skb are: [head, head + tail) is the linear part. With cast, packet bytes are plain
 * loads through bpf_rdonly_cast (each a dozen nanoseconds less than a bpf_probe_read_kernel, which is a fifth of
 * what a rejected crossing costs): the tp_btf crossing programs, which the loader picks only where the kernel has
 * the kfunc. A constant in each program.
 */
struct pkt {
	unsigned char *head;
	__u32 tail;
	int cast;
};

/*
 * Copies size bytes of the packet at off; -1 when they do not lie in its linear data or cannot be read. With cast,
 * eight bytes a load through struct in6_addr, a union of arrays that any load within its 16 bytes may read (the
 * verifier checks a load from a cast pointer against the member it falls in); every such load is checked again when
 * it runs, so fewer, wider loads cost less.
 */
static __always_inline int pkt_read(const struct pkt *p, __u32 off, void *dst, __u32 size)
{
	if (off + size > p->tail)
		return -1;
	if (!p->cast)
		return bpf_probe_read_kernel(dst, size, p->head + off);
#pragma unroll
	for (__u32 done = 0; done < size; done += 8) {
		const __u64 *window = bpf_rdonly_cast(p->head + off + done, bpf_core_type_id_kernel(struct in6_addr));
		__u64 bytes = *window;

		__builtin_memcpy((__u8 *)dst + done, &bytes, size - done < 8 ? size - done : 8);
	}
	return 0;
}

/* A header of the packet at off, of the kernel's type for it, copied into *copy; NULL where pkt_read fails. */
#define PKT_HEADER(p, off, type, copy) ((const type *)(pkt_read(p, off, copy, sizeof(type)) ? NULL : (copy)))

/* Walks 802.1Q/802.1ad tags starting at off (pointing at a TCI); returns the inner ethertype. */
static __always_inline __u16 skip_vlan_tags(const struct pkt *p, struct nj_hop *h, __u32 *off, __u16 proto)
{
	for (int i = 0; i < NJ_MAX_VLAN_TAGS; i++) {
		struct vlan_hdr copy;
		const struct vlan_hdr *tag;

		if (proto != ETH_P_8021Q && proto != ETH_P_8021AD)
			break;
		tag = PKT_HEADER(p, *off, struct vlan_hdr, &copy);
		if (!tag) {
			h->flags |= NJ_F_TRUNCATED;
			return 0;
		}
		if (!(h->flags & NJ_F_VLAN))
			h->vlan_tci = bpf_ntohs(tag->h_vlan_TCI);
		h->flags |= NJ_F_VLAN;
		proto = bpf_ntohs(tag->h_vlan_encapsulated_proto);
		*off += sizeof(*tag);
	}
	return proto;
}

/* ICMP errors (destination unreachable, time exceeded, parameter problem) quote the packet they answer. */
static __always_inline int icmp_error(__u8 l4_proto, __u8 type)
{
	if (l4_proto == IPPROTO_ICMP)
		return type == 3 || type == 11 || type == 12;
	/* ICMPv6: destination unreachable, packet too big, time exceeded, parameter problem */
	return type >= 1 && type <= 4;
}

/* The IP version in the first byte at off, 0 when unreadable. */
static __always_inline __u8 ip_version(const struct pkt *p, __u32 off)
{
	__u8 first;

	return pkt_read(p, off, &first, 1) ? 0 : first >> 4;
}

/*
 * The packet an ICMP/ICMPv6 error quotes, from off (just after the error's 8-byte header): its IP header and
 * the first 8 bytes of its transport header, into the q_* fields. Nothing is set when the quoted IP header is
 * not in the linear data; NJ_QF_NO_L4 when its transport header is not.
 */
static __always_inline void parse_quote(const struct pkt *p, struct nj_hop *h, __u32 off)
{
	__u8 version = ip_version(p, off);
	__u32 l4;

	/* a crossing's record is cleared only as far as it is submitted without a quote */
	__builtin_memset(h->q_saddr, 0, sizeof(*h) - NJ_VERDICT_SIZE);
	if (version == 4) {
		struct iphdr copy;
		const struct iphdr *ip = PKT_HEADER(p, off, struct iphdr, &copy);

		if (!ip)
			return;
		h->q_addr_family = 4;
		__builtin_memcpy(h->q_saddr, &ip->saddr, 4);
		__builtin_memcpy(h->q_daddr, &ip->daddr, 4);
		h->q_l4_proto = ip->protocol;
		h->q_ip_id = bpf_ntohs(ip->id);
		if (bpf_ntohs(ip->frag_off) & 0x1FFF)
			h->q_flags |= NJ_QF_NO_L4;
		l4 = off + (((const __u8 *)ip)[0] & 0x0F) * 4;
	} else if (version == 6) {
		struct ipv6hdr copy;
		const struct ipv6hdr *ip6 = PKT_HEADER(p, off, struct ipv6hdr, &copy);

		if (!ip6)
			return;
		h->q_addr_family = 6;
		__builtin_memcpy(h->q_saddr, &ip6->saddr, 16);
		__builtin_memcpy(h->q_daddr, &ip6->daddr, 16);
		h->q_flow_label = ((__u32)(ip6->flow_lbl[0] & 0x0F) << 16) | ((__u32)ip6->flow_lbl[1] << 8) |
				  ip6->flow_lbl[2];
		h->q_l4_proto = ip6->nexthdr;
		l4 = off + sizeof(*ip6);
	} else {
		return;
	}
	h->flags |= NJ_F_QUOTED;

	struct {
		__be16 sport; /* ICMP: type, code */
		__be16 dport; /* ICMP: checksum */
		__be16 id;    /* TCP: seq */
		__be16 seq;
	} t;

	if ((h->q_flags & NJ_QF_NO_L4) || pkt_read(p, l4, &t, sizeof(t))) {
		h->q_flags |= NJ_QF_NO_L4;
		return;
	}
	switch (h->q_l4_proto) {
	case IPPROTO_TCP:
		h->q_tcp_seq = ((__u32)bpf_ntohs(t.id) << 16) | bpf_ntohs(t.seq);
		/* fall through */
	case IPPROTO_UDP:
		h->q_sport = bpf_ntohs(t.sport);
		h->q_dport = bpf_ntohs(t.dport);
		break;
	case IPPROTO_ICMP:
	case NEXTHDR_ICMP:
		h->q_icmp_type = ((__u8 *)&t)[0];
		h->q_icmp_code = ((__u8 *)&t)[1];
		h->q_icmp_id = bpf_ntohs(t.id);
		h->q_icmp_seq = bpf_ntohs(t.seq);
		break;
	default:
		h->q_flags |= NJ_QF_NO_L4;
	}
}

/* The transport header at off (0: none to read, the network header said why). */
static __always_inline void parse_l4(const struct pkt *p, struct nj_hop *h, __u32 off)
{
	if (!off || (h->flags & NJ_F_NO_L4))
		return;
	switch (h->l4_proto) {
	case IPPROTO_TCP: {
		struct tcphdr copy;
		const struct tcphdr *tcp = PKT_HEADER(p, off, struct tcphdr, &copy);

		if (!tcp)
			goto truncated;
		h->sport = bpf_ntohs(tcp->source);
		h->dport = bpf_ntohs(tcp->dest);
		h->tcp_seq = bpf_ntohl(tcp->seq);
		h->tcp_ack = bpf_ntohl(tcp->ack_seq);
		/* flags byte: the 14th byte of the header (CWR..FIN) */
		h->tcp_flags = ((const __u8 *)tcp)[13];
		break;
	}
	case IPPROTO_UDP: {
		struct udphdr copy;
		const struct udphdr *udp = PKT_HEADER(p, off, struct udphdr, &copy);

		if (!udp)
			goto truncated;
		h->sport = bpf_ntohs(udp->source);
		h->dport = bpf_ntohs(udp->dest);
		break;
	}
	case IPPROTO_ICMP:
	case NEXTHDR_ICMP: {
		struct icmphdr copy;
		const struct icmphdr *icmp = PKT_HEADER(p, off, struct icmphdr, &copy);

		if (!icmp)
			goto truncated;
		h->icmp_type = icmp->type;
		h->icmp_code = icmp->code;
		h->icmp_id = bpf_ntohs(icmp->un.echo.id);
		h->icmp_seq = bpf_ntohs(icmp->un.echo.sequence);
		if (icmp_error(h->l4_proto, icmp->type))
			parse_quote(p, h, off + sizeof(*icmp));
		break;
	}
	}
	return;
truncated:
	h->flags |= NJ_F_TRUNCATED;
}

/*
 * An IPv4 header's addresses and protocol: its bytes 8-19, two loads. Its first eight bytes (identification,
 * fragment, length) matter only for what follows the header: ipv4_transport.
 */
static __always_inline void parse_ipv4(const struct pkt *p, struct nj_hop *h, __u32 off)
{
	struct {
		__u8 ttl;
		__u8 protocol;
		__sum16 check;
		__be32 saddr;
		__be32 daddr;
	} ip;

	if (pkt_read(p, off + 8, &ip, sizeof(ip))) {
		h->flags |= NJ_F_TRUNCATED;
		return;
	}
	h->addr_family = 4;
	__builtin_memcpy(h->saddr, &ip.saddr, 4);
	__builtin_memcpy(h->daddr, &ip.daddr, 4);
	h->l4_proto = ip.protocol;
	h->ttl = ip.ttl;
}

/* The rest of a readable IPv4 header (parse_ipv4 first): returns the transport header's offset, 0 for none. */
static __always_inline __u32 ipv4_transport(const struct pkt *p, struct nj_hop *h, __u32 off)
{
	struct {
		__u8 version_ihl;
		__u8 tos;
		__be16 tot_len;
		__be16 id;
		__be16 frag_off;
	} ip;

	if ((h->flags & NJ_F_TRUNCATED) || pkt_read(p, off, &ip, sizeof(ip)))
		return 0;
	h->ip_id = bpf_ntohs(ip.id);
	__u16 frag = bpf_ntohs(ip.frag_off);
	if (frag & 0x3FFF) /* MF or offset */
		h->flags |= NJ_F_FRAGMENT;
	if (frag & 0x1FFF)
		h->flags |= NJ_F_NO_L4;
	return off + (ip.version_ihl & 0x0F) * 4;
}

static __always_inline int ip6_ext_header(__u8 nexthdr)
{
	return nexthdr == NEXTHDR_HOP || nexthdr == NEXTHDR_ROUTING ||
	       nexthdr == NEXTHDR_FRAGMENT || nexthdr == NEXTHDR_DEST || nexthdr == NEXTHDR_AUTH;
}

/* The network header parsers return the offset of the transport header, 0 when there is none to read. */
static __always_inline __u32 parse_ipv6(const struct pkt *p, struct nj_hop *h, __u32 off)
{
	struct ipv6hdr copy;
	const struct ipv6hdr *ip6 = PKT_HEADER(p, off, struct ipv6hdr, &copy);

	if (!ip6) {
		h->flags |= NJ_F_TRUNCATED;
		return 0;
	}
	h->addr_family = 6;
	__builtin_memcpy(h->saddr, &ip6->saddr, 16);
	__builtin_memcpy(h->daddr, &ip6->daddr, 16);
	h->ttl = ip6->hop_limit;
	h->flow_label = ((__u32)(ip6->flow_lbl[0] & 0x0F) << 16) | ((__u32)ip6->flow_lbl[1] << 8) | ip6->flow_lbl[2];

	__u8 nexthdr = ip6->nexthdr;
	off += sizeof(*ip6);
	for (int i = 0; i < NJ_MAX_IP6_EXT; i++) {
		struct frag_hdr copy; /* the fragment header; the others begin alike, nexthdr and hdrlen */
		const struct frag_hdr *ext;

		if (!ip6_ext_header(nexthdr))
			break;
		ext = PKT_HEADER(p, off, struct frag_hdr, &copy);
		if (!ext) {
			h->flags |= NJ_F_TRUNCATED;
			return 0;
		}
		h->flags |= NJ_F_IP6_EXT;
		if (nexthdr == NEXTHDR_FRAGMENT) {
			h->flags |= NJ_F_FRAGMENT;
			if (bpf_ntohs(ext->frag_off) & 0xFFF8)
				h->flags |= NJ_F_NO_L4;
			off += 8;
		} else if (nexthdr == NEXTHDR_AUTH) {
			off += ((__u32)ext->reserved + 2) * 4;
		} else {
			off += ((__u32)ext->reserved + 1) * 8;
		}
		nexthdr = ext->nexthdr;
	}
	h->l4_proto = nexthdr;
	if (ip6_ext_header(nexthdr)) {
		/* more extension headers than we walk */
		h->flags |= NJ_F_NO_L4;
		return 0;
	}
	return off;
}

static __always_inline __u32 parse_arp(const struct pkt *p, struct nj_hop *h, __u32 off)
{
	struct arphdr copy;
	const struct arphdr *arp = PKT_HEADER(p, off, struct arphdr, &copy);
	struct {
		__u8 sha[6];
		__u8 spa[4];
		__u8 tha[6];
		__u8 tpa[4];
	} ip4; /* the addresses of an Ethernet/IPv4 ARP */

	if (!arp || pkt_read(p, off + sizeof(*arp), &ip4, sizeof(ip4))) {
		h->flags |= NJ_F_TRUNCATED;
		return 0;
	}
	h->arp_op = bpf_ntohs(arp->ar_op);
	if (bpf_ntohs(arp->ar_pro) != ETH_P_IP || arp->ar_hln != 6 || arp->ar_pln != 4)
		return 0;
	h->addr_family = 4;
	__builtin_memcpy(h->saddr, ip4.spa, 4);
	__builtin_memcpy(h->daddr, ip4.tpa, 4);
	__builtin_memcpy(h->src_mac, ip4.sha, 6);
	__builtin_memcpy(h->dst_mac, ip4.tha, 6);
	h->flags &= ~NJ_F_NO_MAC;
	return 0;
}

/*
 * The network header at off. Returns the transport header's offset, 0 for none; but for IPv4 without transport,
 * where the filter has not asked for it yet, 0 and ipv4_transport gives it later.
 */
static __always_inline __u32 parse_l3(const struct pkt *p, struct nj_hop *h, __u32 off, __u16 proto, int transport)
{
	if (proto == 0) {
		/* devices without L2 header may leave skb->protocol unset: sniff the version */
		__u8 version = ip_version(p, off);

		proto = version == 4 ? ETH_P_IP : version == 6 ? ETH_P_IPV6 : 0;
	}
	h->ethertype = proto;
	if (proto == ETH_P_IP) {
		parse_ipv4(p, h, off);
		return transport ? ipv4_transport(p, h, off) : 0;
	}
	if (proto == ETH_P_IPV6)
		return parse_ipv6(p, h, off);
	if (proto == ETH_P_ARP)
		return parse_arp(p, h, off);
	return 0;
}

static __always_inline int has_ethernet_header(struct net_device *dev, __u16 type, int btf)
{
	return (type == ARPHRD_ETHER || type == ARPHRD_LOOPBACK) && NJ_READ(btf, dev, header_ops) &&
	       NJ_READ(btf, dev, hard_header_len) >= ETH_HLEN;
}

/* A crossing's parse between its stages (NJ_STAGE_*), which the filter asks for one at a time. */
struct crossing {
	struct pkt p;
	__u32 l3;     /* network header offset */
	__u32 l4;     /* transport header offset, 0: none to read */
	int tx;       /* net_dev_queue: skb->data is the start of the frame */
	int ethernet; /* the device builds Ethernet headers */
};

/*
 * NJ_STAGE_NETWORK: finds the headers without assuming where they are, reads the link-layer and network headers.
 * - transmit (net_dev_queue): skb->data is the start of the frame; an Ethernet header only on devices that build
 *   one (not tun/wireguard/ip tunnels);
 * - receive: the driver already pulled the link-layer header (eth_type_trans), skb->data is the L3 header or a
 *   VLAN tag; MAC addresses at mac_header if set (read_rx_macs, once the crossing is kept).
 * Before the filter has answered (whole 0) only what it may read: not the device's kind of link layer on receive,
 * the MAC addresses or the accelerated VLAN tag.
 */
static __always_inline void parse_network(struct crossing *c, struct sk_buff *skb, struct net_device *dev,
					  struct nj_hop *h, int btf, int whole)
{
	c->p.head = NJ_READ(btf, skb, head);
	c->p.tail = NJ_READ(btf, skb, tail);
	__u32 off = NJ_READ(btf, skb, data) - c->p.head;
	__u16 proto = bpf_ntohs(NJ_READ(btf, skb, protocol));

	if (c->tx || whole) {
		c->ethernet = has_ethernet_header(dev, NJ_READ(btf, dev, type), btf);
		if (!c->ethernet)
			h->flags |= NJ_F_NO_L2 | NJ_F_NO_MAC;
	}
	if (whole) {
		__u16 tci = btf ? (skb->vlan_all ? skb->vlan_tci : 0) : nj_skb_vlan_tci(skb);

		if (tci) {
			h->vlan_tci = tci;
			h->flags |= NJ_F_VLAN;
		}
	}
	if (c->ethernet && c->tx) {
		struct ethhdr copy;
		const struct ethhdr *eth = whole ? PKT_HEADER(&c->p, off, struct ethhdr, &copy) : NULL;
		__be16 type; /* before the filter has answered, only the ethertype: one load */

		if (whole ? !eth : off + ETH_HLEN > c->p.tail || pkt_read(&c->p, off + 12, &type, sizeof(type))) {
			h->flags |= NJ_F_TRUNCATED | NJ_F_NO_MAC;
			return;
		}
		if (whole) {
			__builtin_memcpy(h->dst_mac, eth->h_dest, 6);
			__builtin_memcpy(h->src_mac, eth->h_source, 6);
			type = eth->h_proto;
		}
		proto = bpf_ntohs(type);
		off += ETH_HLEN;
	}
	proto = skip_vlan_tags(&c->p, h, &off, proto);
	if (h->flags & NJ_F_TRUNCATED)
		return;
	c->l3 = off;
	c->l4 = parse_l3(&c->p, h, off, proto, whole);
}

/* A received frame's MAC addresses, where the driver left its link-layer header. */
static __always_inline void read_rx_macs(struct crossing *c, struct sk_buff *skb, struct nj_hop *h, int btf)
{
	__u16 mac = NJ_READ(btf, skb, mac_header);
	__u8 addrs[12]; /* destination then source, as on the wire */

	if (c->tx || !c->ethernet)
		return;
	if (mac == MAC_HEADER_UNSET || pkt_read(&c->p, mac, addrs, sizeof(addrs))) {
		h->flags |= NJ_F_NO_MAC;
		return;
	}
	__builtin_memcpy(h->dst_mac, addrs, 6);
	__builtin_memcpy(h->src_mac, addrs + 6, 6);
}

/*
 * The user's filter, in place of this marker once the Java side has put it there (see NJ_FILTER_SITE); r0-r5 are
 * its own. The moves tell the loader which registers hold the record, the stages done and the answer.
 */
#define NJ_STR2(x) #x
#define NJ_STR(x) NJ_STR2(x)

static __always_inline __u64 nj_filter(const struct nj_hop *h, __u64 done)
{
	__u64 verdict;

	asm volatile("r0 = " NJ_STR(NJ_FILTER_SITE) " ll\n\t"
		     "%[verdict] = %[hop]\n\t"
		     "%[verdict] = %[done]\n\t"
		     "%[verdict] = 1"
		     : [verdict] "=&r"(verdict)
		     : [hop] "r"(h), [done] "r"(done)
		     : "r0", "r1", "r2", "r3", "r4", "r5", "memory");
	return verdict;
}

/* NJ_STAGE_PLACE: where the event happened, as far as the filter's netns and ifname tests look. */
static __always_inline void fill_place(struct nj_hop *h, struct net_device *dev, int btf)
{
	h->netns_ino = NJ_READ(btf, dev, nd_net.net, ns.inum);
	/*
	 * dev->name is a NUL-terminated char[IFNAMSIZ]: a plain copy, cheaper than the string helper. A renamed
	 * device may keep bytes of its old name after the NUL (strscpy does not pad).
	 */
	if (btf)
		__builtin_memcpy(h->ifname, dev->name, sizeof(h->ifname));
	else
		bpf_probe_read_kernel(h->ifname, sizeof(h->ifname), dev->name);
}

/* The rest of the device (but its ifindex), for a record the filter kept. */
static __always_inline void fill_device_details(struct nj_hop *h, struct net_device *dev, int btf)
{
	h->netns_cookie = nj_netns_cookie(NJ_READ(btf, dev, nd_net.net));

	const struct rtnl_link_ops *ops = NJ_READ(btf, dev, rtnl_link_ops);
	if (ops)
		bpf_probe_read_kernel_str(h->kind, sizeof(h->kind), BPF_CORE_READ(ops, kind));

	if (nj_priv_flags(dev) & IFF_BRIDGE_PORT) {
		struct net_bridge_port *port = NJ_READ(btf, dev, rx_handler_data);

		if (port)
			h->master_ifindex = BPF_CORE_READ(port, br, dev, ifindex);
	}
}

static __always_inline void fill_device(struct nj_hop *h, struct net_device *dev)
{
	fill_place(h, dev, 0);
	h->ifindex = BPF_CORE_READ(dev, ifindex);
	fill_device_details(h, dev, 0);
}

static __always_inline __u32 task_netns(void)
{
	struct task_struct *task = bpf_get_current_task_btf();

	return BPF_CORE_READ(task, nsproxy, net_ns, ns.inum);
}

/*
 * Crossings leave the verdict fields out, and records of anything but an ICMP error the quoted packet: a smaller
 * record is less for the consumer to read.
 */
static __always_inline void submit(struct nj_hop *h)
{
	__u32 size = h->flags & NJ_F_QUOTED ? sizeof(*h) : h->event == NJ_EV_CROSSING ? NJ_CROSSING_SIZE
										       : NJ_VERDICT_SIZE;

	h->ts_ns = bpf_ktime_get_ns();
	h->cpu = bpf_get_smp_processor_id();
	if (bpf_ringbuf_output(&events, h, size, 0))
		count(NJ_CNT_LOST);
	else
		count(NJ_CNT_SUBMITTED);
}

static __always_inline void fill_skb(struct nj_hop *h, struct sk_buff *skb, int btf)
{
	h->skb = (__u64)skb;
	h->len = NJ_READ(btf, skb, len);
	h->mark = NJ_READ(btf, skb, mark);
}

/*
 * Fills the stages wanted (a transport header needs the network header's) and not done yet; returns those done.
 * Before the filter has answered, the record is not cleared: what a stage writes with |= or only in some cases is
 * cleared here when the filter reads it (ethertype, flags, addr_family, l4_proto), the rest is left as it was.
 */
static __always_inline __u64 fill_stages(struct crossing *c, struct nj_hop *h, struct sk_buff *skb,
					 struct net_device *dev, __u64 want, __u64 done, int btf, int whole)
{
	if (want & NJ_STAGE_TRANSPORT)
		want |= NJ_STAGE_NETWORK;
	want &= ~done;
	if (want & NJ_STAGE_PLACE)
		fill_place(h, dev, btf);
	if (want & NJ_STAGE_NETWORK) {
		h->ethertype = 0;
		h->flags = 0;
		h->addr_family = 0;
		h->l4_proto = 0;
		parse_network(c, skb, dev, h, btf, whole);
	}
	if (want & NJ_STAGE_TRANSPORT) {
		if (!whole && h->ethertype == ETH_P_IP)
			c->l4 = ipv4_transport(&c->p, h, c->l3);
		parse_l4(&c->p, h, c->l4);
	}
	return done | want;
}

/* A packet lives a second at most between crossings: an entry older than that is from an skb since reused. */
#define NJ_PACKET_LIFETIME_NS 1000000000ULL

static __always_inline int echo(const struct nj_hop *h)
{
	return h->l4_proto == IPPROTO_ICMP ? h->icmp_type == 8 || h->icmp_type == 0
					   : h->l4_proto == NEXTHDR_ICMP && (h->icmp_type == 128 || h->icmp_type == 129);
}

/*
 * What the sampling decision is taken on: fields the packet keeps along its path, alike for an echo request and its
 * reply (both sampled or neither). *strong is 0 where nothing in the headers tells packets of one flow apart (UDP over
 * IPv6, IPv4 with id 0): the decision is then taken at random on the packet's first crossing and kept for its skb.
 */
static __always_inline __u32 sample_key(const struct nj_hop *h, int *strong)
{
	*strong = 1;
	if (echo(h))
		return ((__u32)h->icmp_id << 16) | h->icmp_seq;
	if (h->l4_proto == IPPROTO_TCP)
		return h->tcp_seq ^ h->tcp_ack;
	if (h->addr_family == 4 && h->ip_id)
		return h->ip_id | (__u32)h->l4_proto << 16;
	*strong = 0;
	return h->flow_label ^ ((__u32)h->sport << 16 | h->dport);
}

static __always_inline int chosen(__u32 key, int strong, __u32 every)
{
	if (every <= 1)
		return 1;
	return (strong ? (key * 0x9E3779B1u) >> 8 : bpf_get_prandom_u32()) % every == 0;
}

/* The histogram bucket of a time: 0 for 0, b for [2^(b-1), 2^b) ns, the last for anything longer. */
static __always_inline __u32 log2_bucket(__u64 ns)
{
	__u32 b = 0;

#pragma unroll
	for (__u32 shift = 32; shift > 0; shift >>= 1) {
		if (ns >> shift) {
			ns >>= shift;
			b += shift;
		}
	}
	b += ns; /* ns is 1 here unless it was 0 */
	return b < NJ_HIST_BUCKETS ? b : NJ_HIST_BUCKETS - 1;
}

/* Adds one packet to its flow direction's count at this place. */
static __always_inline void add_count(const struct nj_hop *h, __u64 now, __u64 since)
{
	struct nj_count_key key = {};

	__builtin_memcpy(key.saddr, h->saddr, sizeof(key.saddr));
	__builtin_memcpy(key.daddr, h->daddr, sizeof(key.daddr));
	__builtin_memcpy(key.ifname, h->ifname, sizeof(key.ifname));
	key.netns_ino = h->netns_ino;
	key.ifindex = h->ifindex;
	if (h->event == NJ_EV_DROP) {
		key.drop_reason = h->drop_reason;
		key.drop_location = h->drop_location;
	}
	key.hook = h->hook;
	key.ethertype = h->ethertype;
	key.l4_proto = h->l4_proto;
	key.addr_family = h->addr_family;
	if (h->l4_proto == IPPROTO_ICMP || h->l4_proto == NEXTHDR_ICMP) {
		key.sport = echo(h) ? h->icmp_id : 0;
		key.dport = (__u16)h->icmp_type << 8 | h->icmp_code;
	} else {
		key.sport = h->sport;
		key.dport = h->dport;
	}
	__u32 bucket = log2_bucket(since);
	struct nj_count *c = bpf_map_lookup_elem(&flow_counts, &key);

	if (!c) {
		struct nj_count first = { .packets = 1, .bytes = h->len, .first_ns = now, .last_ns = now };

		first.since_first[bucket & (NJ_HIST_BUCKETS - 1)] = 1;
		if (!bpf_map_update_elem(&flow_counts, &key, &first, BPF_NOEXIST))
			return;
		c = bpf_map_lookup_elem(&flow_counts, &key); /* another CPU made it first, or the map is full */
		if (!c) {
			count(NJ_CNT_COUNTS_FULL);
			return;
		}
	}
	/* per CPU, but a softirq may run in between on the same CPU */
	__sync_fetch_and_add(&c->packets, 1);
	__sync_fetch_and_add(&c->bytes, h->len);
	__sync_fetch_and_add(&c->since_first[bucket & (NJ_HIST_BUCKETS - 1)], 1);
	if (!c->first_ns)
		c->first_ns = now;
	c->last_ns = now;
}

/*
 * Counting: counts a whole record (crossing or drop) and says whether it is to be sent, as every record of its packet
 * is: the decision is taken at the packet's first crossing and kept for its skb, with the time of that crossing (the
 * histogram's origin).
 */
static __always_inline int count_and_sample(const struct nj_hop *h)
{
	__u64 now = bpf_ktime_get_ns();
	int strong;
	__u32 key = sample_key(h, &strong);
	/* the same packet: the same key, also the protocol and the ICMP type (a reply may reuse its request's skb) */
	__u32 ident = key ^ ((__u32)h->l4_proto << 24 | (__u32)h->icmp_type << 16);
	__u32 place = h->netns_ino ^ h->ifindex << 12 ^ h->hook;
	struct skb_seen *seen = bpf_map_lookup_elem(&skbs_seen, &h->skb);
	__u64 since = 0;
	int sampled;

	if (seen && seen->ident == ident && seen->place != place && now - seen->first_ns < NJ_PACKET_LIFETIME_NS) {
		since = now - seen->first_ns;
		sampled = seen->sampled;
	} else {
		struct skb_seen fresh = { .first_ns = now, .ident = ident, .place = place };

		sampled = chosen(key, strong, nj_set.sample_every);
		fresh.sampled = sampled;
		if (h->event == NJ_EV_CROSSING)
			bpf_map_update_elem(&skbs_seen, &h->skb, &fresh, BPF_ANY);
	}
	if (h->event == NJ_EV_DROP && seen)
		bpf_map_delete_elem(&skbs_seen, &h->skb); /* the skb is freed */
	add_count(h, now, since);
	return sampled;
}

/* Counting: whether a record the filter kept is to be sent (always when not counting). */
static __always_inline int counted_and_sent(struct nj_hop *h)
{
	if (nj_set.counting && !count_and_sample(h)) {
		count(NJ_CNT_SAMPLED_OUT);
		return 0;
	}
	return 1;
}

/* A record the filter kept: counted if counting is on, sent if its packet is sampled. */
static __always_inline void keep(struct nj_hop *h)
{
	if (counted_and_sent(h))
		submit(h);
}

/* Whether a crossing can be sent short (struct nj_crossing): the common IPv4 or IPv6 one. */
static __always_inline int short_crossing(const struct nj_hop *h)
{
	int ip = (h->addr_family == 4 && h->ethertype == ETH_P_IP) || (h->addr_family == 6 && h->ethertype == ETH_P_IPV6);

	return ip && !(h->flags & (NJ_F_VLAN | NJ_F_QUOTED)) && !h->mark && h->flags <= 0xFF;
}

/* Two names of NJ_IFNAMSIZ bytes, four-byte aligned (nj_hop.ifname is), compared as four words. */
static __always_inline int same_name(const char *a, const char *b)
{
	const __u32 *x = (const __u32 *)a;
	const __u32 *y = (const __u32 *)b;

	return x[0] == y[0] && x[1] == y[1] && x[2] == y[2] && x[3] == y[3];
}

/*
 * Whether the consumer has the device's record as it is now; if not, sends it (the record's device fields filled on
 * the way). 0 when the ring had no room for it: the crossing then goes whole, with its device.
 */
static __always_inline int device_described(struct nj_hop *h, struct net_device *dev, int btf)
{
	__u64 key = (__u64)h->netns_ino << 32 | h->ifindex;
	__u64 port = (__u64)NJ_READ(btf, dev, rx_handler_data);
	struct device_sent *sent = bpf_map_lookup_elem(&devices_sent, &key);

	if (sent && sent->dev == (__u64)dev && sent->port == port && same_name(sent->ifname, h->ifname))
		return 1;
	fill_device_details(h, dev, btf);
	struct nj_device *d = bpf_ringbuf_reserve(&events, sizeof(*d), 0);

	if (!d)
		return 0;
	d->netns_cookie = h->netns_cookie;
	d->netns_ino = h->netns_ino;
	d->ifindex = h->ifindex;
	d->master_ifindex = h->master_ifindex;
	d->dev_type = h->dev_type;
	d->_pad0 = 0;
	__builtin_memcpy(d->ifname, h->ifname, sizeof(d->ifname));
	__builtin_memcpy(d->kind, h->kind, sizeof(d->kind));
	bpf_ringbuf_submit(d, 0);

	struct device_sent now = { .dev = (__u64)dev, .port = port };

	__builtin_memcpy(now.ifname, h->ifname, sizeof(now.ifname));
	bpf_map_update_elem(&devices_sent, &key, &now, BPF_ANY);
	return 1;
}

/* Sends a short crossing, written once into its place in the ring. */
static __always_inline void submit_short(const struct nj_hop *h)
{
	struct nj_crossing *r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);

	if (!r) {
		count(NJ_CNT_LOST);
		return;
	}
	r->ts_ns = bpf_ktime_get_ns();
	r->skb = h->skb;
	__builtin_memcpy(r->saddr, h->saddr, sizeof(r->saddr));
	__builtin_memcpy(r->daddr, h->daddr, sizeof(r->daddr));
	r->netns_ino = h->netns_ino;
	r->ifindex = h->ifindex;
	r->len = h->len;
	r->ident = h->addr_family == 4 ? h->ip_id : h->flow_label;
	if (h->l4_proto == IPPROTO_ICMP || h->l4_proto == NEXTHDR_ICMP) {
		r->icmp_id = h->icmp_id;
		r->icmp_seq = h->icmp_seq;
		r->icmp_type = h->icmp_type;
		r->icmp_code = h->icmp_code;
		r->_pad0[0] = 0;
		r->_pad0[1] = 0;
	} else {
		r->tcp_seq = h->tcp_seq;
		r->tcp_ack = h->tcp_ack;
	}
	r->cpu = bpf_get_smp_processor_id();
	r->sport = h->sport;
	r->dport = h->dport;
	r->hook = h->hook;
	r->flags = h->flags;
	__builtin_memcpy(r->src_mac, h->src_mac, sizeof(r->src_mac));
	__builtin_memcpy(r->dst_mac, h->dst_mac, sizeof(r->dst_mac));
	r->l4_proto = h->l4_proto;
	r->ttl = h->ttl;
	r->tcp_flags = h->tcp_flags;
	r->addr_family = h->addr_family;
	bpf_ringbuf_submit(r, 0);
	count(NJ_CNT_SUBMITTED);
}

/* A crossing the filter kept: counted, then sent short where it can be, else whole with its device. */
static __always_inline void keep_crossing(struct nj_hop *h, struct net_device *dev, int btf)
{
	if (!counted_and_sent(h))
		return;
	if (short_crossing(h) && device_described(h, dev, btf)) {
		submit_short(h);
		return;
	}
	fill_device_details(h, dev, btf);
	submit(h);
}

/*
 * A crossing: the filter first, reading only what it asks for, stage by stage, into the record as it was left by the
 * last event; the record is made, whole, only for a crossing the filter keeps. btf: the tp_btf program (BTF-typed
 * pointers, packet bytes through bpf_rdonly_cast), else its raw_tp twin.
 */
static __always_inline int handle_skb(struct sk_buff *skb, __u16 hook, int btf)
{
	__u32 zero = 0;
	struct nj_hop *h = bpf_map_lookup_elem(&scratch, &zero);
	struct net_device *dev = NJ_READ(btf, skb, dev);

	if (!h)
		return 0;
	if (!dev) {
		count(NJ_CNT_NO_DEV);
		return 0;
	}
	h->event = NJ_EV_CROSSING;

	struct crossing c = { .p.cast = btf, .tx = hook == NJ_HOOK_NET_DEV_QUEUE };
	__u64 done = fill_stages(&c, h, skb, dev, nj_cfg.first_stages, 0, btf, 0);
	__u64 verdict = NJ_FILTER_REJECT;

	/* each round but the last fills one more stage */
#pragma clang loop unroll(disable)
	for (int round = 0; round < 4; round++) {
		verdict = nj_filter(h, done);
		if (verdict == NJ_FILTER_REJECT || verdict == NJ_FILTER_MATCH)
			break;
		done = fill_stages(&c, h, skb, dev, verdict, done, btf, 0);
	}
	if (verdict != NJ_FILTER_MATCH) {
		count(NJ_CNT_FILTERED);
		return 0;
	}
	/* what a crossing is submitted with, the verdict fields too (the quote clears its own part) */
	__builtin_memset(h, 0, NJ_VERDICT_SIZE);
	h->hook = hook;
	h->dev_type = NJ_READ(btf, dev, type);
	c = (struct crossing){ .p.cast = btf, .tx = hook == NJ_HOOK_NET_DEV_QUEUE };
	fill_stages(&c, h, skb, dev, NJ_STAGE_ALL, 0, btf, 1);
	read_rx_macs(&c, skb, h, btf);
	fill_skb(h, skb, btf);
	h->ifindex = NJ_READ(btf, dev, ifindex);
	keep_crossing(h, dev, btf);
	return 0;
}

/* The scratch record, cleared, for a verdict of the given kind seen at the given hook. */
static __always_inline struct nj_hop *begin_verdict(__u8 event, __u16 hook)
{
	__u32 zero = 0;
	struct nj_hop *h = bpf_map_lookup_elem(&scratch, &zero);

	if (!h)
		return 0;
	__builtin_memset(h, 0, sizeof(*h));
	h->event = event;
	h->hook = hook;
	h->flags = NJ_F_NO_MAC;
	return h;
}

/* The transport part of a flowi4/flowi6: ICMP type and code, or the ports. */
#define READ_FLOW_TRANSPORT(h, flp, icmp_proto)                                   \
	do {                                                                      \
		(h)->l4_proto = BPF_CORE_READ(flp, __fl_common.flowic_proto);     \
		if ((h)->l4_proto == (icmp_proto)) {                              \
			(h)->icmp_type = BPF_CORE_READ(flp, uli.icmpt.type);      \
			(h)->icmp_code = BPF_CORE_READ(flp, uli.icmpt.code);      \
		} else {                                                          \
			(h)->sport = bpf_ntohs(BPF_CORE_READ(flp, uli.ports.sport)); \
			(h)->dport = bpf_ntohs(BPF_CORE_READ(flp, uli.ports.dport)); \
		}                                                                 \
		(h)->fib_iif = BPF_CORE_READ(flp, __fl_common.flowic_iif);        \
		(h)->mark = BPF_CORE_READ(flp, __fl_common.flowic_mark);          \
	} while (0)

/*
 * A dropped packet: where its headers are depends on where it died, so parse from the network header the
 * stack set (valid on both paths once IP has seen the packet); the namespace comes from the device, or from
 * the socket when the device is gone.
 */
static __always_inline int handle_drop(struct sk_buff *skb, void *location, __u32 reason)
{
	struct nj_hop *h = begin_verdict(NJ_EV_DROP, NJ_HOOK_KFREE_SKB);
	struct net_device *dev = BPF_CORE_READ(skb, dev);

	if (!h)
		return 0;
	struct pkt p = {
		.head = BPF_CORE_READ(skb, head),
		.tail = BPF_CORE_READ(skb, tail),
	};
	__u16 network = BPF_CORE_READ(skb, network_header);
	__u32 data = BPF_CORE_READ(skb, data) - p.head;
	/* an unset network header is 0 or ~0; a real one lies in the linear data */
	__u32 l3 = network != 0 && network != 0xFFFF && network < p.tail ? network : data;

	parse_l4(&p, h, parse_l3(&p, h, l3, bpf_ntohs(BPF_CORE_READ(skb, protocol)), 1));
	if (dev) {
		h->dev_type = BPF_CORE_READ(dev, type);
		fill_device(h, dev);
	} else {
		struct sock *sk = BPF_CORE_READ(skb, sk);

		if (sk) {
			struct net *net = BPF_CORE_READ(sk, __sk_common.skc_net.net);

			h->netns_ino = BPF_CORE_READ(net, ns.inum);
			h->netns_cookie = nj_netns_cookie(net);
		}
	}
	if (nj_filter(h, NJ_STAGE_ALL) != NJ_FILTER_MATCH) {
		count(NJ_CNT_FILTERED);
		return 0;
	}
	fill_skb(h, skb, 0);
	h->drop_reason = reason;
	h->drop_location = (__u64)location;
	keep(h);
	return 0;
}

/*
 * A routing decision knows no packet: while packets are sampled, 1 in sample_every decisions is sent, at random (the
 * flows' figures are in flow_counts; a flow's decisions are alike).
 */
static __always_inline void submit_decision(struct nj_hop *h)
{
	if (nj_set.counting && !chosen(0, 0, nj_set.sample_every)) {
		count(NJ_CNT_SAMPLED_OUT);
		return;
	}
	submit(h);
}

/* An IPv4 routing table lookup: the flow it was made for, and what it found. */
static __always_inline int handle_fib4(__u32 table, const struct flowi4 *flp, const struct fib_nh_common *nhc,
				       int err)
{
	struct nj_hop *h = begin_verdict(NJ_EV_FIB, NJ_HOOK_FIB_TABLE_LOOKUP);

	if (!h)
		return 0;
	h->ethertype = ETH_P_IP;
	h->addr_family = 4;
	__be32 saddr = BPF_CORE_READ(flp, saddr);
	__be32 daddr = BPF_CORE_READ(flp, daddr);
	__builtin_memcpy(h->saddr, &saddr, 4);
	__builtin_memcpy(h->daddr, &daddr, 4);
	READ_FLOW_TRANSPORT(h, flp, IPPROTO_ICMP);
	if (nhc && err == 0) {
		struct net_device *dev = BPF_CORE_READ(nhc, nhc_dev);

		if (dev) {
			h->dev_type = BPF_CORE_READ(dev, type);
			fill_device(h, dev);
		}
		if (BPF_CORE_READ(nhc, nhc_gw_family) == 2 /* AF_INET */) {
			__be32 gw = BPF_CORE_READ(nhc, nhc_gw.ipv4);

			__builtin_memcpy(h->fib_gw, &gw, 4);
		}
	}
	if (nj_filter(h, NJ_STAGE_ALL) != NJ_FILTER_MATCH) {
		count(NJ_CNT_FILTERED);
		return 0;
	}
	h->fib_table = table;
	h->fib_err = err;
	h->task_netns_ino = task_netns();
	submit_decision(h);
	return 0;
}

#define RTN_BLACKHOLE 6
#define RTN_UNREACHABLE 7
#define RTN_PROHIBIT 8
#define RTN_THROW 9

/* An IPv6 routing table lookup; fib6 reports the route type, turned into an error like IPv4's. */
static __always_inline int handle_fib6(const struct net *net, const struct fib6_result *res,
				       struct fib6_table *table, const struct flowi6 *flp)
{
	struct nj_hop *h = begin_verdict(NJ_EV_FIB, NJ_HOOK_FIB6_TABLE_LOOKUP);

	if (!h)
		return 0;
	h->ethertype = ETH_P_IPV6;
	h->addr_family = 6;
	BPF_CORE_READ_INTO(&h->saddr, flp, saddr);
	BPF_CORE_READ_INTO(&h->daddr, flp, daddr);
	READ_FLOW_TRANSPORT(h, flp, NEXTHDR_ICMP);
	h->netns_ino = BPF_CORE_READ(net, ns.inum);
	h->netns_cookie = nj_netns_cookie((struct net *)net);
	__u8 type = BPF_CORE_READ(res, fib6_type);
	if (type == RTN_UNREACHABLE)
		h->fib_err = -101; /* ENETUNREACH */
	else if (type == RTN_BLACKHOLE)
		h->fib_err = -22;  /* EINVAL, as the kernel reports a blackhole */
	else if (type == RTN_PROHIBIT)
		h->fib_err = -13;  /* EACCES */
	else if (type == RTN_THROW)
		h->fib_err = -11;  /* EAGAIN */
	struct fib6_nh *nh = BPF_CORE_READ(res, nh);
	if (nh && h->fib_err == 0) {
		struct net_device *dev = BPF_CORE_READ(nh, nh_common.nhc_dev);

		if (dev) {
			h->dev_type = BPF_CORE_READ(dev, type);
			fill_device(h, dev);
		}
		if (BPF_CORE_READ(nh, nh_common.nhc_gw_family) == 10 /* AF_INET6 */)
			BPF_CORE_READ_INTO(&h->fib_gw, nh, nh_common.nhc_gw.ipv6);
	}
	if (nj_filter(h, NJ_STAGE_ALL) != NJ_FILTER_MATCH) {
		count(NJ_CNT_FILTERED);
		return 0;
	}
	h->fib_table = table ? BPF_CORE_READ(table, tb6_id) : 0;
	h->task_netns_ino = task_netns();
	submit_decision(h);
	return 0;
}

SEC("tp_btf/net_dev_queue")
int BPF_PROG(nj_net_dev_queue, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NET_DEV_QUEUE, 1);
}

SEC("tp_btf/netif_rx")
int BPF_PROG(nj_netif_rx, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NETIF_RX, 1);
}

SEC("tp_btf/netif_receive_skb_entry")
int BPF_PROG(nj_netif_receive_skb_entry, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NETIF_RECEIVE_SKB, 1);
}

SEC("tp_btf/napi_gro_receive_entry")
int BPF_PROG(nj_napi_gro_receive_entry, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NAPI_GRO_RECEIVE, 1);
}

SEC("tp_btf/netif_receive_skb_list_entry")
int BPF_PROG(nj_netif_receive_skb_list_entry, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NETIF_RECEIVE_SKB_LIST, 1);
}

SEC("tp_btf/napi_gro_frags_entry")
int BPF_PROG(nj_napi_gro_frags_entry, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NAPI_GRO_FRAGS, 1);
}

SEC("tp_btf/kfree_skb")
int BPF_PROG(nj_kfree_skb, struct sk_buff *skb, void *location, enum skb_drop_reason reason)
{
	return handle_drop(skb, location, reason);
}

SEC("tp_btf/fib_table_lookup")
int BPF_PROG(nj_fib_table_lookup, u32 table, const struct flowi4 *flp, const struct fib_nh_common *nhc, int err)
{
	return handle_fib4(table, flp, nhc, err);
}

SEC("tp_btf/fib6_table_lookup")
int BPF_PROG(nj_fib6_table_lookup, const struct net *net, const struct fib6_result *res, struct fib6_table *table,
	     const struct flowi6 *flp)
{
	return handle_fib6(net, res, table, flp);
}

/*
 * raw_tp twins for kernels without tp_btf (BTF-less or before 5.5) or without bpf_rdonly_cast (before 6.2): every
 * read through bpf_probe_read_kernel. The loader picks one set.
 */
SEC("raw_tp/net_dev_queue")
int BPF_PROG(nj_raw_net_dev_queue, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NET_DEV_QUEUE, 0);
}

SEC("raw_tp/netif_rx")
int BPF_PROG(nj_raw_netif_rx, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NETIF_RX, 0);
}

SEC("raw_tp/netif_receive_skb_entry")
int BPF_PROG(nj_raw_netif_receive_skb_entry, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NETIF_RECEIVE_SKB, 0);
}

SEC("raw_tp/napi_gro_receive_entry")
int BPF_PROG(nj_raw_napi_gro_receive_entry, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NAPI_GRO_RECEIVE, 0);
}

SEC("raw_tp/netif_receive_skb_list_entry")
int BPF_PROG(nj_raw_netif_receive_skb_list_entry, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NETIF_RECEIVE_SKB_LIST, 0);
}

SEC("raw_tp/napi_gro_frags_entry")
int BPF_PROG(nj_raw_napi_gro_frags_entry, struct sk_buff *skb)
{
	return handle_skb(skb, NJ_HOOK_NAPI_GRO_FRAGS, 0);
}
