package dev.veil.detect;

import static dev.veil.FindingAssertions.assertFindsExactly;

import dev.veil.EntityType;
import dev.veil.Veil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanDetectorTest {

    private static final Veil VEIL = DetectorTables.only(Detectors.iban());

    @ParameterizedTest
    @ValueSource(strings = {
        "Maak het over naar ⟦NL91 ABNA 0417 1643 00⟧ t.n.v. J. de Vries.",
        "Rekening ⟦NL91ABNA0417164300⟧, graag voor vrijdag.",
        "kleine letters: ⟦nl91abna0417164300⟧",
        "Belgisch nummer ⟦BE68 5390 0754 7034⟧ (KBC).",
        "German account ⟦DE89 3704 0044 0532 0130 00⟧ for the refund.",
        "UK: ⟦GB29 NWBK 6016 1331 9268 19⟧; FR: ⟦FR14 2004 1010 0505 0001 3M02 606⟧",
        "Norway ⟦NO9386011117947⟧ is the shortest.",
        "(⟦NL02ABNA0123456789⟧)",
    })
    void findsValidIbansOfManyCountries(String sentence) {
        assertFindsExactly(VEIL, EntityType.IBAN, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fout rekeningnummer NL91 ABNA 0417 1643 01 (controlecijfer klopt niet).",
        "Afgekapt: NL91 ABNA 0417 1643",
        "XX91ABNA0417164300 is geen land.",
        "Code NL12 in het formulier.",
        "ABNL91ABNA0417164300 zit aan een woord vast.",
    })
    void ignoresWrongChecksumsAndTruncations(String sentence) {
        assertFindsExactly(VEIL, EntityType.IBAN, sentence);
    }
}
