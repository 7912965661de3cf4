package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Veil;
import dev.veil.VeilException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyedTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static Veil keyed(byte[] key) {
        return Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).tokenKey(key).build();
    }

    @Test
    void theSameValueGetsTheSameTokenInEveryEngineWithTheSameKey() {
        String a = keyed(KEY).session("doc-1").protect("mail jan@voorbeeld.nl en piet@voorbeeld.nl").text();
        String b = keyed(KEY.clone()).session("doc-2").protect("cc piet@voorbeeld.nl, mail JAN@voorbeeld.nl").text();
        String janA = a.substring(5, a.indexOf(" en"));
        assertTrue(janA.matches("\\[EMAIL_[1-9]\\d{11}]"), janA);
        assertTrue(b.endsWith("mail " + janA), b);
        assertTrue(b.startsWith("cc " + a.substring(a.indexOf(" en ") + 4) + ","), b);
    }

    @Test
    void aDifferentKeyGivesDifferentTokens() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        String a = keyed(KEY).session("x").protect("mail jan@voorbeeld.nl").text();
        String b = keyed(other).session("x").protect("mail jan@voorbeeld.nl").text();
        assertNotEquals(a, b);
    }

    @Test
    void aKeyedTokenTheUserTypedBeforeItWasIssuedFailsClosedInsteadOfRestoringHisLiteral() {
        String token = keyed(KEY).session("first").protect("mail jan@voorbeeld.nl").text().substring(5);
        Session s = keyed(KEY).session("second");
        String typed = token.substring(1, token.length() - 1);
        assertEquals("zie " + typed, s.protect("zie " + typed).text(), "nothing issued yet: a literal");

        VeilException e = assertThrows(VeilException.class, () -> s.protect("mail jan@voorbeeld.nl"));

        assertFalse(e.getMessage().contains("jan"), e.getMessage());
        assertEquals("echo " + typed, s.restore("echo " + typed), "the user's literal still restores to itself");
        Session numbered = Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).build().session("other");
        numbered.protect("zie EMAIL_1");
        assertEquals("mail [EMAIL_2]", numbered.protect("mail jan@voorbeeld.nl").text(),
                "a numbered session skips the number instead");
    }

    @Test
    void aRefusalMidTurnStillPublishesWhatTheTurnIssuedBeforeIt() {
        String jan = keyed(KEY).session("first").protect("mail jan@voorbeeld.nl").text().substring(6);
        String janTyped = jan.substring(0, jan.length() - 1);
        Session s = keyed(KEY).session("second");
        s.protect("zie " + janTyped);

        assertThrows(VeilException.class, () -> s.protect("mail piet@voorbeeld.nl en jan@voorbeeld.nl"));

        String piet = s.protect("mail piet@voorbeeld.nl").text().substring(5);
        assertEquals("piet@voorbeeld.nl", s.restore(piet), "the token issued before the refusal restores");
        String typed = "ik typte " + piet + " zelf";
        String sent = s.protect(typed).text();
        assertFalse(sent.contains(piet), "the user's copy of it is a look-alike: " + sent);
        s.protect("bel 06-12345678");
        assertEquals(typed, s.restore(sent), "and restores to what he typed, also after later turns");
    }

    @Test
    void keyedTokensRestoreLikeNumberedOnesAndStayTolerant() {
        Session s = keyed(KEY).session("restore");
        String token = s.protect("jan@voorbeeld.nl").text();
        assertEquals("Hi jan@voorbeeld.nl!", s.restore("Hi " + token.toLowerCase() + "!"));
        assertEquals("Hi [EMAIL_100000000000]!", s.restore("Hi [EMAIL_100000000000]!"));
        assertFalse(token.contains("jan"));
    }
}
