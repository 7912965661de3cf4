package dev.veil.benchmarks;

import dev.veil.Action;
import dev.veil.Policy;
import dev.veil.Veil;
import dev.veil.session.Session;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A session that keeps growing, as in a batch run ({@code veil redact} shares one session across all
 * records) or a long chat: protecting a short record with one new value, in a session that already holds
 * {@code held} values. The cost per record should not depend on {@code held}.
 *
 * <p>Each op protects one record with a new e-mail address or person's name (a token or a fake for it,
 * by {@code action}), so the session grows by one value per op and
 * must be started again before it fills ({@code Vault.MAX_VALUES}): every iteration starts a new session,
 * fills it to {@code held} values untimed, then times {@value #RECORDS} records in one shot. The score is
 * per record.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SessionGrowthBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, batchSize = SessionGrowthBenchmark.RECORDS)
@Measurement(iterations = 10, batchSize = SessionGrowthBenchmark.RECORDS)
@Fork(1)
public class SessionGrowthBenchmark {

    static final int RECORDS = 2000;

    @Param({"0", "6000"})
    public int held;

    /** Tokens ({@code PSEUDONYMIZE}) or fake values ({@code SURROGATE}) for the new value. */
    @Param({"PSEUDONYMIZE", "SURROGATE"})
    public String action;

    private Veil veil;
    private Session session;
    private int sessions;
    private long next;

    @Setup
    public void setUp() {
        Action reversible = action.equals("SURROGATE") ? Action.SURROGATE : Action.PSEUDONYMIZE;
        veil = Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(reversible).build()).build();
        // Ten seconds of the same calls whatever {@code held} is, so both forks are measured in C2 code:
        // filling to 6,000 values before each iteration warms the one fork far more than the other
        // (on 2 shared vCPUs the detectors take about eight seconds to settle).
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            Session warm = veil.session("warm-up-" + sessions++);
            for (int i = 0; i < 5000; i++) {
                warm.protect(record(next++));
            }
            warm.close();
        }
    }

    @Setup(Level.Iteration)
    public void newSession() {
        session = veil.session("batch-" + sessions++);
        for (int i = 0; i < held; i++) {
            session.protect(record(next++));
        }
    }

    @TearDown(Level.Iteration)
    public void endSession() {
        session.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public String protectRecordWithANewValue() {
        return session.protect(record(next++)).text();
    }

    private static final String[] GIVEN = {"Jan", "Sanne", "Pieter", "Anouk", "Daan", "Lotte", "Bram", "Fleur", "Thijs",
        "Noor", "Ruben", "Eva", "Lars", "Iris", "Sem", "Julia", "Koen", "Lisa", "Milan", "Emma"};
    private static final String[] FAMILY = {"Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters",
        "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Jansen", "Willems", "Kok", "Jacobs", "Vermeulen", "Schouten",
        "Maas", "Verhoeven"};

    /**
     * One record with a value the session has not seen: an e-mail address or, every other record, a
     * person's full name (8,000 distinct, more than a session's records hold), which the session also
     * learns to find again where the detectors miss it.
     */
    private static String record(long n) {
        if (n % 2 == 0) {
            return "Klant " + n + " vraagt of de levering naar klant" + n + "@voorbeeld.nl verstuurd is.";
        }
        int k = (int) (n / 2 % 8000);
        return "Klant " + GIVEN[k % 20] + " " + FAMILY[k / 20 % 20] + "-" + FAMILY[k / 400]
                + " vraagt of de levering naar het bekende adres verstuurd is.";
    }
}
