package dev.veil.benchmarks;

import dev.veil.Action;
import dev.veil.Policy;
import dev.veil.Veil;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The baseline target (the full pipeline no slower than the naive regex on the same input) measured in
 * one JVM: per corpus, the naive regex, the pipeline's scan and a redaction in rotating one-block turns,
 * so that a burst on a shared host slows all three alike. In the JMH table each of them runs in its own
 * fork, minutes apart, and on a noisy host the naive regex alone moved from 284 to 522 µs between two
 * runs of the same code (DENSE_PII), which made the same redaction 1.85× or 0.98× of it.
 *
 * <p>Prints per corpus the median of each block's median, and the median (p25, p75) of the per-round
 * ratios to the baseline. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.veil.benchmarks.BaselineRatio [warmUpSeconds rounds blockMillis corpus...]}
 */
public final class BaselineRatio {

    /** Where the results' sum goes, so the JIT cannot drop the timed calls. */
    private static volatile long blackhole;

    private BaselineRatio() {
    }

    public static void main(String[] args) {
        try {
            long warmUpMillis = 1000L * (args.length > 0 ? Integer.parseInt(args[0]) : 8);
            int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
            long blockMillis = args.length > 2 ? Long.parseLong(args[2]) : 500;
            Alternating.check(rounds, blockMillis, warmUpMillis);
            Corpus[] corpora = args.length > 3
                    ? Arrays.stream(args, 3, args.length).map(Corpus::valueOf).toArray(Corpus[]::new)
                    : Corpus.values();
            Veil scanning = Engines.uncached();
            Veil redacting = redactingEngine();
            for (Corpus corpus : corpora) {
                System.out.println(measure(scanning, redacting, corpus, warmUpMillis, rounds, blockMillis));
            }
        } catch (IllegalArgumentException e) { // a bad number or corpus name
            System.err.println(e.getMessage());
            System.err.println("usage: BaselineRatio [warmUpSeconds rounds blockMillis corpus...]");
            System.exit(2);
        }
    }

    /** The engine {@link ProtectBenchmark} measures: the default policy with every type redacted. */
    static Veil redactingEngine() {
        return Engines.uncached(Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(Action.REDACT).build()));
    }

    /** The report line of one corpus: block medians, and scan and redaction against the baseline. */
    static String measure(Veil scanning, Veil redacting, Corpus corpus, long warmUpMillis, int rounds, long blockMillis) {
        Alternating.check(rounds, blockMillis, warmUpMillis);
        String text = corpus.text();
        // Each task returns something derived from its result, summed into a sink: no work is dead code.
        List<ToLongFunction<String>> tasks = List.of(
                t -> BaselineBenchmark.naiveScan(t).size(),
                t -> scanning.scan(t).size(),
                t -> redacting.protect(t).text().length());
        Timer timer = new Timer();
        long warmEnd = System.nanoTime() + warmUpMillis * 1_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (ToLongFunction<String> task : tasks) {
                timer.medianOver(task, text, Math.min(300, blockMillis));
            }
        }
        double[][] medians = new double[tasks.size()][rounds];
        double[] scanRatio = new double[rounds];
        double[] redactRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // Rotate the order, so that no task always runs first after another one.
            for (int k = 0; k < tasks.size(); k++) {
                int task = (r + k) % tasks.size();
                medians[task][r] = timer.medianOver(tasks.get(task), text, blockMillis);
            }
            scanRatio[r] = medians[1][r] / medians[0][r];
            redactRatio[r] = medians[2][r] / medians[0][r];
        }
        blackhole = timer.sink;
        for (double[] m : medians) {
            Arrays.sort(m);
        }
        Arrays.sort(scanRatio);
        Arrays.sort(redactRatio);
        return String.format(Locale.ROOT,
                "%-12s baseline %.1f µs, scan %.1f µs (%.2f× baseline; p25 %.2f×, p75 %.2f×), redact %.1f µs"
                        + " (%.2f×; p25 %.2f×, p75 %.2f×) [one JVM, %d rotating rounds of %d ms blocks]",
                corpus, Quantiles.of(medians[0], 0.5) / 1000, Quantiles.of(medians[1], 0.5) / 1000,
                Quantiles.of(scanRatio, 0.5), Quantiles.of(scanRatio, 0.25), Quantiles.of(scanRatio, 0.75),
                Quantiles.of(medians[2], 0.5) / 1000, Quantiles.of(redactRatio, 0.5), Quantiles.of(redactRatio, 0.25),
                Quantiles.of(redactRatio, 0.75), rounds, blockMillis);
    }

    /** Times calls of one task; keeps a sink of their results. */
    private static final class Timer {
        private final Samples samples = new Samples();
        long sink;

        /** The median time of one call (ns) over calls for about {@code millis}, at least one call. */
        double medianOver(ToLongFunction<String> task, String text, long millis) {
            long end = System.nanoTime() + millis * 1_000_000L;
            samples.clear();
            do {
                long start = System.nanoTime();
                sink += task.applyAsLong(text);
                samples.add(System.nanoTime() - start);
            } while (System.nanoTime() < end);
            return samples.median();
        }
    }
}
