package dev.veil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Finding;
import dev.veil.Veil;
import java.util.List;
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
        List<Finding> found = Engines.uncached().scan(text);
        assertFalse(found.isEmpty(), "the short corpus holds personal data");
        String redacted = BaselineRatio.redactingEngine().protect(text).text();
        // Redacted, not replaced by tokens or labels: the row is named after the action it times.
        String expected = text;
        for (int k = found.size() - 1; k >= 0; k--) {
            Finding f = found.get(k);
            expected = expected.substring(0, f.start()) + "[REDACTED]" + expected.substring(f.end());
        }
        assertEquals(expected, redacted);
    }
}
