package io.netjourney.sinks;

import io.netjourney.capture.netfilter.NetfilterVerdict;
import io.netjourney.journey.TracedHop;

/** Turns crossings into output lines (no trailing newline): text for people, JSON for jq. */
public interface LineFormatter {
    /** One line for one crossing. */
    String format(TracedHop hop);

    /** One line for a netfilter verdict (nftables tracing, {@code trace --netfilter}). */
    String format(NetfilterVerdict verdict);

    /** The line printed at exit. */
    String summary(Summary summary);
}
