package dev.veil.benchmarks;

import dev.veil.Finding;
import dev.veil.Veil;
import java.util.List;
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
 * The full default pipeline: every built-in detector (names and special categories included once they
 * are registered by default), thresholds, overlap resolution. Compare with {@link BaselineBenchmark} on
 * the same corpus.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'PipelineBenchmark|BaselineBenchmark' -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBenchmark {

    @Param
    public Corpus corpus;

    private Veil veil;
    private String text;

    @Setup
    public void setUp() {
        veil = Engines.uncached();
        text = corpus.text();
    }

    /** Findings the default policy acts on. */
    @Benchmark
    public List<Finding> scan() {
        return veil.scan(text);
    }
}
