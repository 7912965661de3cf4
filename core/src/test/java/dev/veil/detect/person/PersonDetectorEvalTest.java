package dev.veil.detect.person;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.veil.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Measures the person detector on the development data in {@code ../shared/data} under the balanced
 * threshold (0.5). Skips when the data is absent. The floors below are the measured figures at the
 * time of writing, rounded down: they catch regressions. Sentences are scored one by one here, so the
 * CoNLL figures sit below {@code veil eval}'s (one record per article: recall 0.900 against the issue's
 * 0.90); the presidio figures meet the targets (recall 0.95, precision 0.85); CoNLL exact F1
 * (0.80) is not reached yet, see the README.
 */
class PersonDetectorEvalTest {

    private static final double BALANCED = 0.5;

    private static Path shared(String relative) {
        String base = System.getProperty("veil.shared.data");
        assumeTrue(base != null, "veil.shared.data not set: skipping the evaluation on development data");
        Path p = Path.of(base, relative);
        assumeTrue(Files.isRegularFile(p), "no " + relative + " under ../shared/data: skipping");
        return p;
    }

    @Test
    void findsMostPersonNamesInBelgianNewspaperText() throws IOException {
        PersonEval.Result r = PersonEval.evaluate(PersonDetector.create(),
                PersonEval.conll(shared("conll2002-ned/ned.testa")), Language.NL, BALANCED, null);
        assertTrue(r.recall() >= 0.85, r.row("ned.testa"));
        assertTrue(r.exactF1() >= 0.74, r.row("ned.testa"));
    }

    @Test
    void findsMostPersonNamesInEnglishSyntheticPrompts() throws IOException {
        PersonEval.Result r = PersonEval.evaluate(PersonDetector.create(),
                PersonEval.presidio(shared("presidio-synth/synth_dataset_v2.dev.json")), Language.EN, BALANCED, null);
        assertTrue(r.recall() >= 0.95, r.row("presidio dev"));
        assertTrue(r.precision() >= 0.85, r.row("presidio dev"));
    }
}
