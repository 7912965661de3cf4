package dev.veil.benchmarks;

import dev.veil.Finding;
import dev.veil.Veil;
import dev.veil.session.Session;
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
 * A chat client re-sends the whole history every turn, as one text. With the engine's detection cache,
 * turn 20 should cost little more than turn 1: only the newest message is new text.
 *
 * <p>The engine first scans the history of the previous turn, as it did when that turn was sent. Each
 * invocation then scans the history at {@code turn}, in which the newest question and the reply before
 * it carry a counter in every paragraph, so both are new text each time while the earlier messages
 * were seen before, as in a real chat. With {@code reply=restored} that reply came back through a
 * session's {@code restore} (which detects it ahead of the next turn, as the gateway and any
 * pseudonymising client do); with {@code reply=unseen} it reached the client some other way and is
 * detected within the history. Building the texts and restoring happen in an untimed per-invocation
 * setup.
 *
 * <p>Twenty warm-up seconds: an invocation detects only a few hundred new chars, so the detectors
 * reach C2 much later than in a benchmark that scans whole texts. With three (2 vCPUs, a shared host)
 * the restored turn 20 was still measured in C1 code (median 71 µs against 37 unseen; 28 against 43
 * after fifteen seconds).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ConversationBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConversationBenchmark {

    @Param({"1", "20"})
    public int turn;

    @Param({"restored", "unseen"})
    public String reply;

    private Veil veil;
    private Session session;
    private String earlier;
    private String lastReply;
    private String newest;
    private long counter;
    private String history;

    @Setup
    public void setUp() {
        veil = Engines.cached();
        session = veil.session("conversation");
        Corpus.Conversation.Turn at = Corpus.Conversation.Turn.at(turn);
        earlier = at.earlier();
        lastReply = at.lastReply();
        newest = at.newest();
        if (at.previousHistory() != null) {
            // The previous turn was protected already, so the engine has seen its whole text.
            veil.scan(at.previousHistory());
        }
    }

    @Setup(Level.Invocation)
    public void nextMessage() {
        counter++;
        if (lastReply == null) {
            history = Corpus.Conversation.unique(newest, counter);
            return;
        }
        String restored = Corpus.Conversation.unique(lastReply, counter);
        if (reply.equals("restored")) {
            session.restore(restored);
        }
        history = earlier + restored + "\n\n" + Corpus.Conversation.unique(newest, counter);
    }

    /** Findings in the whole history, as the gateway would scan it this turn. */
    @Benchmark
    public List<Finding> scanHistory() {
        return veil.scan(history);
    }
}
