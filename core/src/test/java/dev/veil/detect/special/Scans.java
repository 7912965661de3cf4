package dev.veil.detect.special;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.detect.TextInput;
import dev.veil.detect.Detector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs a detector the way the engine does and checks the invariants of every finding. */
final class Scans {

    private Scans() {
    }

    static List<Finding> scan(Detector d, String text, Language language, List<Finding> prior) {
        List<Finding> found = new ArrayList<>();
        d.detect(new TextInput(text, language, prior), (start, end, type, score) -> {
            assertTrue(start >= 0 && end > start && end <= text.length(), "offsets in bounds");
            assertTrue(!Character.isLowSurrogate(text.charAt(start)), "no split surrogate at start");
            assertTrue(end == text.length() || !Character.isLowSurrogate(text.charAt(end)), "no split surrogate at end");
            assertTrue(score >= 0 && score <= 1, "score within [0,1]");
            found.add(new Finding(start, end, type, score, d.id()));
        });
        found.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return found;
    }

    static List<Finding> scan(String text) {
        return scan(SpecialCategoryDetector.defaults(), text, Language.AUTO, List.of());
    }

    /** A prior PERSON finding over the first occurrence of {@code name}, as the name detector reports it. */
    static Finding person(String text, String name) {
        int i = text.indexOf(name);
        assertTrue(i >= 0, "name in text");
        return new Finding(i, i + name.length(), EntityType.PERSON, 0.9, "person.test");
    }
}
