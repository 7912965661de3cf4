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
 * One turn of the gateway (examples' {@code Gateway}): an OpenAI-style request's messages, each
 * protected on its own through the conversation's session, with the engine's detection cache on.
 * The earlier turns were played through the same session first: each question protected, each reply
 * restored on its way to the client ({@code reply=restored}, which detects the restored reply ahead
 * of the next turn) or handed to the client some other way ({@code reply=unseen}). Per invocation the
 * newest question and the reply before it get a counter in every paragraph, and that reply is restored
 * for {@code reply=restored}, all in an untimed setup: both are new text each time, as in a real chat.
 *
 * <p>Twenty warm-up seconds, as in {@link ConversationBenchmark}: each invocation detects little new text.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GatewayTurnBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GatewayTurnBenchmark {

    @Param({"1", "20"})
    public int turn;

    @Param({"restored", "unseen"})
    public String reply;

    private Session session;
    private String[] request;
    private String newest;
    private String lastReply;
    private long counter;

    @Setup
    public void setUp() {
        Veil gateway = Veil.builder()
                .policy(Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build())
                .detectionCache()
                .build();
        session = gateway.session("conversation");
        List<String> messages = Corpus.conversationTurns();
        for (int t = 0; t < 2 * turn - 2; t += 2) {
            session.protect(messages.get(t));
            if (reply.equals("restored")) {
                session.restore(messages.get(t + 1));
            }
        }
        request = messages.subList(0, 2 * turn - 1).toArray(new String[0]);
        newest = messages.get(2 * turn - 2);
        lastReply = turn > 1 ? messages.get(2 * turn - 3) : null;
    }

    @Setup(Level.Invocation)
    public void nextMessage() {
        counter++;
        request[request.length - 1] = Corpus.Conversation.unique(newest, counter);
        if (turn > 1) {
            request[request.length - 2] = Corpus.Conversation.unique(lastReply, counter);
            if (reply.equals("restored")) {
                session.restore(request[request.length - 2]);
            }
        }
    }

    /** Every message of the request protected through the session, as the gateway forwards them. */
    @Benchmark
    public String[] protectRequest() {
        String[] forwarded = new String[request.length];
        for (int i = 0; i < request.length; i++) {
            forwarded[i] = session.protect(request[i]).text();
        }
        return forwarded;
    }
}
