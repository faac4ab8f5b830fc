package io.netjourney.sinks;

import io.netjourney.capture.CaptureStats;
import java.util.ArrayList;
import java.util.List;

/**
 * A capture's counters in words, the same in the command line's summary and the window's status bar: events lost
 * always (never hidden), the filtered and the device-less only when there were some.
 */
public final class CounterText {
    private CounterText() {
    }

    /** "3 events lost", "1200 filtered out", "5 without a device", and what counting in the kernel did not send. */
    public static List<String> parts(CaptureStats counters) {
        List<String> parts = new ArrayList<>();
        parts.add(counters.lost() + (counters.lost() == 1 ? " event lost" : " events lost"));
        if (counters.filtered() > 0) {
            parts.add(counters.filtered() + " filtered out");
        }
        if (counters.noDevice() > 0) {
            parts.add(counters.noDevice() + " without a device");
        }
        if (counters.sampledOut() > 0) {
            parts.add(counters.sampledOut() + " counted in the kernel, not sent (sampled out)");
        }
        if (counters.countsFull() > 0) {
            parts.add(counters.countsFull() + " not counted (the kernel's table of flows was full)");
        }
        return parts;
    }
}
