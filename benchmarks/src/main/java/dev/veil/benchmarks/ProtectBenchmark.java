package dev.veil.benchmarks;

import dev.veil.Action;
import dev.veil.Policy;
import dev.veil.ProtectedText;
import dev.veil.Veil;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Protecting a prompt with redaction: the full default pipeline plus rewriting the text, every finding
 * replaced with {@code [REDACTED]}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProtectBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtectBenchmark {

    @Param({"SHORT", "NO_PII", "CHAT_NL", "CHAT_EN", "DENSE_PII", "LONG_DOC"})
    public Corpus corpus;

    private Veil veil;
    private String text;

    @Setup
    public void setUp() {
        veil = Engines.uncached(Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(Action.REDACT).build()));
        text = corpus.text();
    }

    /** The redacted text and what was done. */
    @Benchmark
    public ProtectedText redact() {
        return veil.protect(text);
    }
}
