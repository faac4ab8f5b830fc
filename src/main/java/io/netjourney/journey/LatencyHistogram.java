package io.netjourney.journey;

import java.util.Arrays;

/**
 * A histogram of times in powers of two, as the kernel keeps it: bucket 0 for 0 ns, bucket b for [2^(b-1), 2^b) ns.
 * Quantiles are read as the upper bound of the bucket they fall in (at most a factor of 2 above the true value).
 */
public record LatencyHistogram(long[] buckets) {
    public LatencyHistogram {
        buckets = buckets.clone();
    }

    public long total() {
        return Arrays.stream(buckets).sum();
    }

    /** The bucket's upper bound in ns: 0 for bucket 0, 2^b for bucket b. */
    public static long upperBoundNs(int bucket) {
        return bucket == 0 ? 0 : 1L << Math.min(bucket, 62);
    }

    /**
     * The upper bound (ns) of the bucket holding the {@code q} quantile (0 &lt; q ≤ 1) of the times, -1 when empty.
     */
    public long quantileNs(double q) {
        long total = total();
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int b = 0; b < buckets.length; b++) {
            seen += buckets[b];
            if (seen >= rank) {
                return upperBoundNs(b);
            }
        }
        return upperBoundNs(buckets.length - 1);
    }

    /** The sum of two histograms of as many buckets. */
    public LatencyHistogram plus(LatencyHistogram other) {
        long[] sum = buckets.clone();
        for (int b = 0; b < Math.min(sum.length, other.buckets.length); b++) {
            sum[b] += other.buckets[b];
        }
        return new LatencyHistogram(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyHistogram h && Arrays.equals(buckets, h.buckets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(buckets);
    }

    @Override
    public String toString() {
        return "LatencyHistogram" + Arrays.toString(buckets);
    }
}
