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
        assertEquals("mail [EMAIL_1]", Veil.builder().policy(SessionTest.PSEUDONYMIZE_ALL).build().session("other")
                .protect("mail jan@voorbeeld.nl").text(), "a numbered session skips the number instead");
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
