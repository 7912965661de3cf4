package dev.veil.benchmarks;

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
    }
}
