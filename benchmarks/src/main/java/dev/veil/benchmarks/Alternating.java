package dev.veil.benchmarks;

import java.util.Arrays;

/**
 * Two things timed in one JVM in alternating blocks, which goes first switching every round, so that a
 * burst on a shared host slows both alike: what {@link CompareBuilds} and {@link ConversationRatio} report.
 */
final class Alternating {

    private Alternating() {
    }

    /** Something timed in blocks. */
    interface Timed {
        /** The median time of one call (ns) over about {@code millis} of calls. */
        double medianOver(long millis);
    }

    /** The medians of A's and of B's block medians (ns), and the median and quartiles of the per-round B / A. */
    record Result(double medianA, double medianB, double ratio, double ratioP25, double ratioP75) {
    }

    /**
     * Warms both up for {@code warmUpMillis}, then times {@code rounds} rounds of one block each.
     *
     * @throws IllegalArgumentException if rounds or the block length are not positive, or the warm-up is negative
     */
    static Result run(Timed a, Timed b, int rounds, long blockMillis, long warmUpMillis) {
        check(rounds, blockMillis, warmUpMillis);
        long warmEnd = System.nanoTime() + warmUpMillis * 1_000_000L;
        while (System.nanoTime() < warmEnd) {
            a.medianOver(Math.min(500, blockMillis));
            b.medianOver(Math.min(500, blockMillis));
        }
        double[] timesA = new double[rounds];
        double[] timesB = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                timesA[r] = a.medianOver(blockMillis);
                timesB[r] = b.medianOver(blockMillis);
            } else {
                timesB[r] = b.medianOver(blockMillis);
                timesA[r] = a.medianOver(blockMillis);
            }
            ratio[r] = timesB[r] / timesA[r];
        }
        Arrays.sort(timesA);
        Arrays.sort(timesB);
        Arrays.sort(ratio);
        return new Result(Quantiles.of(timesA, 0.5), Quantiles.of(timesB, 0.5), Quantiles.of(ratio, 0.5),
                Quantiles.of(ratio, 0.25), Quantiles.of(ratio, 0.75));
    }

    /**
     * @throws IllegalArgumentException unless there are 1 to 10,000 rounds of blocks of 1 ms to 10 minutes
     *         after at most an hour of warm-up
     */
    static void check(int rounds, long blockMillis, long warmUpMillis) {
        if (rounds < 1 || rounds > 10_000 || blockMillis < 1 || blockMillis > 600_000 || warmUpMillis < 0
                || warmUpMillis > 3_600_000) {
            throw new IllegalArgumentException("rounds 1 to 10,000, blocks of 1 ms to 10 minutes, warm-up at most an hour");
        }
    }
}
