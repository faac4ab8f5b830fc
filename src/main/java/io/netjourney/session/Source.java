package io.netjourney.session;

import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.KernelCount;
import io.netjourney.capture.Names;
import io.netjourney.capture.netfilter.NetfilterVerdict;
import java.io.IOException;
import java.util.List;

/**
 * Where a {@link Session}'s events come from: a live capture ({@link LiveSource}), or recorded trace frames from a
 * file or another process's output ({@link TraceSource}). Opened, pumped and closed by the session's thread only.
 */
public interface Source {
    /** What a source hands its events to (the session, which filters and counts them). */
    interface Delivery {
        void event(HopEvent event);

        void netfilter(NetfilterVerdict verdict);
    }

    /**
     * Starts: loads and attaches, or opens and reads the header. Throws {@link io.netjourney.capture.CaptureException}
     * or {@link io.netjourney.sinks.TraceFileException} with a message for the user.
     */
    void open(SessionOptions options, Delivery delivery) throws IOException;

    /** Whether the session's filter must be applied in Java (the kernel could not apply all of it, or a file). */
    boolean filtersInJava();

    /** Delivers what is waiting, waiting up to {@code timeoutMs} for it; false once there will never be more. */
    boolean pump(int timeoutMs) throws IOException;

    /** Counters so far: submitted, lost, filtered, without a device, decoded. */
    CaptureStats counters();

    /** What the user should know (hooks missing, a file cut short, frames skipped). */
    List<String> warnings();

    /** Hooks attached; none for recorded frames. */
    List<Hook> hooks();

    /** Namespace names: this machine's for a live capture, those recorded for a trace. */
    Names names();

    /** Whether the kernel counts (and may sample) for this source: asked for, and the filter is all in the kernel. */
    default boolean countsInKernel() {
        return false;
    }

    /**
     * What the kernel counted per direction of a flow and place (a live source that counts; empty otherwise); after
     * {@link #close}, what it had counted when it closed.
     */
    default List<KernelCount> counts() {
        return List.of();
    }

    /**
     * Changes counting and sampling while open (see {@link SessionOptions#sampleEvery()}); ignored by a source that
     * does not count ({@link #countsInKernel()}), a file among them.
     */
    default void setSampling(int every) {
    }

    /** Forgets what the kernel counted so far (a front end cleared its view); nothing for a source that does not count. */
    default void resetCounts() {
    }

    /** Detaches or closes; called once, also after a failed {@link #open}. */
    void close();
}
