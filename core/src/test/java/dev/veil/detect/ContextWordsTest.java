package dev.veil.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Context words near a number ("tel", "bsn", "factuur"): found by the hash of a word's run of letters.
 * Checked against the plain definition (every position, every word compared char by char) on random
 * texts built from the words, their near misses and other scripts.
 */
class ContextWordsTest {

    private static final String[] WORDS = {"tel", "telefoon", "v", "v.", "bsn-nummer", "bsn", "sofi nummer",
        "social security", "ref", "call", "calls", "gsm", "versie"};
    private static final Chars.Words CONTEXT = new Chars.Words(WORDS);

    @Test
    void findsWholeWordsInTheWindowWhateverTheirCase() {
        assertTrue(Chars.hasContextWord("Tel: 06-12345678", 5, 16, 24, CONTEXT));
        assertTrue(Chars.hasContextWord("Bel of TELEFOON 0612345678", 16, 26, 24, CONTEXT));
        assertTrue(Chars.hasContextWord("het SOFI NUMMER is 123456782", 19, 28, 24, CONTEXT));
        assertTrue(Chars.hasContextWord("build v. 10.0.0.1", 9, 17, 20, CONTEXT), "a word with a dot");
        assertTrue(Chars.hasContextWord("0612345678 (gsm)", 0, 10, 24, CONTEXT), "after the number too");
    }

    @Test
    void ignoresWordsThatOnlyStartOrEndLikeOne() {
        assertFalse(Chars.hasContextWord("hotel 0612345678", 6, 16, 24, CONTEXT), "tel inside hotel");
        assertFalse(Chars.hasContextWord("telex 0612345678", 6, 16, 24, CONTEXT), "tel before more letters");
        assertFalse(Chars.hasContextWord("0612345678 telefoonboek", 0, 10, 24, CONTEXT));
        assertFalse(Chars.hasContextWord("tel " + "x".repeat(30) + " 0612345678", 35, 45, 24, CONTEXT),
                "outside the window");
        assertFalse(Chars.hasContextWord("0612345678 teleph", 0, 10, 3, CONTEXT), "a word cut by the window");
    }

    @Test
    void refusesAWordListThatCannotBeFound() {
        assertThrows(IllegalArgumentException.class, () -> new Chars.Words("Tel"));
        assertThrows(IllegalArgumentException.class, () -> new Chars.Words("-tel"));
    }

    @Test
    void agreesWithTheCharByCharDefinitionOnRandomTexts() {
        List<String> pieces = List.of("tel", "Tel", "TEL", "telefoon", "telefoonboek", "hotel", "v", "v.", "V.",
                "v1", "bsn", "bsn-nummer", "BSN-nummer", "sofi nummer", "sofi", "nummer", "social", "social security",
                "ref", "refs", "call", "calls", "calling", "gsm", "İbsn", "versie", "versies", "0612345678", "12",
                "é", "ß", "日本", "\uD835\uDC00", "a", "tel2", "x_tel", "(tel)");
        List<String> gaps = List.of(" ", "  ", "\n", "-", ".", ",", ": ", "", "\t", "/");
        Random random = new Random(20261123);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                sb.append(pieces.get(random.nextInt(pieces.size()))).append(gaps.get(random.nextInt(gaps.size())));
            }
            String text = sb.toString();
            int start = random.nextInt(text.length() + 1);
            int end = start + random.nextInt(text.length() - start + 1);
            int window = random.nextInt(40);
            assertEquals(oracleHasContextWord(text, start, end, window), Chars.hasContextWord(text, start, end,
                    window, CONTEXT), () -> "'" + text + "' [" + start + ", " + end + ") ±" + window);
        }
    }

    @Test
    void phoneNumbersTakeTheVerdictOfTheNearestContextWordBeforeThem() {
        assertTrue(PhoneDetector.negativeContext("ordernummer 0612345678", 12));
        assertFalse(PhoneDetector.negativeContext("order, tel 0612345678", 11), "the phone word is nearer");
        assertTrue(PhoneDetector.negativeContext("tel, Ref 0612345678", 9));
        assertFalse(PhoneDetector.negativeContext("reference number unknown 0612345678", 25), "more than 20 chars before");
        List<String> pieces = List.of("order", "Order", "ORDERNUMMER", "ordered", "tel", "Tel.", "telefoon", "hotel",
                "social security", "social", "ref", "refs", "case", "cases", "call", "ssn2", "license", "é", "日本", "a");
        List<String> gaps = List.of(" ", "  ", ": ", "-", ",", "", "\n");
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int p = random.nextInt(6); p >= 0; p--) {
                sb.append(pieces.get(random.nextInt(pieces.size()))).append(gaps.get(random.nextInt(gaps.size())));
            }
            int start = sb.length();
            String text = sb.append("0612345678").toString();
            assertEquals(oracleNegative(text, start), PhoneDetector.negativeContext(text, start), text);
        }
    }

    /** The definition: from the number back, the first word start where a phone or negative word stands. */
    private static boolean oracleNegative(CharSequence text, int start) {
        for (int k = start - 1; k >= Math.max(0, start - 20); k--) {
            if (!Character.isLetter(text.charAt(k)) || !Chars.boundaryBefore(text, k)) {
                continue;
            }
            if (oracleStartsWord(text, k, PhoneDetector.POSITIVE_CONTEXT)) {
                return false;
            }
            if (oracleStartsWord(text, k, PhoneDetector.NEGATIVE_CONTEXT)) {
                return true;
            }
        }
        return false;
    }

    private static boolean oracleStartsWord(CharSequence text, int k, String[] words) {
        for (String w : words) {
            if (Chars.regionEqualsIgnoreCase(text, k, w) && Chars.boundaryAfter(text, k + w.length())) {
                return true;
            }
        }
        return false;
    }

    /** The definition: at every word start in the window, every word compared char by char. */
    private static boolean oracleHasContextWord(CharSequence text, int start, int end, int window) {
        int from = Math.max(0, start - window);
        int to = Math.min(text.length(), end + window);
        return oracleContains(text, from, start) || oracleContains(text, end, to);
    }

    private static boolean oracleContains(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(text.charAt(i)) || !Chars.boundaryBefore(text, i)) {
                continue;
            }
            for (String w : WORDS) {
                int e = i + w.length();
                if (e <= to && Chars.regionEqualsIgnoreCase(text, i, w)
                        && (e == text.length() || !Character.isLetter(text.charAt(e)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
