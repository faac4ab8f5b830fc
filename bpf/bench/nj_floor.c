// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * Attaches nj_floor.bpf.o (a program that returns at once on each of netjourney's tracepoints) for the hook-cost
 * benchmark: with kernel.bpf_stats_enabled=1, run_time_ns / run_cnt of these programs is the floor a hook run
 * costs. Prints 'attached N hooks' on stderr once attached, then, when the duration ends or on SIGINT/SIGTERM, one
 * line per program on stdout:
 *
 *   nj_floor prog=nj_floor_net_dev_queue run_cnt=... run_time_ns=...
 *
 * (counts since attach; 0 when bpf_stats was off). Build: make -C bpf bench
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#define MAX_PROGS 16

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int quiet(enum libbpf_print_level level, const char *format, va_list args)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, format, args) : 0;
}

int main(int argc, char **argv)
{
	const char *path = "target/bench/nj_floor.bpf.o";
	double duration = 10;
	int opt;

	while ((opt = getopt(argc, argv, "o:d:h")) != -1) {
		switch (opt) {
		case 'o': path = optarg; break;
		case 'd': duration = atof(optarg); break;
		default:
			fprintf(opt == 'h' ? stdout : stderr,
				"Usage: %s [-o OBJECT] [-d SECONDS]\n"
				"Attaches a program that returns at once to each of netjourney's tracepoints (those the kernel\n"
				"has) and prints each program's bpf_stats run_cnt and run_time_ns when done. Needs root.\n",
				argv[0]);
			return opt == 'h' ? 0 : 2;
		}
	}
	libbpf_set_print(quiet);
	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	if (!obj) {
		fprintf(stderr, "nj_floor: open %s: %s\n", path, strerror(errno));
		return 1;
	}
	/* a tracepoint the kernel lacks cannot be loaded: leave it out */
	struct btf *vmlinux = btf__load_vmlinux_btf();
	struct bpf_program *prog;
	if (!vmlinux) {
		fprintf(stderr, "nj_floor: cannot read the kernel's BTF: %s\n", strerror(errno));
		return 1;
	}
	bpf_object__for_each_program(prog, obj) {
		char type[96];

		snprintf(type, sizeof(type), "btf_trace_%s", strchr(bpf_program__section_name(prog), '/') + 1);
		if (btf__find_by_name_kind(vmlinux, type, BTF_KIND_TYPEDEF) < 0)
			bpf_program__set_autoload(prog, false);
	}
	btf__free(vmlinux);
	int err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "nj_floor: load %s: %s\n", path, strerror(-err));
		return 1;
	}
	struct bpf_link *links[MAX_PROGS];
	int n = 0;
	bpf_object__for_each_program(prog, obj) {
		if (n == MAX_PROGS || !bpf_program__autoload(prog))
			continue;
		links[n] = bpf_program__attach(prog);
		if (links[n])
			n++;
		else
			fprintf(stderr, "nj_floor: warning: attach %s: %s\n", bpf_program__section_name(prog),
				strerror(errno));
	}
	if (!n) {
		fprintf(stderr, "nj_floor: no hook could be attached\n");
		return 1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	fprintf(stderr, "nj_floor: attached %d hooks\n", n);
	for (double left = duration; !stop && left > 0; left -= 0.1)
		usleep(100000);
	bpf_object__for_each_program(prog, obj) {
		struct bpf_prog_info info = { 0 };
		__u32 len = sizeof(info);

		if (bpf_program__fd(prog) < 0 || bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len))
			continue;
		printf("nj_floor prog=%s run_cnt=%llu run_time_ns=%llu\n", bpf_program__name(prog),
		       (unsigned long long)info.run_cnt, (unsigned long long)info.run_time_ns);
	}
	for (int i = n - 1; i >= 0; i--)
		bpf_link__destroy(links[i]);
	bpf_object__close(obj);
	return 0;
}
