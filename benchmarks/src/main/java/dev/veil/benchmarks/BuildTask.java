package dev.veil.benchmarks;

import dev.veil.Action;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.Policy;
import dev.veil.Veil;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.Detectors;
import dev.veil.detect.FindingSink;
import dev.veil.session.Session;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * One task of {@link CompareBuilds}, set up against whichever build of Veil its class loader holds.
 * It uses only the core's public API; its inputs come from the tool, so both builds time the same text
 * even where their corpora differ.
 *
 * <p>Not thread-safe.
 */
public final class BuildTask {

    /** Bounds the samples of one block (16 MB); with samples of a microsecond or more, never reached in a second. */
    private static final int MAX_SAMPLES = 1 << 21;

    private final LongSupplier call;
    /** The untimed step before each call (a conversation's next history), or null. */
    private final Runnable before;
    private long[] samples = new long[1 << 16];
    /** Calls per sample (see {@link #batch(int)}); always 1 with a step before each call. */
    private int batch = 1;
    /** What every call returned, summed: kept so that no call is dead code. */
    private long sink;

    /**
     * A task of a kind {@link CompareBuilds#parse} accepted: {@code scan}, {@code redact} or {@code
     * detect} over {@code text}; {@code conversation}, whose history before this turn (null at turn 1)
     * was scanned once, and whose reply (null at turn 1) and history at each call come from {@code
     * turn}, the reply restored first; or {@code gateway}, as {@link GatewayTurnBenchmark} with the
     * reply restored: the earlier questions of {@code request} protected and its replies restored once,
     * then at each call its last reply (null at turn 1) and question replaced by what {@code turn} gives,
     * the reply restored first, and every message protected.
     */
    public BuildTask(String kind, String detector, String text, String previousHistory, List<String> request,
            LongFunction<String[]> turn) {
        switch (kind) {
            case "scan" -> {
                Veil veil = Veil.builder().withoutDetectionCache().build();
                call = () -> veil.scan(text).size();
                before = null;
            }
            case "redact" -> {
                Veil veil = Veil.builder().withoutDetectionCache()
                        .policy(Policy.balanced().toBuilder().defaultAction(Action.REDACT).build()).build();
                call = () -> veil.protect(text).text().length();
                before = null;
            }
            case "detect" -> {
                Detector d = detector(detector);
                DetectionInput input = new Input(text);
                long[] sum = new long[1];
                FindingSink counting = (start, end, type, score) -> sum[0] += 1 + end;
                call = () -> {
                    d.detect(input, counting);
                    return sum[0];
                };
                before = null;
            }
            case "conversation" -> {
                Veil veil = Veil.builder().detectionCache().build();
                Session session = veil.session("conversation");
                if (previousHistory != null) {
                    veil.scan(previousHistory);
                }
                String[] history = new String[1];
                long[] counter = new long[1];
                before = () -> {
                    String[] next = turn.apply(++counter[0]);
                    if (next[0] != null) {
                        session.restore(next[0]);
                    }
                    history[0] = next[1];
                };
                call = () -> veil.scan(history[0]).size();
            }
            case "gateway" -> {
                Veil veil = Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build())
                        .detectionCache().build();
                Session session = veil.session("conversation");
                String[] messages = request.toArray(new String[0]);
                for (int t = 0; t + 1 < messages.length; t += 2) {
                    session.protect(messages[t]);
                    session.restore(messages[t + 1]);
                }
                long[] counter = new long[1];
                before = () -> {
                    String[] next = turn.apply(++counter[0]);
                    messages[messages.length - 1] = next[1];
                    if (next[0] != null) {
                        messages[messages.length - 2] = next[0];
                        session.restore(next[0]);
                    }
                };
                call = () -> {
                    long chars = 0;
                    for (String message : messages) {
                        chars += session.protect(message).text().length();
                    }
                    return chars;
                };
            }
            default -> throw new IllegalArgumentException("unknown task kind " + kind);
        }
    }

    /** A switch, not a map of method references: those would all be linked, and an older build may lack one. */
    private static Detector detector(String name) {
        return switch (name) {
            case "email" -> Detectors.email();
            case "phone" -> Detectors.phone();
            case "iban" -> Detectors.iban();
            case "credit_card" -> Detectors.creditCard();
            case "nl_bsn" -> Detectors.nlBsn();
            case "be_national_number" -> Detectors.beNationalNumber();
            case "ip_address" -> Detectors.ipAddress();
            case "person" -> Detectors.person();
            case "special_categories" -> Detectors.specialCategories();
            default -> throw new IllegalArgumentException("unknown detector " + name);
        };
    }

    /**
     * Times {@code calls} calls per sample from now on, so that the clock's own cost (tens of
     * nanoseconds) is a small share of a sample of fast calls. Ignored for a conversation or gateway
     * turn, whose calls each need an untimed step first.
     */
    public void batch(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls per sample must be positive");
        }
        batch = before != null ? 1 : calls;
    }

    /**
     * The median time of one call (ns) over about {@code millis} of calls, at least one sample; the
     * step before each call untimed.
     */
    public double medianOver(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        int count = 0;
        while (count == 0 || count < MAX_SAMPLES && System.nanoTime() < end) {
            if (before != null) {
                before.run();
            }
            long start = System.nanoTime();
            for (int k = 0; k < batch; k++) {
                sink += call.getAsLong();
            }
            long took = System.nanoTime() - start;
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, 2 * count);
            }
            samples[count++] = took;
        }
        Arrays.sort(samples, 0, count);
        return (samples[(count - 1) / 2] + samples[count / 2]) / 2.0 / batch;
    }

    /** What the calls returned, summed (for tests: the calls ran and did something). */
    long sink() {
        return sink;
    }

    /**
     * A detector's input: the text, {@link Language#AUTO}, no earlier findings. {@link FixedInput}'s
     * twin, because the build's loader would resolve that name to the build's own copy, if it has one.
     */
    private record Input(CharSequence text) implements DetectionInput {
        @Override
        public Language language() {
            return Language.AUTO;
        }

        @Override
        public List<Finding> priorFindings() {
            return List.of();
        }
    }
}
