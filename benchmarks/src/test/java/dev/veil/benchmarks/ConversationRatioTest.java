package dev.veil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Matcher again = Pattern.compile("sent again unchanged .*: ([0-9.]+) µs, / turn 1 ([0-9.]+)×").matcher(line);
        assertTrue(again.find(), line);
        assertTrue(Double.parseDouble(again.group(1)) > 0 && Double.parseDouble(again.group(2)) > 0, line);
    }

    @Test
    void theHistorySentAgainIsFoundInTheCacheWithTheFindingsOfAFirstScan() {
        // What the second line times must be a cache hit that still returns every finding.
        String history = Corpus.Conversation.historyAt(Corpus.Conversation.TURNS, Corpus.conversationTurns());
        dev.veil.Veil cached = Engines.cached();
        java.util.List<dev.veil.Finding> first = cached.scan(history);
        assertTrue(first.size() > 50, "findings: " + first.size());
        assertEquals(first, cached.scan(new String(history.toCharArray())));
    }
}
