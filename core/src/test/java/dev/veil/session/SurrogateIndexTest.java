package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurrogateIndexTest {

    /** Few chars, so surrogates share first chars and pairs; letters, digits and others glue differently. */
    private static final String ALPHABET = "aAbB06 .-\u00E9";

    private static String random(Random random, int min, int max) {
        StringBuilder b = new StringBuilder();
        for (int n = min + random.nextInt(max - min + 1); n > 0; n--) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * The restore scan as it was before the index: every surrogate with the same first char, longest
     * first, the first that matches whole wins; one that may still be forming at the end asks for more.
     */
    private static String naiveMatch(Map<String, String> safe, String s, int i, boolean atEnd, int[] length) {
        List<String> candidates = new ArrayList<>();
        for (String fake : safe.keySet()) {
            if (fake.charAt(0) == s.charAt(i)) {
                candidates.add(fake);
            }
        }
        candidates.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (String cand : candidates) {
            int j = 0;
            while (j < cand.length() && i + j < s.length() && s.charAt(i + j) == cand.charAt(j)) {
                j++;
            }
            if (j < cand.length()) {
                if (i + j >= s.length() && !atEnd) {
                    length[0] = TokenScanner.NEED_MORE;
                    return null;
                }
                continue;
            }
            if (i + j >= s.length()) {
                length[0] = atEnd ? j : TokenScanner.NEED_MORE;
                return atEnd ? safe.get(cand) : null;
            }
            if (!SurrogateIndex.glued(cand.charAt(j - 1), s.charAt(i + j))) {
                length[0] = j;
                return safe.get(cand);
            }
        }
        length[0] = SurrogateIndex.NONE;
        return null;
    }

    private static void assertSameAsNaive(Map<String, String> safe, SurrogateIndex index, Random random) {
        assertEquals(safe.size(), index.size());
        for (int t = 0; t < 30; t++) {
            String text = random(random, 1, 40);
            int notAt = random.nextInt(text.length());
            Set<String> expected = new LinkedHashSet<>();
            for (String fake : safe.keySet()) {
                for (int at = text.indexOf(fake); at >= 0; at = text.indexOf(fake, at + 1)) {
                    if (at != notAt) {
                        expected.add(fake);
                        break;
                    }
                }
            }
            String why = safe.keySet() + " in '" + text + "'";
            assertEquals(expected, new HashSet<>(index.occurrences(text, (start, end) -> start != notAt)), why);
            for (int i = 0; i < text.length(); i++) {
                for (boolean atEnd : new boolean[] {true, false}) {
                    int[] length = new int[1];
                    String value = naiveMatch(safe, text, i, atEnd, length);
                    long match = index.match(text, i, atEnd);
                    String at = why + " at " + i + (atEnd ? "" : ", streaming");
                    if (value == null) {
                        assertEquals(length[0], match, at);
                    } else {
                        assertEquals(value, index.value(match), at);
                        assertEquals(length[0], index.length(match), at);
                    }
                }
            }
        }
    }

    @Test
    void matchesAndFindsWhatTheScanOfEverySurrogateFound() {
        Random random = new Random(23);
        for (int round = 0; round < 300; round++) {
            Map<String, String> safe = new HashMap<>();
            for (int k = random.nextInt(30); k > 0; k--) {
                safe.put(random(random, 1, 6), "value " + k);
            }
            assertSameAsNaive(safe, SurrogateIndex.of(safe), random);
        }
    }

    @Test
    void anIndexChangedStepByStepIsTheIndexOfWhatIsLeft() {
        Random random = new Random(29);
        for (int round = 0; round < 100; round++) {
            Map<String, String> all = new HashMap<>();
            Set<String> unsafe = new HashSet<>();
            SurrogateIndex index = SurrogateIndex.EMPTY;
            for (int step = 0; step < 40; step++) {
                List<String> changed = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    String fake = random(random, 1, 5);
                    switch (random.nextInt(4)) {
                        case 0 -> unsafe.add(fake);
                        case 1 -> all.remove(fake);
                        default -> all.put(fake, "value " + step + "." + k); // new, or a new value for an old fake
                    }
                    changed.add(fake);
                }
                index = index.with(all, unsafe, changed);
                Map<String, String> safe = new HashMap<>(all);
                safe.keySet().removeAll(unsafe);
                if (step % 8 == 7) {
                    assertSameAsNaive(safe, index, random);
                }
            }
        }
    }

    @Test
    void anUnchangedIndexIsTheSameInstanceAndPrintsNoSurrogate() {
        SurrogateIndex index = SurrogateIndex.of(Map.of("Bas Bakker", "Jan de Vries"));
        assertSame(index, index.with(Map.of(), Set.of(), List.of()));
        assertFalse(index.toString().contains("Bas") || index.toString().contains("Vries"), index.toString());
    }

    @Test
    void manySurrogatesSharingTheirFirstCharsAreAllFoundInALongText() {
        Map<String, String> safe = new HashMap<>();
        for (int k = 0; k < 5_000; k++) {
            safe.put("06-" + (10_000_000 + 7919 * k), "real " + k);
        }
        SurrogateIndex index = SurrogateIndex.of(safe);
        assertEquals(16, index.slots(), "one key, however many fakes share it");
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 5_000; k += 50) {
            text.append("bel 06-").append(10_000_000 + 7919 * k).append(" of ");
        }
        Set<String> found = index.occurrences(text.toString(), (start, end) -> true);
        assertEquals(100, found.size());
        long match = index.match(text, 4, true);
        assertEquals("real 0", index.value(match));
        assertEquals("06-10000000".length(), index.length(match));
    }
}
