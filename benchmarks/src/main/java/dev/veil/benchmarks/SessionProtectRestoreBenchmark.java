package dev.veil.benchmarks;

import dev.veil.Action;
import dev.veil.Policy;
import dev.veil.Veil;
import dev.veil.session.Session;
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
 * Protecting a 2 KB prompt in a session (a later turn: its values already have tokens) and restoring a
 * 2 KB reply, next to the engine's scan alone as the baseline, so the session's own cost shows.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SessionProtectRestore -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionProtectRestoreBenchmark {

    /** Prebuilt 2 KB inputs: with personal data every ~200 chars, or none. */
    public enum Corpus {
        PERSONAL_DATA, PLAIN;

        String text() {
            StringBuilder b = new StringBuilder();
            List<String> values = List.of("jan.jansen@voorbeeld.nl", "06-12345678", "NL91 ABNA 0417 1643 00",
                    "p.de.vries@bedrijf.nl", "+31 20 123 4567");
            int i = 0;
            while (b.length() < 2048) {
                b.append("Kun je de offerte van vorige week nog eens nalopen en de bedragen controleren? ");
                if (this == PERSONAL_DATA) {
                    b.append("Stuur het daarna naar ").append(values.get(i++ % values.size())).append(". ");
                } else {
                    b.append("Stuur het daarna naar de afdeling financien voor akkoord. ");
                }
                b.append("Please also summarise the main risks in English. ");
            }
            return b.toString();
        }
    }

    @Param
    public Corpus corpus;

    private Veil veil;
    private Session session;
    private String prompt;
    private String reply;

    @Setup
    public void setUp() {
        veil = Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build()).build();
        session = veil.session("bench");
        prompt = corpus.text();
        reply = session.protect(prompt).text();
    }

    @Benchmark
    public Object baselineScan() {
        return veil.scan(prompt);
    }

    @Benchmark
    public String protect() {
        return session.protect(prompt).text();
    }

    @Benchmark
    public String restore() {
        return session.restore(reply);
    }
}
