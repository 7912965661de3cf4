package dev.veil.benchmarks;

import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.special.SpecialCategoryDetector;
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
 * What the special-category detector adds to one 2 KB prompt (target: at most 20 µs median), next to a
 * baseline that only reads every char once.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SpecialCategoryBenchmark -p prompt=DUTCH}
 * (add {@code -prof gc} to see allocation per call, which should be about zero).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SpecialCategoryBenchmark {

    /** Prebuilt 2 KB prompts: realistic text with a few special-category terms and a person or two. */
    public enum Prompt {
        DUTCH("Kun je een nette e-mail schrijven aan de afdeling HR over mijn collega? Zij heeft zich vanochtend "
                + "ziek gemeld en volgens haar man heeft ze een burn-out. Ze was vorig jaar ook al overspannen. "
                + "Graag zakelijk en vriendelijk, zonder te veel details. Daarnaast wil ik een samenvatting van het "
                + "overleg van dinsdag: we bespraken de planning voor het derde kwartaal, de nieuwe huisstijl, de "
                + "verhuizing naar het kantoor aan de Stationsweg en de training voor nieuwe medewerkers. "),
        ENGLISH("Please draft a polite email to HR about my colleague. She called in sick this morning and her "
                + "husband says she has burnout; last year she was signed off with anxiety as well. Keep it "
                + "short and factual. Also summarise Tuesday's meeting: we discussed the third-quarter plan, the "
                + "new brand guidelines, the move to the office on Station Road and onboarding for new hires. ");

        final String text;

        Prompt(String paragraph) {
            StringBuilder b = new StringBuilder(2048);
            while (b.length() < 2048) {
                b.append(paragraph);
            }
            this.text = b.substring(0, 2048);
        }
    }

    @Param({"DUTCH", "ENGLISH"})
    public Prompt prompt;

    private SpecialCategoryDetector detector;
    private DetectionInput input;

    private record Input(CharSequence text, Language language, List<Finding> priorFindings) implements DetectionInput {
    }

    @Setup
    public void setUp() {
        detector = SpecialCategoryDetector.defaults();
        input = new Input(prompt.text, Language.AUTO, List.of());
    }

    /** Reads every char once: the floor for any detector. */
    @Benchmark
    public int baseline() {
        CharSequence t = input.text();
        int h = 0;
        for (int i = 0; i < t.length(); i++) {
            h = 31 * h + t.charAt(i);
        }
        return h;
    }

    @Benchmark
    public int detect() {
        int[] count = new int[1];
        detector.detect(input, (start, end, type, score) -> count[0] += end - start);
        return count[0];
    }
}
