package dev.veil.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.Action;
import dev.veil.Policy;
import dev.veil.Veil;
import dev.veil.session.Session;
import org.junit.jupiter.api.Test;

class JsonArgumentsTest {

    private static final String EMAIL = "jan.jansen@voorbeeld.nl";

    private static Session session() {
        Session s = Veil.builder().policy(Policy.balanced().toBuilder().defaultAction(Action.PSEUDONYMIZE).build())
                .build().session("arguments");
        assertEquals("mail [EMAIL_1]", s.protect("mail " + EMAIL).text());
        return s;
    }

    @Test
    void replyArgumentsGetKeysAndValuesBackWithNumbersAsWritten() {
        Session s = session();
        assertEquals("{\"" + EMAIL + "\":true,\"to\":[\"" + EMAIL + "\"],\"amount\":1.10,\"big\":12345678901234567890}",
                ReplyRestorer.restoreArguments("{\"[EMAIL_1]\":true,\"to\":[\"[EMAIL_1]\"],\"amount\":1.10,"
                        + "\"big\":12345678901234567890}", s));
        assertEquals("{\"[EMAIL_1]\":1,\"" + EMAIL + "\":2}",
                ReplyRestorer.restoreArguments("{\"[EMAIL_1]\":1,\"" + EMAIL + "\":2}", s),
                "a token key whose value is also a key keeps its token: no value is dropped");
    }

    @Test
    void argumentsThatAreNotExactlyOneJsonValueAreLeftAsTheModelWroteThem() {
        Session s = session();
        for (String odd : new String[] {"{\"n\":1} [EMAIL_1]", "{\"n\":1}{\"to\":\"[EMAIL_1]\"}",
                "{\"to\":\"[EMAIL_1]\",\"to\":\"x\"}", "{\"to\":\"[EMAIL_1]\"", "\"[EMAIL_1]\""}) {
            assertEquals(odd, ReplyRestorer.restoreArguments(odd, s), odd);
        }
    }
}
