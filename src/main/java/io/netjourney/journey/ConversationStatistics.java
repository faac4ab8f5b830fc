package io.netjourney.journey;

import java.util.List;

/**
 * A conversation's running mtr-style figures, over every packet it had (not only those still retained).
 *
 * <ul>
 *   <li>{@code seen}: packets of both directions (ICMP errors that answered one of them are not counted);</li>
 *   <li>{@code lost}: of those, the packets lost for real: every copy ended in a real drop ({@link Branches#lost});</li>
 *   <li>latency: the way of each request packet through the traced interfaces, from its first to its last crossing
 *       along its deepest branch (the sum of the Δt a flow's statistics give per hop, {@link PathStatistics}); a
 *       request lost, or seen on one interface only, has none. {@code samples} requests had one; the last (newest
 *       packet), mean, best and worst are over all of them, {@code historyNs} holds the newest
 *       {@value #HISTORY} oldest first.</li>
 * </ul>
 *
 * @param lastNs  -1 when no sample; likewise {@code bestNs}, {@code worstNs}; {@code meanNs} NaN
 */
public record ConversationStatistics(long seen, long lost, long samples, long lastNs, double meanNs, long bestNs,
                                     long worstNs, List<Long> historyNs) {
    /** How many latency samples the history keeps. */
    public static final int HISTORY = 60;

    public ConversationStatistics {
        historyNs = List.copyOf(historyNs);
    }

    /** {@code lost / seen} in percent; 0 when nothing was seen. */
    public double lossPercent() {
        return seen == 0 ? 0 : 100.0 * lost / seen;
    }
}
