package dev.veil.benchmarks;

import dev.veil.Veil;
import dev.veil.session.Session;
import java.util.Locale;

/**
 * The conversation target (turn 20 costs at most 2× turn 1) measured in one JVM: the two turns of
 * {@link ConversationBenchmark} with {@code reply=restored}, in alternating one-second blocks, both
 * orders, so that a burst on a shared host slows both alike. {@code ConversationBenchmark} runs the two
 * turns in separate forks minutes apart, and on a noisy host its ratio moves by more than 2× between
 * runs of the same code.
 *
 * <p>Prints the median of each block's median, and the median (p25, p75) of the per-pair ratios.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.ConversationRatio [warmUpSeconds pairs]}
 */
public final class ConversationRatio {

    private ConversationRatio() {
    }

    public static void main(String[] args) {
        try {
            long warmUpMillis = 1000L * (args.length > 0 ? Integer.parseInt(args[0]) : 20);
            int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
            long blockMillis = args.length > 2 ? Long.parseLong(args[2]) : 1000;
            System.out.println(measure(warmUpMillis, pairs, blockMillis));
        } catch (IllegalArgumentException e) { // a bad number
            System.err.println(e.getMessage());
            System.err.println("usage: ConversationRatio [warmUpSeconds pairs blockMillis]");
            System.exit(2);
        }
    }

    /** The report line: block medians and the ratio of turn 20 to turn 1. */
    static String measure(long warmUpMillis, int pairs, long blockMillis) {
        Alternating.check(pairs, blockMillis, warmUpMillis);
        Turn first = new Turn(1);
        Turn twentieth = new Turn(20);
        Alternating.Result r = Alternating.run(first::medianOver, twentieth::medianOver, pairs, blockMillis, warmUpMillis);
        return String.format(Locale.ROOT,
                "conversation in one JVM (restored reply, %d alternating pairs of %d ms blocks): turn 1 %.2f µs,"
                        + " turn 20 %.2f µs, turn 20 / turn 1 %.2f× (p25 %.2f×, p75 %.2f×)",
                pairs, blockMillis, r.medianA() / 1000, r.medianB() / 1000, r.ratio(), r.ratioP25(), r.ratioP75());
    }

    /** One turn's engine and session, set up as {@link ConversationBenchmark} does. */
    private static final class Turn {
        private final Veil veil = Engines.cached();
        private final Session session = veil.session("conversation");
        private final String earlier;
        private final String lastReply;
        private final String newest;
        private long counter;
        private long sink;
        private final Samples samples = new Samples();

        Turn(int turn) {
            Corpus.Conversation.Turn at = Corpus.Conversation.Turn.at(turn);
            earlier = at.earlier();
            lastReply = at.lastReply();
            newest = at.newest();
            if (at.previousHistory() != null) {
                veil.scan(at.previousHistory()); // the engine has seen the turn before, as in the benchmark
            }
        }

        /** The median time of one scan (ns) over calls for about {@code millis}; set-up untimed. */
        double medianOver(long millis) {
            long end = System.nanoTime() + millis * 1_000_000L;
            samples.clear();
            do {
                counter++;
                String history;
                if (lastReply == null) {
                    history = Corpus.Conversation.unique(newest, counter);
                } else {
                    String restored = Corpus.Conversation.unique(lastReply, counter);
                    session.restore(restored);
                    history = earlier + restored + "\n\n" + Corpus.Conversation.unique(newest, counter);
                }
                long start = System.nanoTime();
                sink += veil.scan(history).size();
                samples.add(System.nanoTime() - start);
            } while (System.nanoTime() < end);
            return samples.median();
        }
    }
}
