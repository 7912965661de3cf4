package dev.veil.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Veil;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DetectedTextTest {

    private static final Veil VEIL = Veil.create();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        zero-width space in an e-mail address  | Mail jan.jansen\u200B@voorbeeld.nl graag | Mail [EMAIL] graag
        zero-width space in its domain         | Mail jan.jansen@voor\u200Bbeeld.nl     | Mail [EMAIL]
        soft hyphen in an e-mail address       | Mail jan\u00ADjansen@voorbeeld.nl       | Mail [EMAIL]
        fullwidth at sign                      | Mail jan\uFF20voorbeeld.nl               | Mail [EMAIL]
        narrow no-break space in a phone       | bel 06\u202F12345678 vandaag             | bel [PHONE] vandaag
        non-breaking hyphen in a phone         | bel 06\u201112345678                     | bel [PHONE]
        zero-width space in a phone            | bel 06-1234\u200B5678                    | bel [PHONE]
        fullwidth digits                       | bel \uFF10\uFF16\uFF0D\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18 | bel [PHONE]
        zero-width space in an IBAN            | IBAN NL91 ABNA\u200B0417 1643 00 graag   | IBAN [IBAN] graag
        word joiner in a BSN                   | BSN 1234\u206056782                      | BSN [NL_BSN]
        """)
    void invisibleAndFullwidthCharsDoNotHideAnIdentifier(String what, String text, String expected) {
        assertEquals(expected, VEIL.protect(text).text(), what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        zero-width space before a BSN           | Mijn BSN is\u200B111222333       | Mijn BSN is\u200B[NL_BSN]
        zero-width space after a word           | bel\u200B0612345678              | bel\u200B[PHONE]
        zero-width space between two phones     | 0612345678\u200B0687654321       | [PHONE]\u200B[PHONE]
        zero-width space between two IBANs      | NL91ABNA0417164300\u200BNL91ABNA0417164300 | [IBAN]\u200B[IBAN]
        """)
    void anInvisibleCharBetweenTwoWordsStillSeparatesThem(String what, String text, String expected) {
        assertEquals(expected, VEIL.protect(text).text(), what);
    }

    @Test
    void twoAddressesJoinedByAnInvisibleCharAreBothProtected() {
        // Folded, they read as one address "jan@voorbeeld.nlpiet@…"; as typed, as two. Both readings are
        // kept and resolved, so no letter of either goes out (an '@' between them may).
        String out = VEIL.protect("jan@voorbeeld.nl\u200Bpiet@voorbeeld.nl").text();
        assertFalse(out.contains("jan") || out.contains("piet") || out.contains("voorbeeld"), out);
    }

    @Test
    void aDenyListedValueWithANoBreakSpaceOrFullwidthCharsIsStillFound() {
        Veil veil = Veil.builder().deny(EntityType.of("PROJECT"), "Project\u00A0Alpha", "ＡＢＣ１２３").build();
        assertEquals("Over [PROJECT] gesproken", veil.protect("Over Project\u00A0Alpha gesproken").text());
        assertEquals("code [PROJECT] ok", veil.protect("code ＡＢＣ１２３ ok").text());
    }

    @Test
    void aTextWithoutSuchCharsIsSeenAsItIs() {
        for (String text : List.of("Beste Zoë, bel 06-12345678 of mail jan@voorbeeld.nl. Groet, Ümit €5",
                "een niet-teken \uFFFF en een emoji \uD83D\uDE00 blijven")) {
            assertNull(DetectedText.of(text));
            assertFalse(Anchors.holdsCharsToFold(Anchors.of(text)), text);
        }
        for (String text : List.of("a\u200Bb", "x".repeat(200) + "\u00A0", "\uFF10")) {
            assertTrue(Anchors.holdsCharsToFold(Anchors.of(text)), text);
        }
    }

    @Test
    void findingsMapBackOverTheCharsLeftOutOrFolded() {
        String text = "a\u200Bb\u00A0c\uFF11\u00AD";
        DetectedText folded = DetectedText.of(text);
        assertEquals("ab c1", folded.text());
        List<Finding> back = folded.toOriginal(List.of(new Finding(0, 2, EntityType.PERSON, 1, "t"),
                new Finding(1, 5, EntityType.PHONE, 1, "t")));
        assertEquals(List.of(new Finding(0, 3, EntityType.PERSON, 1, "t"), new Finding(2, 6, EntityType.PHONE, 1, "t")), back);
    }
}
