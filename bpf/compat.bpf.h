/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* Kernel drift handled in one place. Each helper says which change it covers. */
#ifndef NETJOURNEY_COMPAT_BPF_H
#define NETJOURNEY_COMPAT_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_core_read.h>

/*
 * net->net_cookie: added in 5.7 as an atomic64_t, a plain u64 since 5.14;
 * both are 8 bytes at the relocated offset. Absent before 5.7: 0.
 */
static __always_inline __u64 nj_netns_cookie(struct net *net)
{
	if (bpf_core_field_exists(net->net_cookie))
		return BPF_CORE_READ(net, net_cookie);
	return 0;
}

/*
 * net_device->priv_flags became a 32-bit bitfield of an anonymous union in 6.9
 * (priv_flags_fast); the probed bitfield read works on both layouts.
 */
static __always_inline __u64 nj_priv_flags(struct net_device *dev)
{
	return BPF_CORE_READ_BITFIELD_PROBED(dev, priv_flags);
}

/* skb->vlan_tci: the accelerated (out-of-frame) tag; 0 when none. */
static __always_inline __u16 nj_skb_vlan_tci(struct sk_buff *skb)
{
	if (bpf_core_field_exists(skb->vlan_all))
		return BPF_CORE_READ(skb, vlan_all) ? BPF_CORE_READ(skb, vlan_tci) : 0;
	return BPF_CORE_READ(skb, vlan_tci);
}

#endif
