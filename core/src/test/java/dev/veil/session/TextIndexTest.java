package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextIndexTest {

    /** Few letters, so look-ups hit often; case pairs that fold unusually (K, ſ, ı, ß, Kelvin sign). */
    private static final String ALPHABET = "aAbBkK\u212Aſsıi I-06@.ß😀\n";

    private static boolean naive(String text, String s) {
        for (int at = 0; at + s.length() <= text.length(); at++) {
            if (text.regionMatches(true, at, s, 0, s.length())) {
                return true;
            }
        }
        return false;
    }

    private static String random(Random random, int max) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(max + 1); n > 0; n--) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Test
    void findsExactlyWhatAScanOfTheWholeTextFinds() {
        Random random = new Random(17);
        for (int t = 0; t < 2_000; t++) {
            String text = random(random, 60);
            TextIndex index = new TextIndex(text);
            for (int q = 0; q < 20; q++) {
                String s = random.nextInt(3) == 0 && text.length() > 2
                        ? text.substring(random.nextInt(text.length() / 2), text.length() / 2 + random.nextInt(text.length() / 2))
                        : random(random, 7);
                String why = "'" + s + "' in '" + text + "'";
                assertEquals(naive(text, s), index.containsIgnoreCase(s), why);
            }
        }
    }

    @Test
    void looksUpAsciiFakesIgnoringCaseAndNothingInAnEmptyText() {
        TextIndex index = new TextIndex("Mail DAAN.DIJKSTRA@example.org of bel 06-12345678.");
        assertTrue(index.containsIgnoreCase("daan.dijkstra@EXAMPLE.org"));
        assertTrue(index.containsIgnoreCase("06-12345678"));
        assertFalse(index.containsIgnoreCase("06-12345679"));
        assertFalse(new TextIndex("").containsIgnoreCase("Daan"));
        assertFalse(new TextIndex("Daa").containsIgnoreCase("Daan"));
    }
}
