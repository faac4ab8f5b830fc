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
 */
public record SessionOptions(Filter filter, boolean routes, boolean netfilter, RingConsumer.Kind consumer,
        Duration duration, boolean stopOnSignal) {

    /** Everything, with routing decisions, no netfilter tracing, the mapped consumer, until stopped. */
    public static SessionOptions defaults() {
        return new SessionOptions(null, true, false, RingConsumer.Kind.MAPPED, null, false);
    }

    public SessionOptions withFilter(Filter chosen) {
        return new SessionOptions(chosen, routes, netfilter, consumer, duration, stopOnSignal);
    }

    public SessionOptions withRoutes(boolean on) {
        return new SessionOptions(filter, on, netfilter, consumer, duration, stopOnSignal);
    }

    public SessionOptions withNetfilter(boolean on) {
        return new SessionOptions(filter, routes, on, consumer, duration, stopOnSignal);
    }

    public SessionOptions withConsumer(RingConsumer.Kind kind) {
        return new SessionOptions(filter, routes, netfilter, kind, duration, stopOnSignal);
    }

    public SessionOptions withDuration(Duration limit) {
        return new SessionOptions(filter, routes, netfilter, consumer, limit, stopOnSignal);
    }

    public SessionOptions stoppingOnSignal() {
        return new SessionOptions(filter, routes, netfilter, consumer, duration, true);
    }

    /** The hooks a live capture attaches: each costs the traced traffic something. */
    Set<Hook> hooks() {
        return routes ? EnumSet.allOf(Hook.class) : Hook.crossingsAndDrops();
    }
}
