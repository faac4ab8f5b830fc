package io.netjourney.session;

import io.netjourney.bpf.RingConsumer;
import io.netjourney.capture.Hook;
import io.netjourney.filter.Filter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a session is asked to do, in one place for every front end.
 *
 * @param filter         what to keep (null: everything); in the kernel where it can be, in Java otherwise
 * @param routes         whether routing decisions (the FIB lookup hook) are captured
 * @param netfilter      whether nftables' tracing reports which rule decided (live only; changes the firewall)
 * @param consumer       how records leave the kernel's ring buffer (live only)
 * @param duration       how long to run (null: until stopped)
 * @param stopOnSignal   Ctrl-C, SIGTERM and SIGHUP stop the session, which ends (sink told) before the JVM exits
 * @param sampleEvery    live only: 0, every matching event delivered; N ≥ 1, the kernel counts every matching packet
 *                       (see {@link Session#counts()}) and delivers the events of 1 in N packets
 * @param autoSample     live only: the session changes N by itself as the matching events' rate asks
 *                       ({@link AutoSampling}), starting from every packet, counted
 */
public record SessionOptions(Filter filter, boolean routes, boolean netfilter, RingConsumer.Kind consumer,
        Duration duration, boolean stopOnSignal, int sampleEvery, boolean autoSample) {

    /** Everything, with routing decisions, no netfilter tracing, the mapped consumer, until stopped. */
    public static SessionOptions defaults() {
        return new SessionOptions(null, true, false, RingConsumer.Kind.MAPPED, null, false, 0, false);
    }

    public SessionOptions withFilter(Filter chosen) {
        return new SessionOptions(chosen, routes, netfilter, consumer, duration, stopOnSignal, sampleEvery, autoSample);
    }

    public SessionOptions withRoutes(boolean on) {
        return new SessionOptions(filter, on, netfilter, consumer, duration, stopOnSignal, sampleEvery, autoSample);
    }

    public SessionOptions withNetfilter(boolean on) {
        return new SessionOptions(filter, routes, on, consumer, duration, stopOnSignal, sampleEvery, autoSample);
    }

    public SessionOptions withConsumer(RingConsumer.Kind kind) {
        return new SessionOptions(filter, routes, netfilter, kind, duration, stopOnSignal, sampleEvery, autoSample);
    }

    public SessionOptions withDuration(Duration limit) {
        return new SessionOptions(filter, routes, netfilter, consumer, limit, stopOnSignal, sampleEvery, autoSample);
    }

    public SessionOptions stoppingOnSignal() {
        return new SessionOptions(filter, routes, netfilter, consumer, duration, true, sampleEvery, autoSample);
    }

    /** Counting in the kernel with 1 in {@code every} packets delivered (0: no counting, everything delivered). */
    public SessionOptions withSampling(int every) {
        if (every < 0) {
            throw new IllegalArgumentException("sample every must be 0 or more: " + every);
        }
        return new SessionOptions(filter, routes, netfilter, consumer, duration, stopOnSignal, every, false);
    }

    /**
     * Counting in the kernel from the start, every packet delivered until a flood makes the session deliver 1 in N
     * ({@link AutoSampling}; the window's live capture).
     */
    public SessionOptions withAutoSampling() {
        return new SessionOptions(filter, routes, netfilter, consumer, duration, stopOnSignal, 1, true);
    }

    /** The hooks a live capture attaches: each costs the traced traffic something. */
    Set<Hook> hooks() {
        return routes ? EnumSet.allOf(Hook.class) : Hook.crossingsAndDrops();
    }
}
