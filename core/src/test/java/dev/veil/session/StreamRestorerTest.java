package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Action;
import dev.veil.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamRestorerTest {

    private static final String[] PIECES = {
        "[PERSON_1]", "[person_2]", "PERSON_1", "<PERSON_2>", "**PERSON_1**", "[PERSON_3]", "[PERSON_12]",
        "[EMAIL_1]", "EMAIL 1", "[", "]", "[[", "<", "&lt;", "&gt;", "\\", "\\_", "_", "PERSON", "Person 1",
        " ", " ", " ", "de ", "het ", "Piet Bakker", "Piet", "Bakker", "P. Bakker", "é", "😀", "\n", "1", "2",
        "PERS", "ON_1", "EMA", "IL_1]", "x", "Pe", "p.bakker@example.org", "_"};

    private static Session sessionWithTokensAndSurrogates() {
        Session s = Fixtures.standalone();
        Fixtures.protect(s, "Jan de Vries en Kees Smit", Action.PSEUDONYMIZE, EntityType.PERSON,
                "Jan de Vries", "Kees Smit");
        Fixtures.protect(s, "mail jan@voorbeeld.nl", Action.PSEUDONYMIZE, EntityType.EMAIL, "jan@voorbeeld.nl");
        Fixtures.protect(s, "Anna Jansen", Action.SURROGATE, EntityType.PERSON, "Anna Jansen");
        return s;
    }

    @Test
    void restoresTokenSplitAcrossStreamChunks() {
        Session s = sessionWithTokensAndSurrogates();
        assertEquals("Dag Jan de Vries!", Fixtures.streamed(s, List.of("Dag [", "PERSON", "_", "1", "]!")));
        assertEquals("Dag Jan de Vries!", Fixtures.streamed(s, List.of("Dag [PER", "SON_1", "]", "!")));
    }

    @Test
    void releasesPlainTextAtOnceAndHoldsBackOnlyWhatMightBecomeAToken() {
        StreamRestorer r = sessionWithTokensAndSurrogates().streamRestorer();
        assertEquals("Hello there, ", r.accept("Hello there, "));
        assertEquals("", r.accept("[PERS"));
        assertEquals(5, r.heldBack());
        assertEquals("Jan de Vries and ", r.accept("ON_1] and "));
        assertEquals("Please ", r.accept("Please "), "a word that cannot become a token is not held back");
        assertEquals("", r.finish());
    }

    @Test
    void releasesAnUnfinishedTokenAsItIsWhenTheStreamEnds() {
        StreamRestorer r = sessionWithTokensAndSurrogates().streamRestorer();
        assertEquals("cut off ", r.accept("cut off [PERSON_"));
        assertEquals("[PERSON_", r.finish());
        assertThrows(IllegalStateException.class, () -> r.accept("more"));
    }

    @Test
    void everySplitIntoTwoOrThreeChunksGivesTheWholeTextResult() {
        Session s = sessionWithTokensAndSurrogates();
        String reply = "Beste [person_1], **PERSON_2** schreef <EMAIL_1> aan Piet Bakker; [PERSON_12] en P. Bakker.";
        String whole = s.restore(reply);
        assertTrue(whole.contains("Jan de Vries") && whole.contains("Kees Smit") && whole.contains("jan@voorbeeld.nl"));
        for (int i = 0; i <= reply.length(); i++) {
            for (int j = i; j <= reply.length(); j++) {
                List<String> chunks = List.of(reply.substring(0, i), reply.substring(i, j), reply.substring(j));
                assertEquals(whole, Fixtures.streamed(s, chunks), "split at " + i + ", " + j);
            }
        }
    }

    @Test
    void randomRepliesGiveTheSameOutputForEveryRandomChunking() {
        Session s = sessionWithTokensAndSurrogates();
        Random random = new Random(4);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(25);
            for (int k = 0; k < n; k++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String reply = b.toString();
            String whole = s.restore(reply);
            for (int c = 0; c < 5; c++) {
                List<String> chunks = new ArrayList<>();
                int at = 0;
                while (at < reply.length()) {
                    int len = 1 + random.nextInt(Math.min(12, reply.length() - at));
                    chunks.add(reply.substring(at, at + len));
                    at += len;
                }
                assertEquals(whole, Fixtures.streamed(s, chunks), "reply #" + round);
            }
        }
    }

    @Test
    void holdsBackABoundedFewDozenCharsOnAdversarialInput() {
        Session s = sessionWithTokensAndSurrogates();
        StreamRestorer r = s.streamRestorer();
        int worst = 0;
        StringBuilder out = new StringBuilder();
        String evil = "[[PERSON PERSON_PERSON-PERSON_" + "1".repeat(500) + "\\\\\\" + "P. Bakke".repeat(50);
        for (char c : evil.toCharArray()) {
            out.append(r.accept(String.valueOf(c)));
            worst = Math.max(worst, r.heldBack());
        }
        out.append(r.finish());
        assertEquals(s.restore(evil), out.toString());
        assertTrue(worst <= 40, "held back " + worst);
        assertTrue(r.maxHoldBack() <= 80, "bound " + r.maxHoldBack());
    }

    @Test
    void neverReturnsHalfASurrogatePair() {
        StreamRestorer r = sessionWithTokensAndSurrogates().streamRestorer();
        String emoji = "😀";
        assertEquals("a", r.accept("a" + emoji.charAt(0)));
        assertEquals(emoji + "b", r.accept(emoji.charAt(1) + "b"));
        assertEquals("", r.finish());
    }

    @Test
    void toStringShowsNoText() {
        StreamRestorer r = sessionWithTokensAndSurrogates().streamRestorer();
        r.accept("Dag [PERSON_1");
        assertEquals("StreamRestorer[heldBack=9]", r.toString());
    }
}
