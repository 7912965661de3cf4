package dev.veil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.Action;
import dev.veil.EntityType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The alteration table: how a model may change {@code [PERSON_1]} (and {@code [CREDIT_CARD_1]}) and
 * whether restore still recognises it. Both columns are checked whole-text and streamed char by char.
 */
class RestoreAlterationTest {

    private static Session session;

    @BeforeAll
    static void issueTokens() {
        session = Fixtures.standalone();
        String out = Fixtures.protect(session, "Jan de Vries", Action.PSEUDONYMIZE, EntityType.PERSON, "Jan de Vries");
        assertEquals("[PERSON_1]", out);
        out = Fixtures.protect(session, "card 4111 1111 1111 1111", Action.PSEUDONYMIZE, EntityType.CREDIT_CARD,
                "4111 1111 1111 1111");
        assertEquals("card [CREDIT_CARD_1]", out);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Hi [PERSON_1],                 | Hi Jan de Vries,
            Hi [person_1],                 | Hi Jan de Vries,
            Hi [Person_1],                 | Hi Jan de Vries,
            Hi PERSON_1,                   | Hi Jan de Vries,
            Hi person_1,                   | Hi Jan de Vries,
            Hi <PERSON_1>,                 | Hi Jan de Vries,
            Hi (PERSON_1),                 | Hi Jan de Vries,
            Hi {PERSON_1},                 | Hi Jan de Vries,
            Hi [[PERSON_1]],               | Hi [Jan de Vries],
            Hi «PERSON_1»,                 | Hi Jan de Vries,
            Hi &lt;PERSON_1&gt;,           | Hi Jan de Vries,
            Hi \\[PERSON\\_1\\],           | Hi Jan de Vries,
            Hi [PERSON 1],                 | Hi Jan de Vries,
            Hi [person 1],                 | Hi Jan de Vries,
            Hi [PERSON-1],                 | Hi Jan de Vries,
            Hi PERSON 1,                   | Hi Jan de Vries,
            Hi PERSON-1,                   | Hi Jan de Vries,
            Hi **[PERSON_1]**,             | Hi **Jan de Vries**,
            Hi **PERSON_1**,               | Hi **Jan de Vries**,
            Hi _PERSON_1_,                 | Hi _Jan de Vries_,
            Hi *[PERSON_1]*,               | Hi *Jan de Vries*,
            Hi `[PERSON_1]`,               | Hi `Jan de Vries`,
            [PERSON_1]'s car               | Jan de Vries's car
            [PERSON_1]s auto               | Jan de Vriess auto
            Hi [PERSON_1).                 | Hi Jan de Vries.
            Hi [ PERSON_1 ].               | Hi [ Jan de Vries ].
            pay [CREDIT_CARD_1] now        | pay 4111 1111 1111 1111 now
            pay [credit card 1] now        | pay 4111 1111 1111 1111 now
            pay CREDIT-CARD-1 now          | pay 4111 1111 1111 1111 now
            """)
    void restoresTheseAlterations(String reply, String expected) {
        assertBoth(reply, expected);
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource(delimiter = '|', textBlock = """
            the person 1 floor up          | prose: lower case with a space is not a token
            Person 1 said                  | prose: title case with a space is not a token
            Hi [PERSON_2]                  | never issued
            Hi [PERSON_10]                 | never issued; PERSON_1 must not eat PERSON_10
            Hi [PERSON_01]                 | leading zero is not the issued number
            Hi [PERSON_0]                  | out of range
            Hi [PERSON_99999999999999]     | out of range
            Hi [PERSN_1]                   | misspelt type: no fuzzy matching
            Hi [PERSOON_1]                 | translated type
            Hi [PERSON]                    | number dropped
            Hi [PERSON_ONE]                | number spelt out
            Hi [EMAIL_1]                   | type never issued
            Hi XPERSON_1                   | glued to a word
            Hi PERSON_1x                   | glued to a word
            Hi FOO_PERSON_1                | part of an identifier
            Hi PERSON_1_2                  | part of a longer identifier
            Hi [PERSON__1]                 | doubled separator
            """)
    void leavesTheseAsTheyAre(String reply, String why) {
        assertBoth(reply, reply);
    }

    @org.junit.jupiter.api.Test
    void caseToleranceDoesNotDependOnTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            Session s = Fixtures.standalone();
            Fixtures.protect(s, "mail i@voorbeeld.nl", Action.PSEUDONYMIZE, EntityType.EMAIL, "i@voorbeeld.nl");
            Fixtures.protect(s, "IP 10.1.2.3", Action.PSEUDONYMIZE, EntityType.IP_ADDRESS, "10.1.2.3");
            assertEquals("i@voorbeeld.nl 10.1.2.3", s.restore("[email_1] [ip_address_1]"));
            assertEquals("i@voorbeeld.nl 10.1.2.3", s.restore("[EMAİL_1] [ip address 1]".replace("İ", "I")));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    private static void assertBoth(String reply, String expected) {
        assertEquals(expected, session.restore(reply), "whole text");
        List<String> chars = reply.chars().mapToObj(c -> String.valueOf((char) c)).toList();
        assertEquals(expected, Fixtures.streamed(session, chars), "streamed char by char");
    }
}
