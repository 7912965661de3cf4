package dev.veil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** The invariants every resolved result must keep; every test that gets findings checks them. */
public final class FindingAssertions {

    private FindingAssertions() {
    }

    /**
     * Sorted, within the text, non-overlapping (except co-labels: the same span with another type), no
     * surrogate pair split, no text in toString.
     */
    public static List<Finding> assertInvariants(CharSequence text, List<Finding> findings) {
        int previousEnd = 0;
        Finding previous = null;
        for (Finding f : findings) {
            assertTrue(f.start() >= 0 && f.end() <= text.length() && f.start() < f.end(), () -> "out of bounds: " + f);
            Finding p = previous;
            boolean coLabel = p != null && p.start() == f.start() && p.end() == f.end() && !p.type().equals(f.type());
            assertTrue(coLabel || f.start() >= previousEnd, () -> "unsorted or overlapping at " + f);
            assertFalse(splitsPair(text, f.start()) || splitsPair(text, f.end()), () -> "splits a surrogate pair: " + f);
            assertTrue(f.score() >= 0 && f.score() <= 1, () -> "score out of range: " + f);
            String value = f.valueIn(text);
            if (value.strip().length() >= 3 && f.toString().contains(value)) {
                fail("toString() reveals the value: " + f.type());
            }
            previousEnd = f.end();
            if (!coLabel) {
                previous = f;
            }
        }
        return findings;
    }

    private static boolean splitsPair(CharSequence text, int i) {
        return i > 0 && i < text.length() && Character.isHighSurrogate(text.charAt(i - 1))
                && Character.isLowSurrogate(text.charAt(i));
    }

    /** Asserts the engine finds exactly the marked spans of the type in the sentence. */
    public static void assertFindsExactly(Veil veil, EntityType type, String markedSentence) {
        Marked m = Marked.parse(markedSentence);
        List<Finding> all = assertInvariants(m.text(), veil.scan(m.text()));
        List<Finding> ofType = all.stream().filter(f -> f.type().equals(type)).toList();
        assertEquals(m.expected(), m.actual(ofType), () -> "in: " + m.text());
    }
}
