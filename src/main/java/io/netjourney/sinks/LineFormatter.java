package io.netjourney.sinks;

import io.netjourney.journey.TracedHop;

/** Turns crossings into output lines (no trailing newline): text for people, JSON for jq. */
public interface LineFormatter {
    /** One line for one crossing. */
    String format(TracedHop hop);

    /** The line printed at exit. */
    String summary(Summary summary);
}
