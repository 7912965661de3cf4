package dev.veil.benchmarks;

import java.util.Arrays;

/**
 * The times of one block's calls, in a buffer that grows, so a block lasts its length however fast the
 * calls are. Reused block after block. Not thread-safe.
 */
final class Samples {

    private long[] times = new long[1 << 16];
    private int count;

    void clear() {
        count = 0;
    }

    void add(long nanos) {
        if (count == times.length) {
            times = Arrays.copyOf(times, 2 * count);
        }
        times[count++] = nanos;
    }

    /** The median of the times added since {@link #clear()}; at least one must have been. */
    double median() {
        Arrays.sort(times, 0, count);
        return Quantiles.median(times, count);
    }
}
