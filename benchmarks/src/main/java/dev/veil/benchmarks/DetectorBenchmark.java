package dev.veil.benchmarks;

import dev.veil.EntityType;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.Detectors;
import dev.veil.detect.FindingSink;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * Each built-in detector alone, called directly with no engine around it: what one detector costs
 * and which one to optimise first. Without the engine, the detectors anchored on digits (phone, IBAN,
 * card, BSN, Belgian number, IP) find their starts with a loop of their own instead of the engine's
 * shared scan, so their rows overstate what they cost in the pipeline (on CHAT_EN, that loop was
 * 43 % of the phone detector's time alone).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DetectorBenchmark -p detector=phone -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectorBenchmark {

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

    @Param({"email", "phone", "iban", "credit_card", "nl_bsn", "be_national_number", "ip_address", "person",
            "special_categories"})
    public String detector;

    @Param({"CHAT_NL", "LONG_DOC"})
    public Corpus corpus;

    private Detector instance;
    private DetectionInput input;

    @Setup
    public void setUp() {
        instance = DETECTORS.get(detector).get();
        String text = corpus.text();
        input = new FixedInput(text);
    }

    /** How many findings the detector reports, plus their ends, so no work can be skipped. */
    @Benchmark
    public long detect() {
        Counter counter = new Counter();
        instance.detect(input, counter);
        return counter.sum;
    }

    /** Counts and sums what it receives. */
    private static final class Counter implements FindingSink {
        long sum;

        @Override
        public void accept(int start, int end, EntityType type, double score) {
            sum += 1 + end;
        }
    }
}
