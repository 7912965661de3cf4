package dev.veil;

import static dev.veil.FindingAssertions.assertInvariants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.veil.detect.DetectionInput;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import dev.veil.session.Session;
import dev.veil.session.StreamRestorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DetectionCacheTest {

    private static final String PARAGRAPH_1 = "user: Kun je een mail sturen naar jan.jansen@voorbeeld.nl over de "
            + "levering? Hij is het beste bereikbaar na de lunch, en het gaat om de bestelling van vorige week "
            + "die nog steeds niet binnen is. Graag in een vriendelijke maar duidelijke toon, niet te formeel, "
            + "en voeg een korte samenvatting toe.";
    private static final String PARAGRAPH_2 = "assistant: Natuurlijk. Hieronder staat een voorstel voor de mail, "
            + "met bovenaan een samenvatting in drie punten en daarna de details over de bestelling, de "
            + "verwachte levertijd en wat we doen als het nog langer duurt. Laat maar weten of de toon goed is.";
    private static final String PARAGRAPH_3 = "user: Zet er ook in dat hij mij kan bellen op 06-12345678 of "
            + "mailen naar piet@voorbeeld.nl als er vragen zijn.";

    @Test
    void detectsOnlyTheNewParagraphWhenAHistoryIsResent() {
        CountingEmailDetector counter = new CountingEmailDetector();
        Veil veil = Veil.builder().withoutBuiltInDetectors().detector(counter).detectionCache().build();
        String turn1 = PARAGRAPH_1;
        String turn2 = PARAGRAPH_1 + "\n\n" + PARAGRAPH_2 + "\n\n" + PARAGRAPH_3;

        veil.scan(turn1);
        int afterTurn1 = counter.chars.get();
        List<Finding> found = veil.scan(turn2);

        assertEquals(PARAGRAPH_1.length(), afterTurn1);
        assertEquals(PARAGRAPH_1.length() + PARAGRAPH_2.length() + PARAGRAPH_3.length() + 2, counter.chars.get(),
                "the second turn detects the assistant reply and the new question, not the first question");
        assertEquals(List.of("jan.jansen@voorbeeld.nl", "piet@voorbeeld.nl"),
                found.stream().map(f -> f.valueIn(turn2)).toList());
        assertInvariants(turn2, found);
    }

    @Test
    void aRestoredReplyIsDetectedOnceSoTheTurnThatSendsItBackPaysOnlyForItsNewMessage() {
        CountingEmailDetector counter = new CountingEmailDetector();
        Session chat = pseudonymising(counter, true).session("chat");
        String token = firstToken(chat.protect(PARAGRAPH_1).text());

        String reply = chat.restore(PARAGRAPH_2 + " Ik mail " + token + " vandaag.");
        int afterReply = counter.chars.get();
        ProtectedText turn2 = chat.protect(reply);

        assertEquals(PARAGRAPH_1.length() + reply.length(), afterReply, "the restored reply was detected once");
        assertEquals(afterReply, counter.chars.get(), "sending the reply back found it cached");
        assertTrue(reply.endsWith("Ik mail jan.jansen@voorbeeld.nl vandaag."));
        assertTrue(turn2.text().endsWith("Ik mail " + token + " vandaag."), "and it is protected as before");
    }

    @Test
    void aTextIsCutTheSameWhateverWasSeenBeforeSoContextWithinASegmentHolds() {
        // The first question was seen on its own; sent again with a second one after it, the two are still
        // one segment (under the minimum length), so the family name alone is tied to the full name above.
        Veil veil = Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build())
                .detectionCache().build();
        Session chat = veil.session("chat");
        String q1 = "user: Gisteren sprak ik met Paul De Grauwe over het plan.";
        String q2 = "user: Wat zei De Grauwe precies over het plan van de gemeente?";
        chat.protect(q1);

        String turn2 = chat.protect(q1 + "\n\n" + q2).text();

        assertTrue(!turn2.contains("De Grauwe"), turn2);
    }

    @Test
    void findingsDependOnTheTextAloneNotOnWhatTheEngineSawBefore() {
        // Built-in detectors, which use context (a family name after its full name, cue words): an engine
        // that saw other texts, prefixes and replies first finds what a fresh engine with the cache finds.
        List<String> pool = List.of("Gisteren sprak ik met Paul De Grauwe over het plan.",
                "Wat zei De Grauwe precies over het plan van de gemeente?",
                "Mijn collega Jansen belt morgen; zijn nummer is 06-12345678.",
                "Jansen heeft diabetes en vraagt of hij thuis mag werken.",
                "Stuur de factuur naar anouk.de.vries@voorbeeld.nl en zet Anouk in de cc.",
                "Het project loopt uit omdat de leverancier pas in week 12 kan leveren; de planning schuift dus op.",
                "Kun je dit herschrijven in een vriendelijke maar duidelijke toon, niet te formeel en zonder jargon?");
        Random random = new Random(42);
        Veil fresh = Veil.builder().detectionCache().build();
        for (int round = 0; round < 40; round++) {
            Veil seasoned = Veil.builder().detectionCache().build();
            List<String> paragraphs = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(8); i++) {
                StringBuilder p = new StringBuilder();
                for (int k = random.nextInt(4); k >= 0; k--) {
                    p.append(pool.get(random.nextInt(pool.size()))).append(' ');
                }
                paragraphs.add(p.toString().strip());
            }
            String text = "";
            for (int turn = 0; turn < paragraphs.size(); turn++) {
                seasoned.scan(paragraphs.get(random.nextInt(paragraphs.size())));
                text = turn == 0 ? paragraphs.get(0) : text + "\n\n" + paragraphs.get(turn);
                fresh.clearDetectionCache();
                assertEquals(fresh.scan(text), seasoned.scan(text), text);
            }
        }
    }

    @Test
    void findsTheSameAsWithoutTheCacheWhateverWasSeenBefore() {
        // Histories built from random paragraphs, scanned after random earlier texts (prefixes, replies on
        // their own, other histories): heads taken from the cache and texts cut afresh must never lose or
        // shift a finding. The detector needs no context, so the results must be identical.
        Random random = new Random(20261123);
        for (int round = 0; round < 300; round++) {
            CountingEmailDetector counter = new CountingEmailDetector();
            Veil cached = Veil.builder().withoutBuiltInDetectors().detector(counter).detectionCache().build();
            Veil uncached = Veil.builder().withoutBuiltInDetectors().detector(new CountingEmailDetector()).build();
            List<String> paragraphs = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(10); i++) {
                paragraphs.add(randomParagraph(random));
            }
            for (int scan = 0; scan < 6; scan++) {
                int from = random.nextInt(3) == 0 ? random.nextInt(paragraphs.size()) : 0;
                int to = from + 1 + random.nextInt(paragraphs.size() - from);
                String text = String.join(random.nextBoolean() ? "\n\n" : "\n \r\n", paragraphs.subList(from, to))
                        + (random.nextInt(4) == 0 ? "\n" : "");
                assertEquals(uncached.scan(text), cached.scan(text), text);
            }
        }
    }

    private static String randomParagraph(Random random) {
        StringBuilder sb = new StringBuilder();
        int words = 1 + random.nextInt(random.nextBoolean() ? 8 : 60);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(random.nextInt(12) == 0 ? "\n" : " ");
            }
            sb.append(random.nextInt(7) == 0 ? "p" + random.nextInt(50) + "@voorbeeld.nl" : "woord" + random.nextInt(9));
        }
        return sb.toString();
    }

    @Test
    void aStreamedReplyIsDetectedWhenTheStreamFinishes() {
        CountingEmailDetector counter = new CountingEmailDetector();
        Session chat = pseudonymising(counter, true).session("chat");
        String token = firstToken(chat.protect(PARAGRAPH_1).text());
        StreamRestorer stream = chat.streamRestorer();
        StringBuilder shown = new StringBuilder();
        String model = PARAGRAPH_2 + " Ik mail " + token + " vandaag.";
        for (int i = 0; i < model.length(); i += 7) {
            shown.append(stream.accept(model.substring(i, Math.min(model.length(), i + 7))));
        }
        assertEquals(PARAGRAPH_1.length(), counter.chars.get(), "nothing is detected while the reply streams");

        shown.append(stream.finish());
        chat.protect(shown.toString());

        assertEquals(PARAGRAPH_1.length() + shown.length(), counter.chars.get());
        assertEquals(chat.restore(model), shown.toString());
    }

    @Test
    void withoutTheCacheRestoringDetectsNothing() {
        CountingEmailDetector counter = new CountingEmailDetector();
        Veil veil = pseudonymising(counter, false);
        Session chat = veil.session("chat");
        chat.protect(PARAGRAPH_1);
        chat.restore(PARAGRAPH_2);
        StreamRestorer stream = chat.streamRestorer();
        stream.accept(PARAGRAPH_3);
        stream.finish();

        assertEquals(PARAGRAPH_1.length(), counter.chars.get());
    }

    @Test
    void aDetectorFailingOnARestoredReplyLosesNothingAndTheNextTurnStillFailsClosed() {
        Detector failing = new CountingEmailDetector() {
            @Override
            public void detect(DetectionInput input, FindingSink sink) {
                if (input.text().toString().contains("kapot")) {
                    throw new IllegalStateException("broken on purpose");
                }
                super.detect(input, sink);
            }
        };
        Veil veil = pseudonymising(failing, true);
        Session chat = veil.session("chat");
        String reply = "Dit antwoord is kapot, en de detector die het na het herstellen leest ook.";
        StreamRestorer stream = chat.streamRestorer();
        String streamed = stream.accept(reply.substring(0, 30)) + stream.accept(reply.substring(30));

        assertEquals(reply, chat.restore(reply));
        assertEquals(reply, streamed + stream.finish(), "the stream's last piece survives the failure");
        assertThrows(DetectionFailedException.class, () -> chat.protect(reply));
    }

    @Test
    void shortRestoredStringsAreNotDetectedAheadOfTime() {
        // A tool call's argument values are restored one by one and never sent back on their own.
        CountingEmailDetector counter = new CountingEmailDetector();
        Veil veil = pseudonymising(counter, true);
        Session chat = veil.session("chat");
        chat.restore("jan@voorbeeld.nl");
        chat.restore("Morgen om tien uur.");

        assertEquals(0, counter.chars.get());
    }

    /** The first e-mail token in a protected text, e.g. {@code [EMAIL_1]}. */
    private static String firstToken(String protectedText) {
        return protectedText.substring(protectedText.indexOf("[EMAIL"), protectedText.indexOf(']') + 1);
    }

    private static Veil pseudonymising(Detector detector, boolean cache) {
        Veil.Builder b = Veil.builder().withoutBuiltInDetectors().detector(detector)
                .policy(Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build());
        return (cache ? b.detectionCache() : b.withoutDetectionCache()).build();
    }

    @Test
    void findsTheSameWithAndWithoutTheCache() {
        Veil cached = Veil.builder().detectionCache().build();
        Veil uncached = Veil.builder().withoutDetectionCache().build();
        String history = PARAGRAPH_1 + "\n\n" + PARAGRAPH_2 + "\r\n \r\n" + PARAGRAPH_3 + "\n\n\n" + PARAGRAPH_1;
        for (int i = 0; i < 2; i++) {
            assertEquals(uncached.scan(history), cached.scan(history));
            assertEquals(uncached.protect(history).text(), cached.protect(history).text());
        }
    }

    @Test
    void clearingTheCacheMakesTheNextCallDetectAgain() {
        CountingEmailDetector counter = new CountingEmailDetector();
        Veil veil = Veil.builder().withoutBuiltInDetectors().detector(counter).detectionCache().build();
        veil.scan(PARAGRAPH_3);
        veil.scan(PARAGRAPH_3);
        assertEquals(PARAGRAPH_3.length(), counter.chars.get());

        veil.clearDetectionCache();
        veil.scan(PARAGRAPH_3);

        assertEquals(2 * PARAGRAPH_3.length(), counter.chars.get());
    }

    @Test
    void forgetsAParagraphNotSeenForTheExpiryTime() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        CountingEmailDetector counter = new CountingEmailDetector();
        Veil veil = Veil.builder().withoutBuiltInDetectors().detector(counter)
                .detectionCache(100, Duration.ofMinutes(5)).cacheTicker(ticker).build();
        veil.scan(PARAGRAPH_3);
        nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        veil.scan(PARAGRAPH_3);
        assertEquals(PARAGRAPH_3.length(), counter.chars.get(), "seen within the expiry time");

        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        veil.scan(PARAGRAPH_3);

        assertEquals(2 * PARAGRAPH_3.length(), counter.chars.get());
    }

    @Test
    void isOffByDefaultSoContextCrossesParagraphBreaks() {
        String filler = "Het overleg over de begroting duurde langer dan gepland en er werd veel gesproken over "
                + "de planning voor het komende jaar, de nieuwe huisvesting en de verdeling van de taken. ";
        String text = "Gisteren sprak ik met Paul De Grauwe over het plan. " + filler + filler
                + "\n\n" + filler + filler + "Daarna zei De Grauwe dat hij het plan steunt.";
        int second = text.lastIndexOf("De Grauwe");
        assertTrue(Veil.create().scan(text).stream().anyMatch(f -> f.type().equals(EntityType.PERSON)
                && f.start() <= second && f.end() >= second + "De Grauwe".length()),
                "the later bare surname is linked to the full name two paragraphs up");
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfParagraphs() {
        DetectionCache cache = new DetectionCache(50, Duration.ofHours(1), Ticker.systemTicker(), new ContentHash());
        for (int i = 0; i < 1000; i++) {
            cache.detect("bericht " + i, Language.AUTO, (s, l) -> new DetectionCache.Result(List.of(), true));
        }
        assertTrue(cache.size() <= 50, "size " + cache.size());
    }

    @Test
    void doesNotRememberAResultWhereATolerantPolicySkippedAFailingDetector() {
        AtomicInteger calls = new AtomicInteger();
        Detector flaky = new Detector() {
            @Override
            public String id() {
                return "flaky";
            }

            @Override
            public Set<EntityType> entityTypes() {
                return Set.of(EntityType.EMAIL);
            }

            @Override
            public void detect(DetectionInput input, FindingSink sink) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("transient");
                }
                sink.accept(0, 4, EntityType.EMAIL, 1.0);
            }
        };
        Policy tolerant = Policy.balanced().toBuilder().tolerateFailureOf("flaky").build();
        Veil veil = Veil.builder().policy(tolerant).withoutBuiltInDetectors().detector(flaky).detectionCache().build();

        assertEquals(List.of(), veil.scan(PARAGRAPH_3));
        assertEquals(1, veil.scan(PARAGRAPH_3).size(), "the failed run was not cached");
    }

    @Test
    void refusesASecondCacheConfiguration() {
        Veil.Builder builder = Veil.builder().withoutDetectionCache();
        assertThrows(IllegalStateException.class, () -> builder.detectionCache(10, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> Veil.builder().detectionCache(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> Veil.builder().detectionCache(10, Duration.ZERO));
    }

    @Test
    void cutsSegmentsAtBlankLinesOnlyAfterTheMinimumLength() {
        String shortParagraphs = "a\n\nb\n\nc";
        assertEquals(shortParagraphs.length(), DetectionCache.segmentEnd(shortParagraphs, 0));
        String text = "x".repeat(DetectionCache.MIN_SEGMENT) + "\n \t\n" + "y";
        assertEquals(DetectionCache.MIN_SEGMENT, DetectionCache.segmentEnd(text, 0));
        assertEquals(text.length() - 1, DetectionCache.skipBlank(text, DetectionCache.MIN_SEGMENT));
        String crlf = "x".repeat(DetectionCache.MIN_SEGMENT) + "\r\n\r\ny";
        assertEquals(DetectionCache.MIN_SEGMENT, DetectionCache.segmentEnd(crlf, 0));
    }

    @Test
    void hashesDifferForTextsThatDifferInOneCharOfAnyKind() {
        ContentHash hash = new ContentHash(new Random(1));
        String base = "Betaald € 12,50 aan piet@voorbeeld.nl \uD83D\uDE00 klaar";
        List<String> variants = new ArrayList<>();
        variants.add(base);
        variants.add(base.replace('€', '₹'));
        variants.add(base.replace('€', '?'));
        variants.add(base.replace("\uD83D\uDE00", "\uD83D\uDE01"));
        variants.add(base.replace("\uD83D\uDE00", "\uD800?"));
        variants.add(base + "\u0000");
        variants.add(base.substring(1));
        for (int i = 0; i < variants.size(); i++) {
            for (int j = i + 1; j < variants.size(); j++) {
                assertNotEquals(hash.of(variants.get(i), 0, variants.get(i).length(), Language.AUTO),
                        hash.of(variants.get(j), 0, variants.get(j).length(), Language.AUTO), i + " vs " + j);
            }
        }
        assertNotEquals(hash.of(base, 0, base.length(), Language.NL), hash.of(base, 0, base.length(), Language.EN));
    }

    @Test
    void everyCharOfALongLatin1RunChangesItsHashAndSwappedHalvesOfABlockToo() {
        // Runs of 32 and more are read four lanes at a time, 16 to 31 two lanes, the last few bytes as
        // two masked words: lengths around each step, a change at every position, and blocks whose
        // halves trade places.
        ContentHash hash = new ContentHash(new Random(9));
        Random random = new Random(10);
        for (int length : new int[] {1, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 47, 48, 63, 64, 65, 95, 96, 97, 130}) {
            char[] chars = new char[length];
            for (int k = 0; k < length; k++) {
                chars[k] = (char) ('a' + random.nextInt(26));
            }
            String base = new String(chars);
            ContentHash.Key key = hash.of(base, 0, length, Language.AUTO);
            for (int at = 0; at < length; at++) {
                char[] changed = chars.clone();
                changed[at] = changed[at] == 'z' ? 'y' : (char) (changed[at] + 1);
                assertNotEquals(key, hash.of(new String(changed), 0, length, Language.AUTO), length + " chars, at " + at);
            }
            for (int half : new int[] {8, 16}) {
                for (int block = 0; block + 2 * half <= length; block += 2 * half) {
                    char[] swapped = chars.clone();
                    System.arraycopy(chars, block + half, swapped, block, half);
                    System.arraycopy(chars, block, swapped, block + half, half);
                    assertNotEquals(key, hash.of(new String(swapped), 0, length, Language.AUTO),
                            length + " chars, halves of " + half + " swapped at " + block);
                }
            }
        }
    }

    @Test
    void aShortRunHashesTheSameWhateverTheBufferHeldBefore() {
        // A run's last bytes are read as whole words from a per-thread buffer, the bytes past the run
        // masked off: what an earlier, longer text left there must not reach the key.
        ContentHash hash = new ContentHash(new Random(11));
        for (int length = 1; length < 40; length++) {
            String text = "Jan de Vries, 0612345678, jan@voorbeeld.nl".substring(0, length);
            ContentHash.Key fresh = hash.of(text, 0, length, Language.AUTO);
            hash.of("z".repeat(5000), 0, 5000, Language.AUTO);
            assertEquals(fresh, hash.of(text, 0, length, Language.AUTO), length + " chars after a long text");
            hash.of("\u0000".repeat(64), 0, 64, Language.AUTO);
            assertEquals(fresh, hash.of(text, 0, length, Language.AUTO), length + " chars after zeros");
        }
    }

    @Test
    void textsOfOneLengthWhoseLatin1AndWideRunsSplitDifferentlyDiffer() {
        // A zero byte pads a run's last word: only the run lengths folded into the hash tell
        // "ab" + NUL + U+0100 from "ab" + U+0100 + NUL, and a run of 15 Latin-1 chars from one of 16.
        ContentHash hash = new ContentHash(new Random(12));
        String[][] pairs = {
            {"ab\u0000\u0100", "ab\u0100\u0000"},
            {"abcdefghijklmno\u0000\u0100", "abcdefghijklmno\u0100\u0000"},
            {"x".repeat(40) + "\u0000\u0100" + "y".repeat(5), "x".repeat(40) + "\u0100\u0000" + "y".repeat(5)},
        };
        for (String[] pair : pairs) {
            assertNotEquals(hash.of(pair[0], 0, pair[0].length(), Language.AUTO),
                    hash.of(pair[1], 0, pair[1].length(), Language.AUTO), pair[0].length() + " chars");
        }
    }

    @Test
    void hashesDifferWhereverACharAboveLatin1SitsEvenIfItsLowByteMatches() {
        // 'š' is U+0161: its low byte is 'a'. Latin-1 runs are hashed a byte per char, the rest a char.
        ContentHash hash = new ContentHash(new Random(5));
        Set<ContentHash.Key> keys = new HashSet<>();
        int length = 4096 + 40;
        String plain = "a".repeat(length);
        keys.add(hash.of(plain, 0, length, Language.AUTO));
        for (int at : new int[] {0, 1, 15, 16, 17, 31, 32, 33, 4095, 4096, 4097, length - 1}) {
            String wide = plain.substring(0, at) + "š" + plain.substring(at + 1);
            assertTrue(keys.add(hash.of(wide, 0, length, Language.AUTO)), "wide char at " + at);
            StringBuilder held = new StringBuilder(wide);
            assertEquals(hash.of(wide, 0, length, Language.AUTO), hash.of(held, 0, length, Language.AUTO));
        }
    }

    @Test
    void hashesOfRandomMixedTextsCollideOnlyForEqualTexts() {
        ContentHash hash = new ContentHash(new Random(6));
        Random random = new Random(7);
        char[] alphabet = {'a', 'b', 'é', 'ÿ', 'š', 'ā', '€', '\uD83D', '\uDE00', ' ', '\n'};
        Map<ContentHash.Key, String> seen = new HashMap<>();
        for (int t = 0; t < 20_000; t++) {
            char[] chars = new char[random.nextInt(70)];
            for (int i = 0; i < chars.length; i++) {
                // Mostly Latin-1, so runs of every length meet a wide char somewhere.
                chars[i] = alphabet[random.nextInt(10) < 8 ? random.nextInt(4) : random.nextInt(alphabet.length)];
            }
            String text = new String(chars);
            String before = seen.putIfAbsent(hash.of(text, 0, text.length(), Language.AUTO), text);
            assertTrue(before == null || before.equals(text), "two different texts share a key");
        }
    }

    @Test
    void hashesARangeTheSameWhateverHoldsTheChars() {
        ContentHash hash = new ContentHash(new Random(2));
        String text = "x".repeat(5000) + " één € " + "y".repeat(9000);
        StringBuilder builder = new StringBuilder(">>" + text + "<<");
        assertEquals(hash.of(text, 0, text.length(), Language.AUTO),
                hash.of(builder, 2, 2 + text.length(), Language.AUTO));
        assertNotEquals(hash.of(text, 0, text.length(), Language.AUTO),
                new ContentHash(new Random(3)).of(text, 0, text.length(), Language.AUTO), "keys differ per engine");
    }

    @Test
    void aPrefixKeepsItsKeyWhenTheTextGrowsAndChangesItWithAnyCharBeforeIt() {
        ContentHash hash = new ContentHash(new Random(8));
        // Longer than a chunk, with chars above Latin-1 on both sides of a chunk end and of a cut.
        String earlier = "vraag € 1 " + "a".repeat(4090) + "šé\n\n" + "antwoord " + "b".repeat(300);
        String later = earlier + "\n\nnieuwe vraag ₹ over " + "c".repeat(50);
        int[] cuts = {4101, 4103, earlier.length(), later.length()};
        ContentHash.Key[] grown = hash.prefixes(later, cuts, 4, Language.NL);
        ContentHash.Key[] seen = hash.prefixes(earlier, cuts, 3, Language.NL);
        for (int k = 0; k < 3; k++) {
            assertEquals(seen[k], grown[k], "prefix " + k);
        }
        assertEquals(new HashSet<>(List.of(grown)).size(), 4, "every prefix has a key of its own");
        assertNotEquals(grown[2], hash.prefixes(later, cuts, 4, Language.EN)[2], "the language is part of it");
        assertNotEquals(grown[2], hash.of(later, 0, earlier.length(), Language.NL), "a prefix is no segment");
        for (int at : new int[] {0, 5, 4095, 4096, 4100, 4102, earlier.length() - 1}) {
            char swapped = later.charAt(at) == 'a' ? 'ā' : 'a';
            String changed = later.substring(0, at) + swapped + later.substring(at + 1);
            ContentHash.Key[] other = hash.prefixes(changed, cuts, 4, Language.NL);
            for (int k = 0; k < 4; k++) {
                if (at < cuts[k]) {
                    assertNotEquals(grown[k], other[k], "char " + at + " changes prefix " + k);
                } else {
                    assertEquals(grown[k], other[k], "char " + at + " is after prefix " + k);
                }
            }
        }
        StringBuilder held = new StringBuilder(later);
        assertEquals(List.of(grown), List.of(hash.prefixes(held, cuts, 4, Language.NL)));
    }

    @Test
    void aOneSegmentMessageIsOneEntryThatServesItAloneAndInsideALaterText() {
        DetectionCache cache = new DetectionCache(50, Duration.ofHours(1), Ticker.systemTicker(),
                new ContentHash(new Random(12)));
        List<String> detected = new ArrayList<>();
        DetectionCache.SegmentDetector nameAtStart = (segment, language) -> {
            detected.add(segment.toString());
            return new DetectionCache.Result(List.of(new Finding(0, 3, EntityType.PERSON, 0.9, "t")), true);
        };
        String message = "Jan " + "vraagt iets ".repeat(30);
        String reply = "Piet " + "antwoordt ".repeat(30);

        cache.detect(message, Language.NL, nameAtStart);
        assertEquals(1, cache.size(), "one entry for the message as a segment and as a prefix");
        cache.detect(reply, Language.NL, nameAtStart);
        List<Finding> history = cache.detect(message + "\n\n" + reply, Language.NL, nameAtStart);
        List<Finding> alone = cache.detect(message, Language.NL, nameAtStart);
        List<Finding> blankFirst = cache.detect("\n" + message, Language.NL, nameAtStart);

        assertEquals(List.of(message.strip(), reply.strip()), detected, "each message detected once");
        int at = message.length() + 2;
        assertEquals(List.of(0, at), history.stream().map(Finding::start).toList());
        assertEquals(List.of(3, at + 3), history.stream().map(Finding::end).toList());
        assertEquals(1, alone.size());
        // A blank line before it is a first prefix of other chars: a look-up of its own, the same findings.
        assertEquals(List.of(1), blankFirst.stream().map(Finding::start).toList());
    }

    @Test
    void theKeyOfTheWholeTextIsHandedOutOnlyWhenItCoversEveryChar() {
        ContentHash hash = new ContentHash(new Random(11));
        DetectionCache cache = new DetectionCache(50, Duration.ofHours(1), Ticker.systemTicker(), hash);
        DetectionCache.SegmentDetector none = (segment, language) -> new DetectionCache.Result(List.of(), true);
        String text = "eerste alinea ".repeat(20) + "\n\ntweede alinea";
        ContentHash.Key[] whole = new ContentHash.Key[1];

        cache.detect(text, Language.NL, none, whole);

        int cut = DetectionCache.segmentEnd(text, 0);
        assertEquals(text.indexOf(" \n\n"), cut, "the blank before the break is no part of the segment");
        assertEquals(hash.prefixes(text, new int[] {cut, text.length()}, 2, Language.NL)[1], whole[0]);
        assertEquals(text.length(), whole[0].length());
        ContentHash.Key[] seenAgain = new ContentHash.Key[1];
        cache.detect(new StringBuilder(text), Language.NL, none, seenAgain);
        assertEquals(whole[0], seenAgain[0], "equal text, equal key, from the cache or not");
        ContentHash.Key[] otherLanguage = new ContentHash.Key[1];
        cache.detect(text, Language.EN, none, otherLanguage);
        assertNotEquals(whole[0], otherLanguage[0]);
        // Trailing blanks are no part of the last segment, so the pass names no key for all of the text.
        ContentHash.Key[] trailing = new ContentHash.Key[1];
        cache.detect(text + "\n", Language.NL, none, trailing);
        assertNull(trailing[0]);
        ContentHash.Key[] blank = new ContentHash.Key[1];
        cache.detect(" \n ", Language.NL, none, blank);
        assertNull(blank[0]);
    }

    @Test
    void aHistoryWithAChangedEarlierMessageIsDetectedAgainNotServedFromItsPrefix() {
        CountingEmailDetector counter = new CountingEmailDetector();
        Veil veil = Veil.builder().withoutBuiltInDetectors().detector(counter).detectionCache().build();
        String turn1 = PARAGRAPH_1 + "\n\n" + PARAGRAPH_2;
        veil.scan(turn1);
        String edited = PARAGRAPH_1.replace("jan.jansen@voorbeeld.nl", "jan.jansen@voorbeeld.be") + "\n\n" + PARAGRAPH_2
                + "\n\n" + PARAGRAPH_3;

        List<Finding> found = veil.scan(edited);

        assertEquals(List.of("jan.jansen@voorbeeld.be", "piet@voorbeeld.nl"),
                found.stream().map(f -> f.valueIn(edited)).toList());
    }

    @Test
    void keysPrintNoContent() {
        ContentHash.Key key = new ContentHash(new Random(4)).of("jan@voorbeeld.nl", 0, 16, Language.AUTO);
        assertEquals("Key[length=16]", key.toString());
    }

    /** Finds "@"-words and counts how many chars it was asked to look at. */
    private static class CountingEmailDetector implements Detector {
        final AtomicInteger chars = new AtomicInteger();

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public Set<EntityType> entityTypes() {
            return Set.of(EntityType.EMAIL);
        }

        @Override
        public void detect(DetectionInput input, FindingSink sink) {
            CharSequence t = input.text();
            chars.addAndGet(t.length());
            int wordStart = 0;
            for (int i = 0; i <= t.length(); i++) {
                if (i == t.length() || Character.isWhitespace(t.charAt(i))) {
                    int end = i;
                    while (end > wordStart && !Character.isLetter(t.charAt(end - 1))) {
                        end--;
                    }
                    for (int k = wordStart; k < end; k++) {
                        if (t.charAt(k) == '@') {
                            sink.accept(wordStart, end, EntityType.EMAIL, 1.0);
                            break;
                        }
                    }
                    wordStart = i + 1;
                }
            }
        }
    }

    @Test
    void contextCrossesABlankLineInsideASegmentButNeverACut() {
        // A phone number without a calling code needs a context word; the README promises context
        // across a short paragraph (it shares a segment with the next) and never across a cut.
        Veil cached = Veil.builder().detectionCache().build();
        Veil plain = Veil.create();
        String shortParagraph = "Telefoon:\n\n9472 7916";
        String longParagraph = "x".repeat(DetectionCache.MIN_SEGMENT) + " Telefoon:\n\n9472 7916";
        for (String text : List.of(shortParagraph, longParagraph)) {
            assertEquals(List.of(EntityType.PHONE), plain.scan(text).stream().map(Finding::type).toList(), text);
        }
        assertEquals(List.of(EntityType.PHONE), cached.scan(shortParagraph).stream().map(Finding::type).toList());
        assertTrue(cached.scan(longParagraph).isEmpty(), "the context word is in the segment before the cut");
    }
}
