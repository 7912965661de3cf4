package dev.veil.detect.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parsing vocabulary entries. */
class VocabularyTest {

    @Test
    void collapsesWhitespaceRunsAsTheRegexDid() {
        // Tabs, line ends, vertical tab and form feed are \s; a no-break or em space is not.
        String alphabet = "ab \t\n\u000B\f\r\u00A0\u2003";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            char[] c = new char[random.nextInt(12)];
            for (int k = 0; k < c.length; k++) {
                c[k] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(c);
            assertEquals(s.replaceAll("\\s+", " "), Vocabulary.collapseSpaces(s), () -> s.chars()
                    .mapToObj(ch -> String.format("U+%04X", ch)).toList().toString());
        }
        String plain = "hiv positief";
        assertSame(plain, Vocabulary.collapseSpaces(plain), "nothing to collapse: no copy");
    }
}
