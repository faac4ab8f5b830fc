// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * Small-UDP load for the benchmarks, run inside the lab's namespaces:
 *
 *   ip netns exec nj-ctr2 nj_udpflood recv 9000 -d 12
 *   ip netns exec nj-ctr1 nj_udpflood send 198.51.100.3:9000 -d 10 -P 2
 *
 * send: sendmmsg on connected sockets, in batches, as fast as it can or at
 * --rate packets/s (summed over the processes); recv: recvmmsg, counting.
 * Each prints one line of key=value figures on stdout at the end:
 *
 *   nj_udpflood send packets=... seconds=... pps=... size=18 procs=2 errors=0
 *   nj_udpflood recv packets=... seconds=... pps=... bytes=...
 *
 * The receiver's seconds run from its first packet to its last, so starting it
 * early and letting it run longer than the sender does not dilute pps.
 *
 * Build: make -C bpf bench
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_BATCH 1024
#define MAX_PROCS 64
#define MAX_SIZE 65507

struct options {
	const char *where; /* send: ADDR:PORT; recv: [ADDR:]PORT */
	int size;
	double duration;
	double rate; /* packets/s, summed over processes; 0 = as fast as possible */
	int batch;
	int procs;
};

/* What one process did; sent up a pipe to the parent. */
struct result {
	unsigned long long packets;
	unsigned long long bytes;
	unsigned long long errors;
	double first; /* recv: time of the first and last packet */
	double last;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_until(double t)
{
	struct timespec ts = { .tv_sec = (time_t)t, .tv_nsec = (long)((t - (time_t)t) * 1e9) };

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR && !stop)
		;
}

static void usage(FILE *out, const char *prog)
{
	fprintf(out,
		"Usage: %s send ADDR:PORT [options]\n"
		"       %s recv [ADDR:]PORT [options]\n"
		"Small-UDP load generator (sendmmsg) and counting receiver (recvmmsg), IPv4 and IPv6\n"
		"([ADDR]:PORT). Prints one line of key=value figures on stdout at the end.\n"
		"  -d, --duration SECS   how long to send / to wait for packets (default 10; recv stops\n"
		"                        early 1 s after the last packet once it has seen one)\n"
		"  -s, --size BYTES      UDP payload size (send, default 18)\n"
		"  -r, --rate PPS        packets/s over all sender processes (send, default: as fast as possible)\n"
		"  -b, --batch N         messages per sendmmsg/recvmmsg call (default 64, at most %d)\n"
		"  -P, --procs N         processes, each with its own socket (send: own source port;\n"
		"                        recv: SO_REUSEPORT); default 1\n"
		"  -h, --help            this text\n",
		prog, prog, MAX_BATCH);
}

/* Parses ADDR:PORT, [ADDR6]:PORT or (allow_any) PORT alone. */
static int parse_where(const char *where, int allow_any, struct sockaddr_storage *ss, socklen_t *len)
{
	char host[INET6_ADDRSTRLEN + 2] = "";
	const char *colon = strrchr(where, ':');
	const char *port_s = colon ? colon + 1 : where;
	char *end;
	long port = strtol(port_s, &end, 10);

	if (*end || port <= 0 || port > 65535)
		return -1;
	if (colon) {
		size_t n = colon - where;

		if (n >= sizeof(host))
			return -1;
		memcpy(host, where, n);
		host[n] = 0;
		if (host[0] == '[' && n > 2 && host[n - 1] == ']') {
			memmove(host, host + 1, n - 2);
			host[n - 2] = 0;
		}
	} else if (!allow_any) {
		return -1;
	}
	memset(ss, 0, sizeof(*ss));
	struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
	if (!host[0] || inet_pton(AF_INET, host, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons(port);
		*len = sizeof(*in4);
		return 0;
	}
	if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons(port);
		*len = sizeof(*in6);
		return 0;
	}
	return -1;
}

static int open_socket(const struct sockaddr_storage *ss, int recv, int reuseport)
{
	int fd = socket(ss->ss_family, SOCK_DGRAM, 0), one = 1, big = 32 << 20;

	if (fd < 0)
		return -1;
	/* large buffers (SO_*BUFFORCE needs CAP_NET_ADMIN; the plain one is capped by sysctl) */
	if (setsockopt(fd, SOL_SOCKET, recv ? SO_RCVBUFFORCE : SO_SNDBUFFORCE, &big, sizeof(big)))
		setsockopt(fd, SOL_SOCKET, recv ? SO_RCVBUF : SO_SNDBUF, &big, sizeof(big));
	if (reuseport)
		setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	return fd;
}

static struct result run_send(const struct options *o, const struct sockaddr_storage *dst, socklen_t dst_len)
{
	static char payload[MAX_SIZE];
	struct mmsghdr msgs[MAX_BATCH];
	struct iovec iov = { .iov_base = payload, .iov_len = o->size };
	struct result r = { 0 };
	int fd = open_socket(dst, 0, 0);

	if (fd < 0 || connect(fd, (const struct sockaddr *)dst, dst_len)) {
		perror("nj_udpflood: socket/connect");
		exit(1);
	}
	memset(msgs, 0, sizeof(msgs));
	for (int i = 0; i < o->batch; i++) {
		msgs[i].msg_hdr.msg_iov = &iov;
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	double start = now_s(), end = start + o->duration;
	double per_batch = o->rate > 0 ? o->batch * o->procs / o->rate : 0, next = start;
	while (!stop && now_s() < end) {
		if (per_batch > 0) {
			next += per_batch;
			sleep_until(next);
		}
		int n = sendmmsg(fd, msgs, o->batch, 0);
		if (n < 0) {
			/* ENOBUFS/ECONNREFUSED (no receiver yet): count and go on */
			r.errors++;
			continue;
		}
		r.packets += n;
	}
	r.first = start;
	r.last = now_s();
	r.bytes = r.packets * o->size;
	close(fd);
	return r;
}

static struct result run_recv(const struct options *o, const struct sockaddr_storage *at, socklen_t at_len)
{
	static char bufs[MAX_BATCH][2048];
	struct mmsghdr msgs[MAX_BATCH];
	struct iovec iovs[MAX_BATCH];
	struct timeval tick = { .tv_sec = 0, .tv_usec = 100 * 1000 };
	struct result r = { 0 };
	int fd = open_socket(at, 1, o->procs > 1);

	if (fd < 0 || bind(fd, (const struct sockaddr *)at, at_len)) {
		perror("nj_udpflood: socket/bind");
		exit(1);
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tick, sizeof(tick));
	memset(msgs, 0, sizeof(msgs));
	for (int i = 0; i < o->batch; i++) {
		iovs[i].iov_base = bufs[i];
		iovs[i].iov_len = sizeof(bufs[i]);
		msgs[i].msg_hdr.msg_iov = &iovs[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	double end = now_s() + o->duration;
	while (!stop) {
		double t = now_s();

		if (t >= end || (r.packets && t - r.last > 1.0))
			break;
		int n = recvmmsg(fd, msgs, o->batch, MSG_WAITFORONE, NULL);
		if (n <= 0)
			continue; /* timeout tick or signal */
		t = now_s();
		if (!r.packets)
			r.first = t;
		r.last = t;
		r.packets += n;
		for (int i = 0; i < n; i++)
			r.bytes += msgs[i].msg_len;
	}
	close(fd);
	return r;
}

int main(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "duration", required_argument, NULL, 'd' },
		{ "size", required_argument, NULL, 's' },
		{ "rate", required_argument, NULL, 'r' },
		{ "batch", required_argument, NULL, 'b' },
		{ "procs", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	struct options o = { .size = 18, .duration = 10, .batch = 64, .procs = 1 };
	struct sockaddr_storage ss;
	socklen_t ss_len;
	int opt, fds[MAX_PROCS];
	pid_t pids[MAX_PROCS];

	while ((opt = getopt_long(argc, argv, "d:s:r:b:P:h", long_options, NULL)) != -1) {
		switch (opt) {
		case 'd': o.duration = atof(optarg); break;
		case 's': o.size = atoi(optarg); break;
		case 'r': o.rate = atof(optarg); break;
		case 'b': o.batch = atoi(optarg); break;
		case 'P': o.procs = atoi(optarg); break;
		case 'h': usage(stdout, argv[0]); return 0;
		default: usage(stderr, argv[0]); return 2;
		}
	}
	if (argc - optind != 2 || o.duration <= 0 || o.size < 0 || o.size > MAX_SIZE || o.batch < 1 ||
	    o.batch > MAX_BATCH || o.procs < 1 || o.procs > MAX_PROCS || o.rate < 0) {
		usage(stderr, argv[0]);
		return 2;
	}
	const char *mode = argv[optind];
	int sending = !strcmp(mode, "send");
	if (!sending && strcmp(mode, "recv")) {
		usage(stderr, argv[0]);
		return 2;
	}
	o.where = argv[optind + 1];
	if (parse_where(o.where, !sending, &ss, &ss_len)) {
		fprintf(stderr, "nj_udpflood: bad address '%s' (ADDR:PORT, [ADDR6]:PORT%s)\n", o.where,
			sending ? "" : " or PORT");
		return 2;
	}
	struct sigaction sa = { .sa_handler = on_signal };
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	for (int i = 0; i < o.procs; i++) {
		int p[2];

		if (pipe(p)) {
			perror("nj_udpflood: pipe");
			return 1;
		}
		pids[i] = fork();
		if (pids[i] < 0) {
			perror("nj_udpflood: fork");
			return 1;
		}
		if (pids[i] == 0) {
			close(p[0]);
			struct result r = sending ? run_send(&o, &ss, ss_len) : run_recv(&o, &ss, ss_len);
			ssize_t w = write(p[1], &r, sizeof(r));
			_exit(w == sizeof(r) ? 0 : 1);
		}
		close(p[1]);
		fds[i] = p[0];
	}
	struct result sum = { 0 };
	int failed = 0, forwarded = 0;
	for (int i = 0; i < o.procs; i++) {
		struct result r;
		ssize_t n;
		int status;

		/* a signal reached this process: pass it on to the workers, which then report */
		while ((n = read(fds[i], &r, sizeof(r))) < 0 && errno == EINTR)
			if (stop && !forwarded) {
				for (int j = 0; j < o.procs; j++)
					kill(pids[j], SIGTERM);
				forwarded = 1;
			}
		while (waitpid(pids[i], &status, 0) < 0 && errno == EINTR)
			;
		if (n != sizeof(r) || !WIFEXITED(status) || WEXITSTATUS(status)) {
			failed = 1;
			continue;
		}
		sum.packets += r.packets;
		sum.bytes += r.bytes;
		sum.errors += r.errors;
		if (r.packets && (!sum.first || r.first < sum.first))
			sum.first = r.first;
		if (r.last > sum.last)
			sum.last = r.last;
	}
	double seconds = sum.last > sum.first ? sum.last - sum.first : 0;
	if (sending)
		printf("nj_udpflood send packets=%llu seconds=%.3f pps=%.0f size=%d procs=%d errors=%llu\n", sum.packets,
		       seconds, seconds ? sum.packets / seconds : 0, o.size, o.procs, sum.errors);
	else
		printf("nj_udpflood recv packets=%llu seconds=%.3f pps=%.0f bytes=%llu procs=%d\n", sum.packets, seconds,
		       seconds ? sum.packets / seconds : 0, sum.bytes, o.procs);
	return failed;
}
