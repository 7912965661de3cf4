package dev.veil.detect.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.veil.EntityType;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
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

    @Test
    void mergesAnEntryListedUnderTwoTypesAndCountsEachEntryOncePerTypeAndLanguage() throws IOException {
        Vocabulary v = new Vocabulary();
        v.parse(new StringReader("""
                @language nl
                @type HEALTH
                diabetes, burn-out, Diabetes, diabetes*
                @type RELIGION
                diabetes
                @language any
                @type HEALTH
                diabetes*, =MS
                """), "test.txt");
        List<EntityType> types = v.types();
        long health = 1L << types.indexOf(EntityType.HEALTH);
        long religion = 1L << types.indexOf(EntityType.RELIGION);
        List<Term> diabetes = v.terms().stream().filter(t -> t.raw().equals("diabetes")).toList();
        // The Dutch whole word (both types); open-right in Dutch, and in any language: other terms.
        assertEquals(3, diabetes.size(), diabetes::toString);
        assertEquals(health | religion, diabetes.get(0).typeMask());
        assertEquals(List.of(false, true, true), diabetes.stream().map(Term::openRight).toList());
        assertEquals(List.of(Term.NL, Term.NL, Term.ANY), diabetes.stream().map(Term::languageMask).toList());
        assertEquals(health, diabetes.get(1).typeMask() | diabetes.get(2).typeMask());
        // burn-out brings two spelling variants, which are terms but not counted entries. "Diabetes", and
        // "diabetes*" in Dutch, are "diabetes" again; in English "diabetes*" is new.
        assertEquals(3, v.terms().stream().filter(t -> t.raw().startsWith("burn")).count());
        assertEquals(Map.of("HEALTH/nl", 3, "HEALTH/en", 2, "RELIGION/nl", 1), v.entryCounts());
    }

    @Test
    void theReportedPartAndCaseMakeOtherTerms() throws IOException {
        Vocabulary v = new Vocabulary();
        v.parse(new StringReader("@type HEALTH\nhiv [positief], [hiv] positief, hiv positief, =MS, ms\n"), "test.txt");
        assertEquals(5, v.terms().size(), () -> v.terms().toString());
    }

    @Test
    void namesTheSourceAndLineOfAMalformedEntry() {
        Vocabulary v = new Vocabulary();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> v.parse(new StringReader("@type HEALTH\n\n# comment\nis [] zwart\n"), "mine.txt"));
        assertEquals("mine.txt:4: empty [ ] in entry", e.getMessage());
        IllegalArgumentException term = assertThrows(IllegalArgumentException.class,
                () -> v.addEntry("[]", EntityType.HEALTH, Term.ANY));
        assertEquals("term: empty [ ] in entry", term.getMessage());
    }
}
