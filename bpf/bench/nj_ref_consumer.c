// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * Reference consumer for the capture benchmark: loads the same BPF object as
 * the Java side (target/classes/bpf/netjourney.bpf.o) the same way (see
 * src/main/java/io/netjourney/capture/CaptureSession.java: the filter sites left
 * as compiled = match everything, events ring resized, per hook the tp_btf program
 * where the kernel's BTF has the tracepoint, else its raw_tp twin), attaches the hooks,
 * and drains the ring with libbpf's ring_buffer__poll and a callback that only
 * counts. Prints one line of key=value figures on stdout at the end:
 *
 *   nj_ref_consumer seconds=10.000 records=... records_per_s=... crossings=...
 *     verdicts=... backlog=... submitted=... lost=... lost_per_s=... filtered=...
 *     ring_bytes=8388608 hooks=6
 *
 * records/records_per_s: records consumed while attached (the measured window),
 * crossings/verdicts: the same split by record size (crossings are NJ_SHORT_SIZE or NJ_CROSSING_SIZE bytes; the
 * device records the short ones are read with are not counted);
 * backlog: records still in the ring when the window closed, drained after
 * detaching and not counted in records. submitted/lost/filtered: the kernel's
 * counters map (enum nj_counter), summed over CPUs, since load.
 *
 * Build: make -C bpf bench   (needs libbpf-dev)
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/types.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include "../netjourney.h"

#define MAX_HOOKS 16
#define POLL_MS 100

/* The crossing hooks, as in capture/Hook.java (the ones with a raw_tp twin). */
static const char *const crossing_hooks[] = {
	"net_dev_queue", "netif_rx", "netif_receive_skb_entry", "napi_gro_receive_entry",
	"netif_receive_skb_list_entry", "napi_gro_frags_entry",
};
/* Verdict hooks: tp_btf only. */
static const char *const verdict_hooks[] = { "kfree_skb", "fib_table_lookup", "fib6_table_lookup" };

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

struct counts {
	__u64 records;
	__u64 verdicts; /* records whose event is not NJ_EV_CROSSING */
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/*
 * The "empty" callback: counts; device records (NJ_DEVICE_SIZE) are not events; crossings are the short ones
 * (NJ_SHORT_SIZE, NJ_CROSSING_SIZE), verdicts the longer ones, except an ICMP error's crossing, as long as a verdict
 * for its quoted header: only then is the event byte read.
 */
static int on_record(void *ctx, void *data, size_t size)
{
	struct counts *c = ctx;

	if (size == NJ_DEVICE_SIZE)
		return 0;
	c->records++;
	c->verdicts += size > NJ_CROSSING_SIZE && ((const struct nj_hop *)data)->event != NJ_EV_CROSSING;
	return 0;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void usage(FILE *out, const char *prog)
{
	fprintf(out,
		"Usage: %s [options]\n"
		"Loads netjourney's BPF object with no filter (everything matches), attaches its hooks and counts\n"
		"the ring buffer records delivered through libbpf's ring_buffer__poll. Needs root.\n"
		"  -o, --object PATH      BPF object (default target/classes/bpf/netjourney.bpf.o)\n"
		"  -d, --duration SECS    how long to stay attached (default 10; decimals allowed)\n"
		"  -r, --ring-bytes N     events ring size, a power of two multiple of the page size (default %d)\n"
		"  -H, --hooks LIST       crossings (the 6 net: hooks, default), all (also kfree_skb, fib, fib6),\n"
		"                         or tracepoint names separated by commas\n"
		"  -i, --interval SECS    also print delivered and lost per interval on stderr\n"
		"  -h, --help             this text\n"
		"Prints 'attached N hooks' on stderr once the hooks are in place, then one line of key=value\n"
		"figures on stdout at the end.\n",
		prog, 8 * 1024 * 1024);
}

static int is_crossing_hook(const char *tp)
{
	for (size_t i = 0; i < ARRAY_LEN(crossing_hooks); i++)
		if (!strcmp(tp, crossing_hooks[i]))
			return 1;
	return 0;
}

static int is_known_hook(const char *tp)
{
	for (size_t i = 0; i < ARRAY_LEN(verdict_hooks); i++)
		if (!strcmp(tp, verdict_hooks[i]))
			return 1;
	return is_crossing_hook(tp);
}

/* Fills hooks[] from --hooks; returns how many, or -1 on an unknown name. */
static int parse_hooks(char *spec, const char **hooks)
{
	int n = 0;

	if (!strcmp(spec, "crossings") || !strcmp(spec, "all")) {
		for (size_t i = 0; i < ARRAY_LEN(crossing_hooks); i++)
			hooks[n++] = crossing_hooks[i];
		if (!strcmp(spec, "all"))
			for (size_t i = 0; i < ARRAY_LEN(verdict_hooks); i++)
				hooks[n++] = verdict_hooks[i];
		return n;
	}
	for (char *save = NULL, *tp = strtok_r(spec, ",", &save); tp; tp = strtok_r(NULL, ",", &save)) {
		if (!is_known_hook(tp)) {
			fprintf(stderr, "nj_ref_consumer: unknown hook '%s'\n", tp);
			return -1;
		}
		if (n == MAX_HOOKS)
			return -1;
		hooks[n++] = tp;
	}
	return n;
}

static int set_autoload(struct bpf_object *obj, const char *prefix, const char *tp, int on)
{
	char name[64];
	struct bpf_program *prog;

	snprintf(name, sizeof(name), "%s%s", prefix, tp);
	prog = bpf_object__find_program_by_name(obj, name);
	if (!prog)
		return -ENOENT;
	return bpf_program__set_autoload(prog, on);
}

/*
 * Per tracepoint of the object, the tp_btf program if chosen and the kernel's BTF
 * has the tracepoint (and, for a crossing, bpf_rdonly_cast), else the raw_tp twin
 * if chosen; everything else off.
 * Returns the chosen programs in progs[].
 */
static int select_programs(struct bpf_object *obj, const char **hooks, int nhooks, struct bpf_program **progs)
{
	const char *all[ARRAY_LEN(crossing_hooks) + ARRAY_LEN(verdict_hooks)];
	struct btf *vmlinux = btf__load_vmlinux_btf();
	int nall = 0, chosen = 0;

	if (!vmlinux) {
		fprintf(stderr, "nj_ref_consumer: cannot read the kernel's BTF: %s\n", strerror(errno));
		return -1;
	}
	/* the tp_btf crossing programs read packets through this kfunc (6.2 and later) */
	int packet_cast = btf__find_by_name_kind(vmlinux, "bpf_rdonly_cast", BTF_KIND_FUNC) >= 0;

	for (size_t i = 0; i < ARRAY_LEN(crossing_hooks); i++)
		all[nall++] = crossing_hooks[i];
	for (size_t i = 0; i < ARRAY_LEN(verdict_hooks); i++)
		all[nall++] = verdict_hooks[i];
	for (int i = 0; i < nall; i++) {
		char type[96], name[64];
		int use = 0, btf;

		for (int j = 0; j < nhooks; j++)
			use |= !strcmp(all[i], hooks[j]);
		snprintf(type, sizeof(type), "btf_trace_%s", all[i]);
		btf = use && btf__find_by_name_kind(vmlinux, type, BTF_KIND_TYPEDEF) >= 0 &&
		      (!is_crossing_hook(all[i]) || packet_cast);
		set_autoload(obj, "nj_", all[i], btf);
		if (is_crossing_hook(all[i]))
			set_autoload(obj, "nj_raw_", all[i], use && !btf);
		if (!btf && !(use && is_crossing_hook(all[i]))) {
			if (use)
				fprintf(stderr, "nj_ref_consumer: warning: tracepoint %s missing, not attached\n", all[i]);
			continue;
		}
		snprintf(name, sizeof(name), "%s%s", btf ? "nj_" : "nj_raw_", all[i]);
		progs[chosen] = bpf_object__find_program_by_name(obj, name);
		if (!progs[chosen]) {
			fprintf(stderr, "nj_ref_consumer: no program %s in the object\n", name);
			btf__free(vmlinux);
			return -1;
		}
		chosen++;
	}
	btf__free(vmlinux);
	return chosen;
}

/* Sums a per-CPU u64 counter of the counters map over all CPUs. */
static __u64 read_counter(int fd, __u32 index, int ncpus)
{
	__u64 values[ncpus], sum = 0;

	if (bpf_map_lookup_elem(fd, &index, values))
		return 0;
	for (int cpu = 0; cpu < ncpus; cpu++)
		sum += values[cpu];
	return sum;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "object", required_argument, NULL, 'o' },
		{ "duration", required_argument, NULL, 'd' },
		{ "ring-bytes", required_argument, NULL, 'r' },
		{ "hooks", required_argument, NULL, 'H' },
		{ "interval", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	const char *path = "target/classes/bpf/netjourney.bpf.o";
	char hook_spec[256] = "crossings";
	const char *hooks[MAX_HOOKS];
	struct bpf_program *progs[MAX_HOOKS];
	struct bpf_link *links[MAX_HOOKS];
	double duration = 10, interval = 0;
	long ring_bytes = 8 * 1024 * 1024;
	struct counts counts = { 0 };
	int opt, nhooks, nprogs, nlinks = 0, attached, rc = 1;

	while ((opt = getopt_long(argc, argv, "o:d:r:H:i:h", options, NULL)) != -1) {
		switch (opt) {
		case 'o': path = optarg; break;
		case 'd': duration = atof(optarg); break;
		case 'r': ring_bytes = strtol(optarg, NULL, 0); break;
		case 'H': snprintf(hook_spec, sizeof(hook_spec), "%s", optarg); break;
		case 'i': interval = atof(optarg); break;
		case 'h': usage(stdout, argv[0]); return 0;
		default: usage(stderr, argv[0]); return 2;
		}
	}
	if (optind != argc || duration <= 0 || ring_bytes <= 0 || (ring_bytes & (ring_bytes - 1))) {
		usage(stderr, argv[0]);
		return 2;
	}
	nhooks = parse_hooks(hook_spec, hooks);
	if (nhooks <= 0)
		return 2;
	if (geteuid() != 0)
		fprintf(stderr, "nj_ref_consumer: not root: loading will probably fail (run it with sudo)\n");

	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	if (!obj) {
		fprintf(stderr, "nj_ref_consumer: open %s: %s\n", path, strerror(errno));
		return 1;
	}
	struct bpf_map *events = bpf_object__find_map_by_name(obj, "events");
	struct bpf_map *counters = bpf_object__find_map_by_name(obj, "counters");
	struct ring_buffer *ring = NULL;
	if (!events || !counters) {
		fprintf(stderr, "nj_ref_consumer: %s has no events or counters map\n", path);
		goto out;
	}
	if (bpf_map__set_max_entries(events, ring_bytes)) {
		fprintf(stderr, "nj_ref_consumer: set ring size %ld failed\n", ring_bytes);
		goto out;
	}
	nprogs = select_programs(obj, hooks, nhooks, progs);
	if (nprogs < 0)
		goto out;
	int err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "nj_ref_consumer: load %s: %s\n", path, strerror(-err));
		goto out;
	}
	ring = ring_buffer__new(bpf_map__fd(events), on_record, &counts, NULL);
	if (!ring) {
		fprintf(stderr, "nj_ref_consumer: ring_buffer__new: %s\n", strerror(errno));
		goto out;
	}
	for (int i = 0; i < nprogs; i++) {
		links[nlinks] = bpf_program__attach(progs[i]);
		if (!links[nlinks]) {
			fprintf(stderr, "nj_ref_consumer: warning: attach %s: %s\n",
				bpf_program__section_name(progs[i]), strerror(errno));
			continue;
		}
		nlinks++;
	}
	if (!nlinks) {
		fprintf(stderr, "nj_ref_consumer: no hook could be attached\n");
		goto out;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	fprintf(stderr, "nj_ref_consumer: attached %d hooks\n", nlinks);

	int counters_fd = bpf_map__fd(counters), ncpus = libbpf_num_possible_cpus();
	double start = now_s(), end = start + duration, next = start + interval, t;
	__u64 last_records = 0, last_lost = 0;
	while (!stop && (t = now_s()) < end) {
		err = ring_buffer__poll(ring, POLL_MS);
		if (err < 0 && err != -EINTR) {
			fprintf(stderr, "nj_ref_consumer: ring_buffer__poll: %s\n", strerror(-err));
			goto out;
		}
		if (interval > 0 && t >= next) {
			__u64 lost = read_counter(counters_fd, NJ_CNT_LOST, ncpus);

			fprintf(stderr, "nj_ref_consumer: +%.1fs delivered %llu lost %llu\n", t - start,
				(unsigned long long)(counts.records - last_records),
				(unsigned long long)(lost - last_lost));
			last_records = counts.records;
			last_lost = lost;
			next += interval;
		}
	}
	double seconds = now_s() - start;
	for (int i = nlinks - 1; i >= 0; i--)
		bpf_link__destroy(links[i]);
	attached = nlinks;
	nlinks = 0;
	struct counts window = counts;
	ring_buffer__consume(ring);
	__u64 lost = read_counter(counters_fd, NJ_CNT_LOST, ncpus);
	printf("nj_ref_consumer seconds=%.3f records=%llu records_per_s=%.0f crossings=%llu verdicts=%llu backlog=%llu "
	       "submitted=%llu lost=%llu lost_per_s=%.0f filtered=%llu ring_bytes=%ld hooks=%d\n",
	       seconds, (unsigned long long)window.records, window.records / seconds,
	       (unsigned long long)(window.records - window.verdicts), (unsigned long long)window.verdicts,
	       (unsigned long long)(counts.records - window.records),
	       (unsigned long long)read_counter(counters_fd, NJ_CNT_SUBMITTED, ncpus), (unsigned long long)lost,
	       lost / seconds, (unsigned long long)read_counter(counters_fd, NJ_CNT_FILTERED, ncpus), ring_bytes,
	       attached);
	rc = 0;
out:
	for (int i = nlinks - 1; i >= 0; i--)
		bpf_link__destroy(links[i]);
	ring_buffer__free(ring);
	bpf_object__close(obj);
	return rc;
}
