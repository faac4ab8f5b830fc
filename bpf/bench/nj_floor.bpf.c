// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * The floor of a hook run for the benchmarks: a tp_btf program on each of netjourney's tracepoints that returns at
 * once. What bpf_stats reports for these is what the kernel spends on a BPF program that does nothing there.
 */
#include "../vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define NJ_FLOOR(tracepoint)                          \
	SEC("tp_btf/" #tracepoint)                    \
	int BPF_PROG(nj_floor_##tracepoint)           \
	{                                             \
		return 0;                             \
	}

NJ_FLOOR(net_dev_queue)
NJ_FLOOR(netif_rx)
NJ_FLOOR(netif_receive_skb_entry)
NJ_FLOOR(napi_gro_receive_entry)
NJ_FLOOR(netif_receive_skb_list_entry)
NJ_FLOOR(napi_gro_frags_entry)
NJ_FLOOR(kfree_skb)
NJ_FLOOR(fib_table_lookup)
NJ_FLOOR(fib6_table_lookup)
