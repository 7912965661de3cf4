package dev.veil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Veil;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-JVM baseline measurement that {@code benchmarks/run.sh} prints runs and reports numbers. */
class BaselineRatioTest {

    @Test
    void reportsBaselineScanAndRedactionWithTheirRatios() {
        Veil scanning = Engines.uncached();
        String line = BaselineRatio.measure(scanning, BaselineRatio.redactingEngine(), Corpus.SHORT, 0, 2, 20);
        Matcher m = Pattern.compile("^SHORT +baseline ([0-9.]+) µs, scan ([0-9.]+) µs \\(([0-9.]+)× baseline; .*"
                + "redact ([0-9.]+) µs \\(([0-9.]+)×").matcher(line);
        assertTrue(m.find(), line);
        for (int g = 1; g <= 5; g++) {
            assertTrue(Double.parseDouble(m.group(g)) > 0, line);
        }
    }

    @Test
    void redactingEngineRedactsWhatTheScanFinds() {
        String text = Corpus.SHORT.text();
        Veil scanning = Engines.uncached();
        String redacted = BaselineRatio.redactingEngine().protect(text).text();
        assertTrue(!scanning.scan(text).isEmpty(), "the short corpus holds personal data");
        scanning.scan(text).forEach(f -> assertTrue(!redacted.contains(f.valueIn(text)), "redacted: " + f.type()));
    }
}
