package dev.veil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Veil;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-JVM conversation measurement that {@code benchmarks/run.sh} prints runs and reports numbers. */
class ConversationRatioTest {

    @Test
    void reportsBothTurnsAndTheirRatio() {
        String line = ConversationRatio.measure(0, 2, 20);
        Matcher m = Pattern.compile("turn 1 ([0-9.]+) µs, turn 20 ([0-9.]+) µs, turn 20 / turn 1 ([0-9.]+)×").matcher(line);
        assertTrue(m.find(), line);
        double one = Double.parseDouble(m.group(1));
        double twenty = Double.parseDouble(m.group(2));
        assertTrue(one > 0 && twenty > 0 && Double.parseDouble(m.group(3)) > 0, line);
        Matcher again = Pattern.compile("sent again unchanged .*: ([0-9.]+) µs against turn 1 ([0-9.]+) µs in the same"
                + " pairs, ([0-9.]+)×").matcher(line);
        assertTrue(again.find(), line);
        for (int g = 1; g <= 3; g++) {
            assertTrue(Double.parseDouble(again.group(g)) > 0, line);
        }
    }

    @Test
    void theHistorySentAgainAsAnotherStringIsNotDetectedAgainAndKeepsItsFindings() {
        // What the second line times: a copy of a history the engine has scanned, which must be a cache hit.
        AtomicInteger segments = new AtomicInteger();
        Veil cached = Veil.builder().detector(new Detector() {
            @Override
            public String id() {
                return "counting";
            }

            @Override
            public Set<EntityType> entityTypes() {
                return Set.of(EntityType.EMAIL);
            }

            @Override
            public void detect(DetectionInput input, FindingSink sink) {
                segments.incrementAndGet();
            }
        }).detectionCache().build();
        String history = Corpus.Conversation.historyAt(Corpus.Conversation.TURNS, Corpus.conversationTurns());
        List<Finding> first = cached.scan(history);
        int detected = segments.get();
        assertTrue(first.size() > 50 && detected > 20, first.size() + " findings in " + detected + " segments");

        assertEquals(first, cached.scan(new String(history.toCharArray())));
        assertEquals(detected, segments.get(), "the copy was detected again");
    }
}
