package dev.veil.detect.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word lists' look-up table: by a 64-bit hash, never reading the words back. */
class LexiconTest {

    private static final Lexicon BUNDLED = PersonDetector.bundledLexicon();

    @Test
    void findsEveryBundledEntryWithItsOwnFlags() {
        int[] checked = {0};
        BUNDLED.forEachEntry((pool, off, len, flags) -> {
            assertEquals(flags, BUNDLED.flags(pool, off, off + len), () -> new String(pool, off, len));
            checked[0]++;
        });
        assertEquals(BUNDLED.size(), checked[0]);
    }

    @Test
    void foldsCaseCharByChar() {
        Lexicon lexicon = new Lexicon.Builder().add("bakker", Lexicon.LAST).add("ibrahim", Lexicon.FIRST).build();
        for (String word : new String[] {"bakker", "Bakker", "BAKKER", "bAkKeR"}) {
            assertEquals(Lexicon.LAST, flags(lexicon, word), word);
        }
        assertEquals(Lexicon.FIRST, flags(lexicon, "İbrahim"), "İ folds to i on its own, in any locale");
        assertEquals(0, flags(lexicon, "bakkers"));
        assertEquals(0, flags(lexicon, "bakke"));
        assertEquals(0, flags(lexicon, ""));
    }

    @Test
    void findsNothingForWordsNotInTheLists() {
        // Random words of list-like letters: a hit would mean two words share 60 bits of hash.
        Map<String, Integer> known = new HashMap<>();
        BUNDLED.forEachEntry((pool, off, len, flags) -> known.put(new String(pool, off, len), flags));
        Random random = new Random(11);
        String letters = "aeiounrstlkdgmbpvhjwzcyéëïöüçñß";
        int unknown = 0;
        for (int i = 0; i < 300_000; i++) {
            char[] w = new char[3 + random.nextInt(9)];
            for (int k = 0; k < w.length; k++) {
                w[k] = letters.charAt(random.nextInt(letters.length()));
            }
            String word = new String(w);
            if (!known.containsKey(word)) {
                unknown++;
                assertEquals(0, BUNDLED.flags(w, 0, w.length), word);
            }
        }
        assertEquals(true, unknown > 250_000, "the check saw mostly unknown words");
    }

    @Test
    void theTokenizersRunningHashIsTheLookUpsHash() {
        Tokens t = new Tokens();
        // Words of every length from 1 to 13 (the tokenizer hashes ASCII four chars a step), ASCII runs
        // that go on in other scripts, digits within words, apostrophes.
        String text = "Beste Anouk, İbrahim O'Brien en d'Hondt bellen 06-12345678 over Kühne & Nagel 𝐀𝐁 ziekte. "
                + "A Jo Jan Anna Peter Pieter Johanna Johannes Christian Maximilian Vandenbroek Christiaanse "
                + "Vandenbroucke MÜLLER Müller Müllerstraat Janßen A4 mp3speler Ölçer Wouter's";
        t.tokenize(text, BUNDLED);
        char[] chars = text.toCharArray();
        int words = 0;
        for (int k = 0; k < t.n; k++) {
            if (t.kind[k] == Tokens.WORD) {
                assertEquals(BUNDLED.flags(chars, t.start[k], t.end[k]), t.lex[k], text.substring(t.start[k], t.end[k]));
                words++;
            }
        }
        assertEquals(true, words >= 30);
    }

    @Test
    void wordsWrittenToMeetAListedWordUnderOneKeyFindNothingUnderAnother() {
        // Found by lattice reduction against a fixed multiplier (a fresh-eyes review): under that key each
        // took the flags of a listed family name. The key is now random per table.
        Lexicon.Builder words = new Lexicon.Builder().add("klompenmaker", Lexicon.LAST)
                .add("siegenthaler", Lexicon.LAST).add("morgenthaler", Lexicon.LAST);
        Random thatKey = new Random() {
            private int calls;

            @Override
            public long nextLong() {
                return calls++ % 2 == 0 ? 0x2545F4914F6CDD1DL : 0x9E3779B97F4A7C15L;
            }
        };
        Lexicon fixed = words.build(thatKey);
        Lexicon keyed = words.build(new Random(5));
        for (String crafted : new String[] {"gvluwaaxsssj", "osboljgsstsj", "iyooljgsstsj"}) {
            assertEquals(Lexicon.LAST, flags(fixed, crafted), crafted + " meets a listed word under the fixed key");
            assertEquals(0, flags(keyed, crafted), crafted);
            assertEquals(0, flags(BUNDLED, crafted), crafted);
        }
        assertEquals(Lexicon.LAST, flags(keyed, "Klompenmaker"));
    }

    @Test
    void anyKeyGivesTheSameFlags() {
        Lexicon.Builder words = new Lexicon.Builder().add("bakker", Lexicon.LAST | Lexicon.DICT).add("anouk", Lexicon.FIRST)
                .add("de", Lexicon.PARTICLE);
        Random keys = new Random(3);
        for (int k = 0; k < 50; k++) {
            Lexicon lexicon = words.build(keys);
            assertEquals(Lexicon.LAST | Lexicon.DICT, flags(lexicon, "Bakker"));
            assertEquals(Lexicon.FIRST, flags(lexicon, "ANOUK"));
            assertEquals(Lexicon.PARTICLE, flags(lexicon, "de"));
            assertEquals(0, flags(lexicon, "bakkers"));
        }
    }

    @Test
    void aWordListedTwiceIsOneEntryWithBothFlags() {
        Lexicon lexicon = new Lexicon.Builder().add("Bakker", Lexicon.LAST).add("anouk", Lexicon.FIRST)
                .add("BAKKER", Lexicon.DICT).add("bakker", Lexicon.LAST).build();
        assertEquals(2, lexicon.size());
        assertEquals(Lexicon.LAST | Lexicon.DICT, flags(lexicon, "bakker"));
        assertEquals(Lexicon.FIRST, flags(lexicon, "Anouk"));
    }

    @Test
    void wordsAddedOneByOnePastTheFirstAllocationStayFindable() {
        // 5,000 words one at a time outgrow the builder's first arrays (4,096 entries); each word again
        // in upper case must still meet its entry and add its flag, not make a second one.
        Lexicon.Builder builder = new Lexicon.Builder();
        for (int i = 0; i < 5_000; i++) {
            builder.add("w" + i, Lexicon.FIRST);
        }
        for (int i = 0; i < 5_000; i++) {
            builder.add("W" + i, Lexicon.LAST);
        }
        Lexicon lexicon = builder.build(new Random(9));
        assertEquals(5_000, lexicon.size());
        for (int i = 0; i < 5_000; i += 97) {
            assertEquals(Lexicon.FIRST | Lexicon.LAST, flags(lexicon, "w" + i), "w" + i);
        }
    }

    @Test
    void loadsEachBundledListLineAsOneEntryWithTheUnionOfItsFlags() throws Exception {
        // Read the lists here without the builder: every non-comment line, folded, with the flags of
        // every list that holds it. The builder must end up with exactly these entries.
        String[] lists = {"first-names.txt", "surnames.txt", "places.txt", "ordinary-words.txt"};
        int[] listFlags = {Lexicon.FIRST, Lexicon.LAST, Lexicon.PLACE, Lexicon.DICT};
        Map<String, Integer> expected = new HashMap<>();
        Lexicon.Builder builder = new Lexicon.Builder();
        for (int l = 0; l < lists.length; l++) {
            builder.addResource(lists[l], listFlags[l]);
            try (var in = Lexicon.class.getResourceAsStream(lists[l])) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    String word = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                    if (!word.isEmpty() && word.charAt(0) != '#') {
                        expected.merge(Lexicon.fold(word), listFlags[l], (a, b) -> a | b);
                    }
                }
            }
        }
        Lexicon lexicon = builder.build(new Random(5));
        Map<String, Integer> loaded = new HashMap<>();
        lexicon.forEachEntry((pool, off, len, flags) -> {
            Integer before = loaded.put(new String(pool, off, len), flags);
            assertEquals(null, before, "one entry per word");
        });
        assertEquals(expected.size(), lexicon.size());
        assertEquals(expected, loaded);
    }

    @Test
    void refusesAnEntryWithoutRoomForItsFlags() {
        assertThrows(IllegalStateException.class, () -> new Lexicon.Builder().add("woord", 1 << 23).build());
        assertThrows(IllegalStateException.class, () -> new Lexicon.Builder().add("woord", 0).build());
    }

    private static int flags(Lexicon lexicon, String word) {
        char[] c = word.toCharArray();
        return lexicon.flags(c, 0, c.length);
    }
}
