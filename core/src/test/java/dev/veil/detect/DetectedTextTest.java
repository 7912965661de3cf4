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
