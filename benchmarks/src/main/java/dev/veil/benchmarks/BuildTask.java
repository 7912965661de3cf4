package dev.veil.benchmarks;

import dev.veil.Action;
import dev.veil.Policy;
import dev.veil.Veil;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.Detectors;
import dev.veil.detect.FindingSink;
import dev.veil.session.Session;
import java.util.Arrays;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One task of {@link CompareBuilds}, set up against whichever build of Veil its class loader holds. It
 * uses only the public API and the corpora, so it runs against older builds too.
 *
 * <p>Not thread-safe.
 */
public final class BuildTask {

    private static final Map<String, Supplier<Detector>> DETECTORS = Map.of(
            "email", Detectors::email,
            "phone", Detectors::phone,
            "iban", Detectors::iban,
            "credit_card", Detectors::creditCard,
            "nl_bsn", Detectors::nlBsn,
            "be_national_number", Detectors::beNationalNumber,
            "ip_address", Detectors::ipAddress,
            "person", Detectors::person,
            "special_categories", Detectors::specialCategories);

    private final long[] times = new long[1 << 16];
    private final LongSupplier call;
    /** What every call returned, summed: kept so that no call is dead code. */
    private long sink;
    /** The untimed step before each call (a conversation's next history), or null. */
    private Runnable before;

    /**
     * @throws IllegalArgumentException if {@code task} names no task, corpus, detector or turn
     */
    public BuildTask(String task) {
        String[] parts = parse(task);
        switch (parts[0]) {
            case "scan" -> {
                Veil veil = Veil.builder().withoutDetectionCache().build();
                String text = Corpus.valueOf(parts[1]).text();
                call = () -> veil.scan(text).size();
            }
            case "redact" -> {
                Veil veil = Veil.builder().withoutDetectionCache()
                        .policy(Policy.balanced().toBuilder().defaultAction(Action.REDACT).build()).build();
                String text = Corpus.valueOf(parts[1]).text();
                call = () -> veil.protect(text).text().length();
            }
            case "detect" -> {
                Detector detector = DETECTORS.get(parts[1]).get();
                DetectionInput input = new FixedInput(Corpus.valueOf(parts[2]).text());
                long[] sum = new long[1];
                FindingSink counting = (start, end, type, score) -> sum[0] += 1 + end;
                call = () -> {
                    detector.detect(input, counting);
                    return sum[0];
                };
            }
            default -> call = conversation(Integer.parseInt(parts[1]));
        }
    }

    /**
     * The task split into its kind and arguments, checked: {@code scan:CORPUS}, {@code redact:CORPUS},
     * {@code detect:DETECTOR:CORPUS} or {@code conversation:TURN} (1 to 20).
     *
     * @throws IllegalArgumentException if it is none of those
     */
    static String[] parse(String task) {
        String[] parts = task.split(":");
        boolean valid = switch (parts[0]) {
            case "scan", "redact" -> parts.length == 2 && isCorpus(parts[1]);
            case "detect" -> parts.length == 3 && DETECTORS.containsKey(parts[1]) && isCorpus(parts[2]);
            case "conversation" -> parts.length == 2 && parts[1].matches("[0-9]{1,2}")
                    && Integer.parseInt(parts[1]) >= 1 && Integer.parseInt(parts[1]) <= Corpus.Conversation.TURNS;
            default -> false;
        };
        if (!valid) {
            throw new IllegalArgumentException("unknown task '" + task + "': scan:CORPUS, redact:CORPUS,"
                    + " detect:DETECTOR:CORPUS or conversation:TURN; corpora " + Arrays.toString(Corpus.values())
                    + ", detectors " + DETECTORS.keySet().stream().sorted().toList() + ", turns 1 to "
                    + Corpus.Conversation.TURNS);
        }
        return parts;
    }

    private static boolean isCorpus(String name) {
        return Arrays.stream(Corpus.values()).anyMatch(c -> c.name().equals(name));
    }

    /** {@link ConversationRatio}'s turn: the history scanned whole, the reply before the question restored first. */
    private LongSupplier conversation(int turn) {
        Veil veil = Veil.builder().detectionCache().build();
        Session session = veil.session("conversation");
        Corpus.Conversation.Turn at = Corpus.Conversation.Turn.at(turn);
        if (at.previousHistory() != null) {
            veil.scan(at.previousHistory());
        }
        String[] history = new String[1];
        long[] counter = new long[1];
        before = () -> {
            counter[0]++;
            if (at.lastReply() == null) {
                history[0] = Corpus.Conversation.unique(at.newest(), counter[0]);
                return;
            }
            String restored = Corpus.Conversation.unique(at.lastReply(), counter[0]);
            session.restore(restored);
            history[0] = at.earlier() + restored + "\n\n" + Corpus.Conversation.unique(at.newest(), counter[0]);
        };
        return () -> veil.scan(history[0]).size();
    }

    /** The median time of one call (ns) over calls for about {@code millis}, at least one call; set-up untimed. */
    public double medianOver(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        int count = 0;
        while (count < times.length && (count == 0 || System.nanoTime() < end)) {
            if (before != null) {
                before.run();
            }
            long start = System.nanoTime();
            sink += call.getAsLong();
            times[count++] = System.nanoTime() - start;
        }
        Arrays.sort(times, 0, count);
        return times[count / 2];
    }

    /** What the calls returned, summed (for tests: the calls ran and did something). */
    long sink() {
        return sink;
    }
}
