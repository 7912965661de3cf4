package dev.veil.detect.person;

import dev.veil.benchmarks.FixedInput;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detectors;
import dev.veil.detect.Detector;
import java.util.Random;
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
 * Cost of the rule-based person detector on a 2 KB chat prompt, next to a baseline that only walks
 * the chars. Run: {@code java -jar benchmarks/target/benchmarks.jar PersonDetectorBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PersonDetectorBenchmark {

    /** Seeded 2 KB prompts built from chat-like sentences. */
    public enum Prompt {
        DUTCH(new String[] {
            "Beste Anouk, ", "Kun je dhr. Jansen even bellen over de offerte? ", "Ik sprak gisteren met Pieter de Vries. ",
            "De vergadering is verzet naar dinsdag 3 maart in Utrecht. ", "Mijn collega Fatima el Amrani neemt het over. ",
            "Het contract met Bakker Logistiek BV loopt af. ", "Volgens J.P. Verhoeven klopt de rekening niet. ",
            "Kun je dit samenvatten in drie punten? ", "Met vriendelijke groet,\nSanne\n"}),
        ENGLISH(new String[] {
            "Hi Tom, ", "please forward this to John Smith before Friday. ", "Dr. Patel reviewed the scan yesterday. ",
            "The meeting moved to Tuesday in London. ", "My colleague Sarah O'Brien will take over. ",
            "Summarise the following in three bullet points. ", "The deal with Acme Holding Inc was signed. ",
            "Kind regards,\nEmily\n"});

        final String[] sentences;

        Prompt(String[] sentences) {
            this.sentences = sentences;
        }

        String build(int chars) {
            Random random = new Random(7);
            StringBuilder sb = new StringBuilder();
            while (sb.length() < chars) {
                sb.append(sentences[random.nextInt(sentences.length)]);
            }
            return sb.substring(0, chars);
        }
    }

    @Param({"DUTCH", "ENGLISH"})
    public Prompt prompt;

    private DetectionInput input;
    private Detector detector;

    @Setup
    public void setUp() {
        String text = prompt.build(2048);
        detector = Detectors.person();
        input = new FixedInput(text);
    }

    @Benchmark
    public int baseline() {
        CharSequence t = input.text();
        int capitals = 0;
        for (int i = 0; i < t.length(); i++) {
            capitals += Character.isUpperCase(t.charAt(i)) ? 1 : 0;
        }
        return capitals;
    }

    @Benchmark
    public int detect() {
        int[] count = {0};
        detector.detect(input, (s, e, type, score) -> count[0]++);
        return count[0];
    }
}
