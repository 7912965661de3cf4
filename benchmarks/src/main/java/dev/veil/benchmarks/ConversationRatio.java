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
 * <p>Prints the median of each block's median, and the median (p25, p75) of the per-pair ratios. A
 * second line times turn 20's history sent again unchanged against turn 1 in alternating blocks too:
 * with a cache keyed by content, cutting and hashing the history, finding it and assembling its
 * findings is what every later turn pays before anything new in it is detected.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.ConversationRatio [warmUpSeconds pairs]}
 */
public final class ConversationRatio {

    /**
     * Warm-up before the second pairs: turn 1 is warm from the first pairs, and the history sent again
     * runs the code a whole-history scan runs, which they warmed too.
     */
    private static final long SEEN_WARM_UP_MILLIS = 5_000;

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

    /**
     * The report: block medians and the ratio of turn 20 to turn 1, then, on a second line, turn 20's
     * history sent again unchanged (an engine of its own, which has scanned it) against turn 1, timed
     * after the first pairs, with the medians of both.
     */
    static String measure(long warmUpMillis, int pairs, long blockMillis) {
        Alternating.check(pairs, blockMillis, warmUpMillis);
        Turn first = new Turn(1);
        Turn twentieth = new Turn(20);
        Alternating.Result r = Alternating.run(first::medianOver, twentieth::medianOver, pairs, blockMillis, warmUpMillis);
        SeenHistory seen = new SeenHistory();
        Alternating.Result s = Alternating.run(first::medianOver, seen::medianOver, pairs, blockMillis,
                Math.min(warmUpMillis, SEEN_WARM_UP_MILLIS));
        return String.format(Locale.ROOT,
                "conversation in one JVM (restored reply, %d alternating pairs of %d ms blocks): turn 1 %.2f µs,"
                        + " turn 20 %.2f µs, turn 20 / turn 1 %.2f× (p25 %.2f×, p75 %.2f×)%n"
                        + "turn 20's history sent again unchanged (every part cached: reading it again is all that"
                        + " is left): %.2f µs against turn 1 %.2f µs in the same pairs, %.2f× (p25 %.2f×, p75 %.2f×)",
                pairs, blockMillis, r.medianA() / 1000, r.medianB() / 1000, r.ratio(), r.ratioP25(), r.ratioP75(),
                s.medianB() / 1000, s.medianA() / 1000, s.ratio(), s.ratioP25(), s.ratioP75());
    }

    /**
     * Turn 20's whole history, scanned once before and then again, as one of sixteen copies each call:
     * what a turn costs before anything in it is new, with the detection cache keyed by content. Other
     * strings than the one scanned first, so that nothing can tell it is the same text without reading it.
     */
    private static final class SeenHistory {
        private final Veil veil = Engines.cached();
        private final String history = Corpus.Conversation.historyAt(Corpus.Conversation.TURNS, Corpus.conversationTurns());
        private final Samples samples = new Samples();
        /**
         * Copies made up front: a new 20 KB string per call allocated about 8 GB/s, and the collections
         * that caused slowed the turn-1 blocks timed between these.
         */
        private final String[] copies = new String[16];
        private long calls;
        private long sink;

        SeenHistory() {
            veil.scan(history);
            for (int i = 0; i < copies.length; i++) {
                copies[i] = new String(history.toCharArray());
            }
        }

        /** The median time of one scan (ns) over calls for about {@code millis}. */
        double medianOver(long millis) {
            long end = System.nanoTime() + millis * 1_000_000L;
            samples.clear();
            do {
                String again = copies[(int) (calls++ % copies.length)];
                long start = System.nanoTime();
                sink += veil.scan(again).size();
                samples.add(System.nanoTime() - start);
            } while (System.nanoTime() < end);
            return samples.median();
        }
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
