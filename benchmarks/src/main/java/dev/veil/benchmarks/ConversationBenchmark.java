package dev.veil.benchmarks;

import dev.veil.Finding;
import dev.veil.Veil;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A chat client re-sends the whole history every turn. With the engine's detection cache, turn 20
 * should cost little more than turn 1: only the newest message is new text.
 *
 * <p>The engine first scans the history of the previous turn, as it did when that turn was sent. Each
 * invocation then scans the history at {@code turn} whose last (user) message is made unique with a
 * counter, so the newest message is always a cache miss while the earlier ones were seen before, as
 * in a real chat. Building that string happens in an untimed per-invocation setup. The assistant's
 * last reply is new text here too: restoring it through a session detects it ahead of time only as a
 * text of its own, which a concatenated history does not contain as a segment ({@link
 * GatewayTurnBenchmark} measures the gateway, which protects each message on its own).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ConversationBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConversationBenchmark {

    @Param({"1", "20"})
    public int turn;

    private Veil veil;
    private String earlier;
    private String newest;
    private long counter;
    private String history;

    @Setup
    public void setUp() {
        veil = Engines.cached();
        List<String> messages = Corpus.conversationTurns();
        earlier = turn == 1 ? "" : Corpus.Conversation.historyAt(turn - 1, messages) + "\n\n"
                + messages.get(2 * turn - 3) + "\n\n";
        newest = messages.get(2 * turn - 2);
        if (turn > 1) {
            // The previous turn was protected already, so the engine has seen its whole text.
            veil.scan(Corpus.Conversation.historyAt(turn - 1, messages));
        }
    }

    @Setup(Level.Invocation)
    public void nextMessage() {
        history = earlier + newest + " (" + counter++ + ")";
    }

    /** Findings in the whole history, as the gateway would scan it this turn. */
    @Benchmark
    public List<Finding> scanHistory() {
        return veil.scan(history);
    }
}
