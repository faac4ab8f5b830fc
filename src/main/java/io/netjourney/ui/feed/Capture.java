package io.netjourney.ui.feed;

import io.netjourney.capture.CaptureStats;
import io.netjourney.capture.Hook;
import io.netjourney.filter.KernelFilter;
import io.netjourney.session.EventQueue;
import java.util.List;

/** A capture as the window drives it: started off the FX thread, read for its counters, closed once. */
public interface Capture extends AutoCloseable {
    /** Kernel and decoder counters; after {@link #close()} the final ones. */
    CaptureStats stats();

    List<Hook> attachedHooks();

    List<String> warnings();

    /** Why the capture stopped by itself, or null while it runs. */
    String failure();

    /** Detaches and unloads; waits for it. Idempotent. */
    @Override
    void close();

    /** Starts a capture that hands its crossings to {@code queue} and {@code recorder}; blocks until attached. */
    @FunctionalInterface
    interface Starter {
        Capture start(KernelFilter filter, EventQueue queue, EventRecorder recorder);
    }
}
