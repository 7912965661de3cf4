package dev.veil.benchmarks;

import dev.veil.Action;
import dev.veil.Policy;
import dev.veil.Veil;
import dev.veil.session.Session;
import dev.veil.session.StreamRestorer;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Restoring a 2 KB reply with tokens while it streams, in chunks of a few chars as model APIs send
 * them, next to restoring the whole reply at once as the baseline. Time per chunk is the score
 * divided by {@code 2048 / chunkChars}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StreamRestore -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamRestoreBenchmark {

    @Param({"4", "16"})
    public int chunkChars;

    private Session session;
    private String reply;
    private List<String> chunks;

    @Setup
    public void setUp() {
        Veil veil = Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build()).build();
        session = veil.session("bench");
        String prompt = SessionProtectRestoreBenchmark.Corpus.PERSONAL_DATA.text();
        reply = session.protect(prompt).text().replace("[EMAIL_1]", "**[email_1]**");
        chunks = new ArrayList<>();
        for (int i = 0; i < reply.length(); i += chunkChars) {
            chunks.add(reply.substring(i, Math.min(reply.length(), i + chunkChars)));
        }
    }

    @Benchmark
    public String baselineWholeText() {
        return session.restore(reply);
    }

    @Benchmark
    public void streamed(Blackhole bh) {
        StreamRestorer r = session.streamRestorer();
        for (String chunk : chunks) {
            bh.consume(r.accept(chunk));
        }
        bh.consume(r.finish());
    }
}
