package dev.veil.benchmarks;

/** Quantiles of a few block medians, for the one-JVM measurements. */
final class Quantiles {

    private Quantiles() {
    }

    /**
     * The {@code q} quantile of {@code sorted} (ascending, not empty), interpolated between the two
     * nearest values: with an even count the median is the mean of the middle two, not the upper one.
     */
    static double of(double[] sorted, double q) {
        if (sorted.length == 0 || !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("need values and a quantile in [0, 1]");
        }
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    /** The median of {@code sorted[0, count)} (ascending, count above 0): the mean of the middle two for an even count. */
    static double median(long[] sorted, int count) {
        return (sorted[(count - 1) / 2] + sorted[count / 2]) / 2.0;
    }
}
