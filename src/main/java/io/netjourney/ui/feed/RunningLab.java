package io.netjourney.ui.feed;

/** A lab the window brought up and keeps running (the real one is {@link LabActivity}); closing removes it. */
public interface RunningLab extends AutoCloseable {
    void start();

    /** Stops it and removes the lab; waits for it. */
    @Override
    void close();

    /** Makes the lab the window's Lab toggle runs, reporting to {@code listener}. */
    @FunctionalInterface
    interface Starter {
        RunningLab create(LabActivity.Listener listener);
    }
}
