package dev.veil.detect;

import static dev.veil.FindingAssertions.assertFindsExactly;

import dev.veil.EntityType;
import dev.veil.Veil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCardDetectorTest {

    private static final Veil VEIL = DetectorTables.only(Detectors.creditCard());

    @ParameterizedTest
    @ValueSource(strings = {
        "Mijn Visa is ⟦4111 1111 1111 1111⟧, vervalt 12/27.",
        "Mastercard ⟦5500-0000-0000-0004⟧ please.",
        "Amex ⟦378282246310005⟧ and Discover ⟦6011111111111117⟧.",
        "JCB ⟦3530111333300000⟧ en Diners ⟦30569309025904⟧",
        "kaart:⟦4012888888881881⟧",
        "Old JCB ⟦180016070420458⟧ and ⟦213176828496175⟧, new ⟦3598899323053410⟧",
    })
    void findsLuhnValidCardsOfMajorSchemes(String sentence) {
        assertFindsExactly(VEIL, EntityType.CREDIT_CARD, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fout getal 4111 1111 1111 1112 (Luhn faalt).",
        "Afgekapt 4111 1111 1111",
        "Gemengde scheiding 4111 1111-1111 1111",
        "Ordernummer 1234567812345670 is geen kaart van een bekend schema.",
        "Tracking 94001118992232134567 is te lang.",
    })
    void ignoresInvalidOrTruncatedNumbers(String sentence) {
        assertFindsExactly(VEIL, EntityType.CREDIT_CARD, sentence);
    }
}
