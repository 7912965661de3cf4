package dev.veil.detect;

import static dev.veil.FindingAssertions.assertFindsExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Policy;
import dev.veil.Veil;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdDetectorTest {

    private static final Veil BSN = DetectorTables.only(Detectors.nlBsn());
    private static final Veil RRN = DetectorTables.only(Detectors.beNationalNumber());

    @ParameterizedTest
    @ValueSource(strings = {
        "Mijn BSN is ⟦123456782⟧.",
        "burgerservicenummer: ⟦1234.56.782⟧",
        "Sofinummer ⟦123 456 782⟧ staat op de loonstrook.",
        "Het BSN van de cliënt (⟦111222333⟧) klopt.",
        "citizen service number ⟦12345672⟧ (eight digits, leading zero dropped)",
        "Nummer ⟦123.456.782⟧ is geformatteerd als BSN.",
    })
    void findsBsnWithContextOrFormatting(String sentence) {
        assertFindsExactly(BSN, EntityType.NL_BSN, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "BSN 123456783 heeft een fout controlecijfer.",
        "Zonder context is 111222333 te zwak.",
        "BSN 000000000 is ongeldig.",
        "Telefoon 0612345678 is tien cijfers.",
        "BSN 12345678 9 is verkeerd gesplitst.",
        "Bedrag 1.234.567.890 euro",
    })
    void ignoresWrongChecksumsAndBareNumbers(String sentence) {
        assertFindsExactly(BSN, EntityType.NL_BSN, sentence);
    }

    @Test
    void strictPolicyActsOnBareNumbersToo() {
        Veil strict = Veil.builder().withoutBuiltInDetectors().detector(Detectors.nlBsn()).policy(Policy.strict()).build();
        List<Finding> findings = strict.scan("Zonder context is 111222333 te zwak.");
        assertEquals(1, findings.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Rijksregisternummer ⟦90.01.01-001.23⟧ van de werknemer.",
        "INSZ: ⟦900101 001 23⟧",
        "national number ⟦85073003328⟧ on the eID",
        "Geboren in 2001: ⟦01.02.03-123.45⟧",
        "BIS-nummer ⟦90.21.01-001.66⟧ voor een grensarbeider.",
    })
    void findsBelgianNationalAndBisNumbers(String sentence) {
        assertFindsExactly(RRN, EntityType.BE_NATIONAL_NUMBER, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Rijksregisternummer 90.01.01-001.24 heeft een fout controlegetal.",
        "Maand 13 bestaat niet: 90.13.01-001.62",
        "Afgekapt 90.01.01-001",
        "Telefoon +32 470 12 34 56",
    })
    void ignoresInvalidBelgianNumbers(String sentence) {
        assertFindsExactly(RRN, EntityType.BE_NATIONAL_NUMBER, sentence);
    }
}
