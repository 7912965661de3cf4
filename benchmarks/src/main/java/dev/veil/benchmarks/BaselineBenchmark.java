package dev.veil.benchmarks;

import dev.veil.EntityType;
import dev.veil.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The yardstick: one {@code java.util.regex} alternation for e-mail, phone and IBAN with no
 * validation, which is what many teams write by hand. It finds less than Veil (no names, no national
 * ids, no special categories) and flags dates, amounts and order numbers as phone numbers, yet Veil's
 * full pipeline should be no slower on the same input.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BaselineBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BaselineBenchmark {

    /** E-mail, then IBAN, then anything that looks like a phone number: the usual hand-written net. */
    private static final Pattern NAIVE = Pattern.compile(
            "(?<email>[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)"
                    + "|(?<iban>\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b)"
                    + "|(?<phone>(?:\\+|\\b00)?\\d[\\d ()./-]{7,}\\d)");

    @Param
    public Corpus corpus;

    private String text;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        text = corpus.text();
    }

    /** Every match of the naive pattern, as findings like the engine returns. */
    @Benchmark
    public List<Finding> baseline() {
        return naiveScan(text);
    }

    static List<Finding> naiveScan(CharSequence text) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = NAIVE.matcher(text);
        while (m.find()) {
            EntityType type = m.start("email") >= 0 ? EntityType.EMAIL
                    : m.start("iban") >= 0 ? EntityType.IBAN : EntityType.PHONE;
            findings.add(new Finding(m.start(), m.end(), type, 1.0, "baseline"));
        }
        return findings;
    }
}
