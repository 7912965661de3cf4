package dev.veil.detect;

import static dev.veil.FindingAssertions.assertFindsExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.veil.EntityType;
import dev.veil.Language;
import dev.veil.Veil;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {

    private static final Veil VEIL = DetectorTables.only(Detectors.phone());

    @ParameterizedTest
    @ValueSource(strings = {
        "Bel me op ⟦06-12345678⟧ na vijf uur.",
        "Mijn mobiel: ⟦06 1234 5678⟧.",
        "Nummer ⟦06 12 34 56 78⟧ is van de huisarts.",
        "(bereikbaar via ⟦(06) 12345678⟧)",
        "Kantoor ⟦020-1234567⟧ of ⟦(020) 123 45 67⟧, vraag naar Els.",
        "In Zeeland: ⟦0111-123456⟧.",
        "Internationaal ⟦+31 6 12345678⟧ of ⟦+31 (0)6 12345678⟧.",
        "Vanuit het buitenland ⟦0031 20 1234567⟧ bellen.",
        "Belgische gsm ⟦0470 12 34 56⟧ of ⟦0470/12.34.56⟧ of ⟦+32 470 12 34 56⟧.",
        "Brussel: ⟦02/234.56.78⟧ (centrale).",
        "UK office ⟦+44 20 7946 0958⟧, Berlin ⟦+49 30 12345678⟧.",
        "Call ⟦+1 212-555-0123⟧ or ⟦(212) 555-0199⟧ tomorrow.",
        "Op 12-03-2024 belde hij van ⟦0612345678⟧.",
        "Afspraak 2024-03-12 ⟦0612345678⟧ terugbellen",
        "tel:⟦0201234567⟧",
        "IBAN NL91ABNA0417164300, tel ⟦06-12345678⟧, BSN 123456782",
        "Canadian office ⟦905-674-3793⟧ (NANP, not region US).",
        "Desk: ⟦+1-903-140-4508x769⟧ after hours.",
        "Phone: ⟦60-56-85-91⟧ (a foreign national format, found by its context word)",
        "Can someone call me on ⟦9472 7916⟧?",
    })
    void findsTheFormsPeopleWrite(String sentence) {
        assertFindsExactly(VEIL, EntityType.PHONE, sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "De vergadering is op 12-03-2024 om 14:30.",
        "Geboren 06 12 34, dat is een datum.",
        "Datum: 2024-03-12 10:15:00",
        "Het kost € 0612345678 volgens de offerte.",
        "Totaal 0612345678 EUR inclusief btw.",
        "Upgrade naar versie 1.2.3.4 of 10.0.19045.",
        "Ordernummer 0612345678 is verzonden.",
        "Klantnummer: 0201234567 (niet bellen)",
        "IBAN NL91ABNA0417164300 is de rekening.",
        "Kaart 4111 1111 1111 1111 verloopt in 2027.",
        "Reference 123456789012 for the invoice.",
        "Hij woog 78,5 kilo en liep 10.000 stappen.",
        "Postcode 1012 AB, huisnummer 12.",
        "Serienummer AB0612345678CD",
        "Here's my SSN: 054-28-6917",
        "My driver's license number is 2270-66-1551",
        "Zonder context is 60-56-85-91 gewoon een code.",
    })
    void ignoresDatesMoneyVersionsAndOtherNumbers(String sentence) {
        assertFindsExactly(VEIL, EntityType.PHONE, sentence);
    }

    @Test
    void nationalNumbersNeedTheTextsLanguageRegions() {
        String uk = "Zie 020 7946 0958 hierboven";
        assertEquals(List.of(), VEIL.scan(uk, Language.NL));
        assertEquals(1, VEIL.scan(uk, Language.EN).size());
        String nl = "Zie 06-12345678 hierboven";
        assertEquals(List.of(), VEIL.scan(nl, Language.EN));
        assertEquals(1, VEIL.scan(nl, Language.AUTO).size());
    }

    @Test
    void internationalNumbersAreFoundWhateverTheLanguage() {
        assertEquals(1, VEIL.scan("Bel +49 30 12345678", Language.NL).size());
        assertEquals(1, VEIL.scan("Call +31 6 12345678", Language.EN).size());
    }

    @Test
    void regionsAreConfigurable() {
        Veil german = DetectorTables.only(Detectors.phone(List.of("DE"), List.of("GB")));
        assertEquals(1, german.scan("Ruf 030 12345678 an", Language.NL).size());
        assertThrows(IllegalArgumentException.class, () -> Detectors.phone(List.of("XX"), List.of()));
    }
}
