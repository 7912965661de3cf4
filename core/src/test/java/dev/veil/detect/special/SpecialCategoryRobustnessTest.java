package dev.veil.detect.special;

import static dev.veil.detect.special.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Finding;
import dev.veil.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpecialCategoryRobustnessTest {

    private static final String SAMPLE = "Mijn collega İbrahim is zwanger. MIJN VADER HEEFT DİABETES. "
            + "I think my sister is DİSABLED. Hij is lid van de FNV en stemt SP.";

    @Test
    void foldsCaseTheSameWayUnderATurkishDefaultLocale() {
        List<Finding> expected = scan(SAMPLE);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            // A fresh detector, so that vocabulary parsing also runs under the Turkish locale.
            SpecialCategoryDetector d = SpecialCategoryDetector.builder().build();
            List<Finding> turkish = scan(d, SAMPLE, Language.AUTO, List.of());
            assertEquals(expected, turkish);
            assertTrue(turkish.stream().anyMatch(f -> f.valueIn(SAMPLE).equals("DİABETES")), "dotted capital I folds to i");
            assertTrue(turkish.stream().anyMatch(f -> f.valueIn(SAMPLE).equals("DİSABLED")));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void survivesRandomUnicodeWithoutSplittingSurrogatesOrLeavingTheText() {
        Random random = new Random(20261123);
        String[] words = {"kanker", "zwanger", "mijn", "ik", "PVV", "MS", "burn-out", "ziek", " ", ". ", "-", "'s",
                "\uD83D\uDE00", "\u00AD", "é", "İ", "\n", "of", "Joods", "vakbond"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder b = new StringBuilder();
            int parts = random.nextInt(30);
            for (int p = 0; p < parts; p++) {
                if (random.nextBoolean()) {
                    b.append(words[random.nextInt(words.length)]);
                } else {
                    int cp = random.nextInt(4) == 0 ? 0x10000 + random.nextInt(0x2000) : random.nextInt(0x3000);
                    if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                        b.appendCodePoint(cp);
                    }
                }
            }
            if (random.nextInt(10) == 0) {
                b.append('\uD800'); // an unpaired surrogate
            }
            scan(b.toString()); // Scans.scan asserts bounds and surrogate pairs on every finding
        }
    }

    @Test
    void findsTermsNextToSupplementaryCharsWithCorrectOffsets() {
        String text = "\uD83D\uDE00 Mijn moeder heeft kanker \uD83D\uDE22.";
        List<Finding> f = scan(text);
        assertEquals(1, f.size());
        assertEquals("kanker", f.get(0).valueIn(text));
        assertTrue(scan("Mijn moeder heeft \uD835\uDC1Adiabetes.").isEmpty(), "a letter outside the BMP is part of the word");
    }

    @Test
    void oneDetectorServesManyThreadsWithTheSameResults() throws Exception {
        List<String> texts = new ArrayList<>();
        for (GoldSet.Record r : GoldSet.load("special-gold.jsonl")) {
            texts.add(r.text());
        }
        List<List<Finding>> expected = texts.stream().map(Scans::scan).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t;
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            int k = (i + offset * 37) % texts.size();
                            if (!Scans.scan(texts.get(k)).equals(expected.get(k))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findsEveryTermWhereverATextIsCutForItsCursors() {
        Random random = new Random(20261207);
        for (int units = 1; units <= 60; units++) {
            StringBuilder b = new StringBuilder();
            for (int u = 0; u < units; u++) {
                b.append(random.nextBoolean() ? "Mijn collega heeft diabetes" : "ik heb  DIABETES")
                        .append(random.nextBoolean() ? ". " : "; ")
                        .append("woord".repeat(random.nextInt(4)))
                        .append(random.nextBoolean() ? "\n" : " ");
            }
            String text = b.toString();
            List<Finding> f = scan(text);
            assertEquals(units, f.size(), text);
            for (Finding finding : f) {
                assertEquals("diabetes", finding.valueIn(text).toLowerCase(Locale.ROOT));
                assertEquals(0.7, finding.score(), 1e-9);
            }
        }
    }

    @Test
    void scansALongTextInLinearTime() {
        String sentence = "Mijn collega heeft diabetes en is lid van de vakbond. Die schoenen zijn ziek goed. Hij stemt SP. ";
        String text = sentence.repeat(20_000); // about 1.9 million chars, with exceptions and cues throughout
        long start = System.nanoTime();
        List<Finding> f = scan(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(60_000, f.size());
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    @Test
    void scansOneLongGluedWordInLinearTime() {
        // Every match inside one word used to walk to both ends of the word: 1 MB of glued terms took a minute.
        for (String term : new String[] {"kanker", "ziekte", "kankerpatiënt"}) {
            String text = term.repeat(1_000_000 / term.length());
            long start = System.nanoTime();
            List<Finding> f = scan(text);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(f.size() <= 1, term + ": one word, at most one finding: " + f.size());
            assertTrue(millis < 5_000, term + " took " + millis + " ms");
        }
    }
}
